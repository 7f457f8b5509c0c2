/// The words one choice can be typed as, worked out once per choice and voice
/// rather than for every answer: its names in lower case (its id with spaces
/// for underscores, its label in the voice, and its synonyms), and the words of
/// each name (split at anything not a letter or a number).
public struct ChoiceNames: Sendable, Equatable {
  /// The names, in lower case.
  public let names: [String]
  /// The words of each name.
  public let words: [[Substring]]
  /// Whether a name has a comma or a semicolon (which otherwise separate choices).
  public let hasSeparator: Bool

  /// The names of a choice in a voice.
  public init(_ choice: Choice, voice: Voice) {
    names =
      [String(choice.id.map { $0 == "_" ? " " : $0 }), choice.label.text(for: voice).lowercased()]
      + (choice.synonyms ?? []).map { $0.lowercased() }
    words = names.map { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
    hasSeparator = names.contains { $0.utf8.contains(0x2C) || $0.utf8.contains(0x3B) }
  }
}
