/// Marks a record made by the emergency disposition, so staff see it first.
public struct EmergencyFlag: Codable, Sendable, Equatable {
  /// The stop rule that fired.
  public var rule: String
  /// What staff should do, in words.
  public var staffAction: String
}
