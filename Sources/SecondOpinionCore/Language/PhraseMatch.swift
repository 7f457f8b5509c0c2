/// A concept found in a text, with the words that matched (as folded).
public struct PhraseMatch: Sendable, Equatable {
  /// The concept's id.
  public var concept: String
  /// The words of the text that matched, folded, joined by spaces.
  public var words: String
  /// The pattern that matched.
  public var pattern: String

  /// Creates a match.
  public init(concept: String, words: String, pattern: String) {
    self.concept = concept
    self.words = words
    self.pattern = pattern
  }
}
