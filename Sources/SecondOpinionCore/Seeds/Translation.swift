/// A language other than English: the strings of seeds/languages/LANG/, whose
/// YAML files `SeedLoader.translation` merges (a translator may split the
/// strings across files as they like; each key is given in one file only).
/// Every key is optional here; `check` refuses a translation that lacks a
/// string the English has. `InterviewDefinition.translated(_:)` applies it.
public struct Translation: Codable, Sendable, Equatable {
  /// The language's code (BCP 47: `cy`); must be the folder's name.
  public var language: String
  /// The language's own name ("Cymraeg").
  public var name: String?
  /// The language's name in English ("Welsh").
  public var englishName: String?
  /// The interview's title.
  public var title: VoiceText?
  /// The introduction.
  public var introduction: VoiceText?
  /// Section titles by section id.
  public var sections: [String: SectionTranslation]?
  /// Safety messages by message id.
  public var messages: [String: MessageTranslation]?
  /// Interface wording by key.
  public var wording: [String: VoiceText]?
  /// The answer words, replacing the English ones.
  public var words: AnswerWords?
  /// Questions by question id.
  public var questions: [String: QuestionTranslation]?
  /// The folder's files, as `check` names them (`languages/cy/interface.yaml`).
  public var files: [String] = []

  private enum CodingKeys: String, CodingKey {
    case language, name, englishName, title, introduction, sections, messages, wording, words, questions
  }
}
