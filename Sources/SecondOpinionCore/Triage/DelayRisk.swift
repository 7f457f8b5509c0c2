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

  public static func < (lhs: DelayRisk, rhs: DelayRisk) -> Bool { lhs.severity < rhs.severity }
}
