/// Everything seeds/ defines: the interview, the triage and the letter layout.
public struct SeedBundle: Sendable {
  /// The interview definition.
  public var interview: InterviewDefinition
  /// The triage definition.
  public var triage: TriageDefinition
  /// The letter layout.
  public var letter: LetterLayout
  /// The crisis grammar (seeds/phrases/crisis.LANG.yaml), read in every
  /// free-text answer; nil when the seeds have none (then `{mentions: ..}`
  /// is unknown, so the check question is always asked).
  public var crisis: PhraseMatcher?
  /// What the red-flag screen understands in a person's own words
  /// (seeds/phrases/red-flags.LANG.yaml with the crisis grammar); nil when
  /// the seeds have no red-flag grammar.
  public var redFlagWords: RedFlagReader?

  /// Creates a bundle.
  public init(interview: InterviewDefinition, triage: TriageDefinition, letter: LetterLayout) {
    self.interview = interview
    self.triage = triage
    self.letter = letter
  }

  /// The bundle with its phrase grammars (`SeedLoader.phraseFiles`).
  public func with(crisis: PhraseGrammar?, redFlags: PhraseGrammar?) -> SeedBundle {
    var bundle = self
    bundle.crisis = crisis.map(PhraseMatcher.init)
    if let crisis, let redFlags { bundle.redFlagWords = RedFlagReader(redFlags: redFlags, crisis: crisis) }
    return bundle
  }

  /// An evaluator for this bundle's triage.
  public var evaluator: TriageEvaluator {
    TriageEvaluator(definition: triage, facts: interview.facts ?? [])
  }
}
