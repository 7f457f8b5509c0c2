/// One concept of a `PhraseGrammar`: an id the rest of the seeds refer to
/// (a red flag, a crisis kind) and the patterns that mean it.
public struct PhraseConcept: Codable, Sendable, Equatable {
  /// The concept's id, such as `suicidal` or `chest_pain`.
  public var id: String
  /// The patterns, any of which means the concept (see `PhraseGrammar`).
  public var patterns: [String]
  /// The line in the file, filled in by the loader.
  public var line: Int?

  /// Creates a concept.
  public init(id: String, patterns: [String], line: Int? = nil) {
    self.id = id
    self.patterns = patterns
    self.line = line
  }
}
