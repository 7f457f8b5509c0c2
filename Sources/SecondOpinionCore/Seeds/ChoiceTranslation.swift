/// One choice's strings in another language.
public struct ChoiceTranslation: Codable, Sendable, Equatable {
  /// What is shown, per voice or shared.
  public var label: VoiceText?
  /// What a speaker of the language types for the choice. It replaces the
  /// English synonyms (a translator adds the English words people also type).
  public var synonyms: [String]?
}
