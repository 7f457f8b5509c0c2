/// One option of a choice question.
public struct Choice: Codable, Sendable, Equatable {
  /// The stable value recorded and tested by conditions, e.g. `cancer`.
  public var id: String
  /// What is shown, per voice or shared.
  public var label: VoiceText
  /// Extra words that select this choice (matched by their start, any case).
  public var synonyms: [String]?
  /// Whether choosing it excludes every other choice (e.g. "none of these").
  public var exclusive: Bool?

  /// Creates a choice.
  public init(id: String, label: VoiceText, synonyms: [String]? = nil, exclusive: Bool? = nil) {
    self.id = id
    self.label = label
    self.synonyms = synonyms
    self.exclusive = exclusive
  }
}
