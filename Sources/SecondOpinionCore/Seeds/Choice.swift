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
  /// On the red-flag screen: the class of emergency this choice is, which
  /// makes it a red flag. `{redFlag: CLASS}` conditions test every choice of
  /// the class, so this is the one place a red flag is declared.
  public var redFlag: RedFlagClass?
  /// The line in the YAML file where the choice starts (filled by the loader).
  public var line: Int?

  /// Creates a choice.
  public init(
    id: String, label: VoiceText, synonyms: [String]? = nil, exclusive: Bool? = nil, redFlag: RedFlagClass? = nil
  ) {
    self.id = id
    self.label = label
    self.synonyms = synonyms
    self.exclusive = exclusive
    self.redFlag = redFlag
  }
}
