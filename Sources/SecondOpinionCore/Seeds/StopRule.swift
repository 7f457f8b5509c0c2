/// A rule that ends the interview at once (the emergency disposition) when its
/// condition holds or cannot be ruled out.
public struct StopRule: Codable, Sendable, Equatable {
  /// Stable id, recorded as the emergency flag's cause.
  public var id: String
  /// When it fires. An unknown result fires too: never under-triage.
  public var when: Condition
  /// The safety messages to show, by id, in order.
  public var messages: [String]
  /// Where this rule comes from.
  public var source: String?
  /// The line in the YAML file where the rule starts (filled by the loader).
  public var line: Int?
}
