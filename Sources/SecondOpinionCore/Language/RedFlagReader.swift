/// Reads what a person types at the red-flag screen instead of a number:
/// the red-flag grammar (seeds/phrases/red-flags.LANG.yaml) and, for the
/// mental-health flags, the crisis grammar. Built from several languages
/// (the session's, then English), it reads the words with every grammar and
/// combines what they find. Flags (found by any grammar) win over doubt, and
/// doubt over none, so a message that names a red flag is never read as none
/// and never refused, and none is read only when no grammar finds a flag or
/// doubt.
public struct RedFlagReader: Sendable {
  /// The first red-flag grammar read (the session's language).
  public var grammar: PhraseGrammar { flags.grammar }
  /// Every red-flag grammar read, the session's language first.
  public var grammars: [PhraseGrammar] { flags.grammars }
  private let flags: PhraseMatcher
  private let crisis: PhraseMatcher
  private let borrowed: [String: String]

  /// The concept ids of the red-flag grammar that are not flags.
  public static let unsureConcept = "not_sure"
  /// The concept of the red-flag grammar that says none.
  public static let noneConcept = "none"

  /// Creates a reader from the two grammars of one language.
  public init(redFlags: PhraseGrammar, crisis: PhraseGrammar) {
    self.init(redFlags: [redFlags], crisis: [crisis])
  }

  /// Creates a reader from the grammars of several languages, the session's
  /// first: each red-flag grammar's `borrowed` names concepts the crisis
  /// grammars share (the first grammar's reading of a concept wins). Neither
  /// list may be empty.
  public init(redFlags: [PhraseGrammar], crisis: [PhraseGrammar]) {
    flags = PhraseMatcher(redFlags)
    self.crisis = PhraseMatcher(crisis)
    var borrowed: [String: String] = [:]
    for grammar in redFlags {
      borrowed.merge(grammar.borrowed ?? [:]) { first, _ in first }
    }
    self.borrowed = borrowed
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
