/// One question's strings in another language (seeds/languages/LANG/*.yaml,
/// under `questions:` by the question's id).
public struct QuestionTranslation: Codable, Sendable, Equatable {
  /// The short label, shown on the review screen and the patient's copy.
  public var label: String?
  /// The question, per voice.
  public var text: VoiceText?
  /// The help, per voice.
  public var help: VoiceText?
  /// The example shown after a rejected answer (where the English has one).
  public var example: String?
  /// The choices' strings, by choice id.
  public var choices: [String: ChoiceTranslation]?
  /// The file of the translation folder this entry is in (filled by the loader).
  public var file: String?
  /// The line where the entry starts (filled by the loader).
  public var line: Int?

  /// Creates a question's strings.
  public init(
    label: String? = nil, text: VoiceText? = nil, help: VoiceText? = nil, example: String? = nil,
    choices: [String: ChoiceTranslation]? = nil
  ) {
    self.label = label
    self.text = text
    self.help = help
    self.example = example
    self.choices = choices
  }

  private enum CodingKeys: String, CodingKey { case label, text, help, example, choices }
}
