/// Three-valued logic for conditions over answers that may be "not sure".
public enum Truth: String, Codable, Sendable {
  case yes
  case no
  /// The answer it depends on is unknown or declined.
  case unknown

  /// Logical and: no beats unknown beats yes.
  public static func && (lhs: Truth, rhs: Truth) -> Truth {
    if lhs == .no || rhs == .no { return .no }
    if lhs == .unknown || rhs == .unknown { return .unknown }
    return .yes
  }

  /// Logical or: yes beats unknown beats no.
  public static func || (lhs: Truth, rhs: Truth) -> Truth {
    if lhs == .yes || rhs == .yes { return .yes }
    if lhs == .unknown || rhs == .unknown { return .unknown }
    return .no
  }

  /// Logical not; unknown stays unknown.
  public static prefix func ! (value: Truth) -> Truth {
    switch value {
    case .yes: return .no
    case .no: return .yes
    case .unknown: return .unknown
    }
  }
}
