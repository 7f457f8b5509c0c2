/// The two phrase grammars of one language (seeds/phrases/crisis.LANG.yaml and
/// seeds/phrases/red-flags.LANG.yaml); either may be missing (`check` refuses
/// a translated language without both).
public struct LanguageGrammars: Sendable {
  /// How a crisis is said.
  public var crisis: PhraseGrammar?
  /// What the red-flag screen understands.
  public var redFlags: PhraseGrammar?

  /// Creates the pair.
  public init(crisis: PhraseGrammar?, redFlags: PhraseGrammar?) {
    self.crisis = crisis
    self.redFlags = redFlags
  }
}
