/// A decision node: a test over the answers, with a branch for yes and for no.
/// When the test cannot be decided (an answer is unknown), the evaluator takes
/// the branch whose worst outcome is more severe.
public struct TreeNode: Codable, Sendable, Equatable {
  /// Stable id, recorded in the path.
  public var id: String
  /// The test, in words ("Cancer confirmed or suspected?").
  public var ask: String
  /// The test itself.
  public var test: Condition
  /// The reason recorded when the test holds.
  public var because: String
  /// The reason recorded when it does not (optional).
  public var otherwise: String?
  /// The node or leaf id taken when the test holds.
  public var yes: String
  /// The node or leaf id taken when it does not.
  public var no: String
  /// Where the rule comes from (guidance, standard, source article).
  public var source: String
  /// Line in the YAML file (filled by the loader).
  public var line: Int?
}
