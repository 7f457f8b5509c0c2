/// Reads what a person types at the red-flag screen instead of a number:
/// the red-flag grammar (seeds/phrases/red-flags.LANG.yaml) and, for the
/// mental-health flags, the crisis grammar. Flags win over doubt, and doubt
/// over none, so a message that names a red flag is never read as none and
/// never refused.
public struct RedFlagReader: Sendable {
  /// The red-flag grammar read.
  public var grammar: PhraseGrammar { flags.grammar }
  private let flags: PhraseMatcher
  private let crisis: PhraseMatcher
  private let borrowed: [String: String]

  /// The concept ids of the red-flag grammar that are not flags.
  public static let unsureConcept = "not_sure"
  /// The concept of the red-flag grammar that says none.
  public static let noneConcept = "none"

  /// Creates a reader from the two grammars of one language.
  public init(redFlags: PhraseGrammar, crisis: PhraseGrammar) {
    flags = PhraseMatcher(redFlags)
    self.crisis = PhraseMatcher(crisis)
    borrowed = redFlags.borrowed ?? [:]
  }

  /// What the words say, with the flags in the order the grammars find them.
  public func read(_ text: String) -> RedFlagReading {
    let found = flags.matches(in: text).map(\.concept)
    var certain: [String] = []
    for match in crisis.matches(in: text) {
      if let flag = borrowed[match.concept], !certain.contains(flag) { certain.append(flag) }
    }
    let confirm = found.filter {
      $0 != Self.unsureConcept && $0 != Self.noneConcept && !certain.contains($0)
    }
    if !confirm.isEmpty || !certain.isEmpty { return .flags(confirm: confirm, certain: certain) }
    if found.contains(Self.unsureConcept) { return .unsure }
    if found.contains(Self.noneConcept) { return .none }
    return .unrecognised
  }
}
