/// What harm waiting for the second opinion could cause, most severe first.
public enum DelayRisk: String, Codable, Sendable, CaseIterable, Comparable {
  case high
  case moderate
  case low

  /// Severity, higher is more severe.
  public var severity: Int {
    switch self {
    case .high: return 2
    case .moderate: return 1
    case .low: return 0
    }
  }

  /// The level as a word in a letter ("Moderate"): the raw value with a capital.
  public var title: String {
    switch self {
    case .high: return "High"
    case .moderate: return "Moderate"
    case .low: return "Low"
    }
  }

  public static func < (lhs: DelayRisk, rhs: DelayRisk) -> Bool { lhs.severity < rhs.severity }
}
