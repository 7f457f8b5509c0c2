/// How soon the second opinion is needed, most severe first.
public enum Urgency: String, Codable, Sendable, CaseIterable, Comparable {
  case emergency
  case urgent
  case soon
  case routine

  /// Severity, higher is more severe.
  public var severity: Int {
    switch self {
    case .emergency: return 3
    case .urgent: return 2
    case .soon: return 1
    case .routine: return 0
    }
  }

  public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.severity < rhs.severity }
}
