/// The triage of one interview: both axes, the paths taken and their reasons.
public struct TriageResult: Codable, Sendable, Equatable {
  /// How soon the second opinion is needed.
  public var urgency: Urgency
  /// What waiting could cost.
  public var delayRisk: DelayRisk
  /// The leaf reached in each tree.
  public var urgencyLeaf: String
  /// The leaf reached in the delay-risk tree.
  public var delayRiskLeaf: String
  /// Every node visited, then the leaf, for both trees.
  public var path: [PathStep]
  /// The reasons that decided the scores: each deciding test that held or was
  /// unknown, then each outcome.
  public var reasons: [String]
  /// Other factors that hold but did not decide the scores (a more severe rule
  /// came first); printed so the reviewer sees the whole picture.
  public var alsoNoted: [String]
  /// The mapping of the urgency level onto public scales.
  public var mapping: UrgencyMapping?
  /// The decision deadline, where a treatment date is known.
  public var decisionDeadline: DecisionDeadline?
  /// The expected wait for a second opinion on this route and kind of care.
  public var expectedWait: ExpectedWait?
  /// The assumptions used, in words.
  public var assumptions: [String]
  /// The triage version.
  public var version: String
}

extension TriageResult {
  /// The reasons, in the trees' own sentences, that decided one tree
  /// (`urgency` or `delayRisk`): the steps `PathStep.deciding` picks from
  /// its path.
  public func reasons(tree: String) -> [String] {
    PathStep.deciding(path.filter { $0.tree == tree }).map(\.reason)
  }
}
