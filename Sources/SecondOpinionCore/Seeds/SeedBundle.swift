/// Everything seeds/ defines: the interview, the triage and the letter layout.
public struct SeedBundle: Sendable {
  /// The interview definition.
  public var interview: InterviewDefinition
  /// The triage definition.
  public var triage: TriageDefinition
  /// The letter layout.
  public var letter: LetterLayout

  /// Creates a bundle.
  public init(interview: InterviewDefinition, triage: TriageDefinition, letter: LetterLayout) {
    self.interview = interview
    self.triage = triage
    self.letter = letter
  }

  /// An evaluator for this bundle's triage.
  public var evaluator: TriageEvaluator {
    TriageEvaluator(definition: triage, facts: interview.facts ?? [])
  }
}
