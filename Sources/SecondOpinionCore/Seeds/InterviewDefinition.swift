/// The whole interview: questions in the order they are asked, the stop rules
/// of the emergency disposition, safety messages and interface wording.
public struct InterviewDefinition: Codable, Sendable {
  /// Version of the definition, copied into every record.
  public var version: String
  /// The name of the language the definition is written in, in that language
  /// ("English"), offered beside the translations' names on the kiosk.
  public var languageName: String?
  /// Title shown at the start.
  public var title: VoiceText
  /// Introduction shown before the first question.
  public var introduction: VoiceText
  /// Questions in the order they are asked.
  public var questions: [Question]
  /// Rules that stop the interview as an emergency.
  public var stops: [StopRule]
  /// Safety messages by id.
  public var messages: [SafetyMessage]
  /// Messages shown at the end of every completed interview (safety netting).
  public var closingMessages: [String]
  /// Values derived from answers, such as the days until a treatment date.
  public var facts: [FactDefinition]?

  /// Interface wording by key (review title, prompts), per voice; looked up
  /// by `say` with an `InterfaceWording` key.
  public var wording: [String: VoiceText]?

  /// The parts of the interview, in order (see `InterviewSection`); nil or
  /// empty: one part, untitled.
  public var sections: [InterviewSection]?

  /// The words for yes, no, "not sure", "prefer not to say" and skip (see
  /// `AnswerWords`); the loader refuses seeds without them.
  public var words: AnswerWords?
  /// Questions asked, by voice, after a stop rule fires (see `EmergencyFollowUp`).
  public var afterEmergency: [String: [String]]?

  /// The section the question at `index` of `questions` belongs to, with its
  /// number (from 1): the last section starting at or before it. Nil without
  /// sections, or for a question before the first section (`check` refuses that).
  public func section(containing index: Int) -> (number: Int, section: InterviewSection)? {
    var found: (Int, InterviewSection)?
    for (number, section) in (sections ?? []).enumerated() {
      guard let start = self.index(of: section.from), start <= index else { continue }
      found = (number + 1, section)
    }
    return found
  }

  /// The question with this id.
  public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
  /// The message with this id.
  public func message(_ id: String) -> SafetyMessage? { messages.first { $0.id == id } }
  /// The position of a question in the definition.
  public func index(of id: String) -> Int? { questions.firstIndex { $0.id == id } }

  /// The red-flag screen: the question whose choices declare red flags (a
  /// `redFlag` class), the first if more than one does (`check` refuses that).
  /// Nil when no choice declares a class.
  public var redFlagQuestion: Question? {
    questions.first { question in question.choices?.contains { $0.redFlag != nil } ?? false }
  }

  /// The red flags, in the order the screen lists them: its choices that
  /// declare a class.
  public var redFlags: [Choice] { redFlagQuestion?.choices?.filter { $0.redFlag != nil } ?? [] }
}
