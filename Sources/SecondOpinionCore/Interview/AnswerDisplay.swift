/// How an answer is printed in the letter and read back.
public enum AnswerDisplay {
  /// The printed form of a value.
  public static func text(_ value: AnswerValue, question: Question, voice: Voice) -> String {
    switch value {
    case .choice(let id):
      return question.choice(id)?.label.text(for: voice) ?? id
    case .choices(let ids):
      return ids.map { question.choice($0)?.label.text(for: voice) ?? $0 }.joined(separator: "; ")
    case .bool(let flag): return flag ? "Yes" : "No"
    case .text(let text): return typed(text, question: question)
    case .date(let iso): return CalendarDate.long(iso)
    case .number(let number): return String(number)
    case .unknown: return "Not known (not sure)"
    case .declined: return "Declined (preferred not to say)"
    case .skipped: return "None given"
    }
  }

  /// The wording keys (`wording:` in the interview definition) that
  /// `inDefinitionWords` reads for the values that are not choices or text.
  public static let wordingKeys = ["answerYes", "answerNo", "answerNotSure", "answerDeclined", "answerSkipped"]

  /// The printed form of a value in the definition's own words, for what the
  /// patient reads in their language (the patient's copy): choice labels from
  /// `question` (which belongs to `definition`), yes, no, "not sure", "prefer
  /// not to say" and "none given" from `wording:` (`wordingKeys`), dates as
  /// numbers (25/11/1970, 03/2019, 2019), text as it was given. No word of
  /// its own: a key the definition lacks prints nothing.
  public static func inDefinitionWords(
    _ value: AnswerValue, question: Question, definition: InterviewDefinition, voice: Voice
  ) -> String {
    switch value {
    case .choice, .choices, .number: return text(value, question: question, voice: voice)
    case .bool(let flag): return definition.say(flag ? "answerYes" : "answerNo", voice, fallback: "")
    case .text(let text): return typed(text, question: question)
    case .date(let iso): return CalendarDate.numeric(iso)
    case .unknown: return definition.say("answerNotSure", voice, fallback: "")
    case .declined: return definition.say("answerDeclined", voice, fallback: "")
    case .skipped: return definition.say("answerSkipped", voice, fallback: "")
    }
  }

  /// A text answer in its checked shape (an NHS number in groups, a phone number spaced).
  private static func typed(_ text: String, question: Question) -> String {
    switch question.format {
    case .nhsNumber: return NHSNumber.display(text)
    case .phone: return UKPhone.display(text)
    default: return text
    }
  }
}
