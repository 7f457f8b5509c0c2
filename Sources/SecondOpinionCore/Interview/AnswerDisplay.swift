/// How an answer is printed in the letter and read back.
public enum AnswerDisplay {
  /// The printed form of a value in the words of `definition` (which
  /// `question` belongs to): a choice's label, a number, a date ("25 November
  /// 1970", or in figures with `numericDates`, "25/11/1970", for a copy in
  /// any language), text in its checked shape, or the seeds' words
  /// (`wording:` `answerYes`, `answerUnknown`, ...) for yes, no, not sure,
  /// declined and skipped.
  public static func text(
    _ value: AnswerValue, question: Question, voice: Voice, definition: InterviewDefinition,
    numericDates: Bool = false
  ) -> String {
    switch value {
    case .choice(let id):
      return question.choice(id)?.label.text(for: voice) ?? id
    case .choices(let ids):
      return ids.map { question.choice($0)?.label.text(for: voice) ?? $0 }.joined(separator: "; ")
    case .bool(let flag): return definition.say(flag ? .answerYes : .answerNo, voice)
    case .text(let text): return typed(text, question: question)
    case .date(let iso):
      return numericDates
        ? CalendarDate.numeric(iso) : CalendarDate.long(iso, months: definition.answerWords.dates.names)
    case .number(let number): return String(number)
    case .unknown: return definition.say(.answerUnknown, voice)
    case .declined: return definition.say(.answerDeclined, voice)
    case .skipped: return definition.say(.answerSkipped, voice)
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
