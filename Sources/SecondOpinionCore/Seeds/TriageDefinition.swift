/// The triage: assumptions, the urgency mappings, and the two decision trees.
public struct TriageDefinition: Codable, Sendable {
  /// Version, copied into every record.
  public var version: String
  /// Stated, configurable assumptions.
  public var assumptions: [Assumption]
  /// Days before a treatment date by which a decision should be made.
  public var decisionMarginDays: Int
  /// The mapping of each urgency level onto public scales.
  public var mappings: [UrgencyMapping]
  /// The urgency tree.
  public var urgency: DecisionTree
  /// The delay-risk tree.
  public var delayRisk: DecisionTree
  /// The line in the YAML file where each mapping starts, in order (filled by
  /// the loader). Kept here, not in `UrgencyMapping`, because a mapping is
  /// copied into every record and its line is not.
  public var mappingLines: [Int?] = []

  private enum CodingKeys: String, CodingKey {
    case version, assumptions, decisionMarginDays, mappings, urgency, delayRisk
  }

  /// The mapping for a level.
  public func mapping(_ level: Urgency) -> UrgencyMapping? { mappings.first { $0.level == level } }
}
