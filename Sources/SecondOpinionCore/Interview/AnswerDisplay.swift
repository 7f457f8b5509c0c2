/// How an answer is printed in the letter and read back.
public enum AnswerDisplay {
  /// The printed form of a value: a choice's label, a number or date, or
  /// the seeds' words (`wording:` `answerYes`, `answerUnknown`, ...) for
  /// yes, no, not sure, declined and skipped.
  public static func text(
    _ value: AnswerValue, question: Question, voice: Voice, definition: InterviewDefinition
  ) -> String {
    switch value {
    case .choice(let id):
      return question.choice(id)?.label.text(for: voice) ?? id
    case .choices(let ids):
      return ids.map { question.choice($0)?.label.text(for: voice) ?? $0 }.joined(separator: "; ")
    case .bool(let flag): return definition.say(flag ? .answerYes : .answerNo, voice)
    case .text(let text):
      switch question.format {
      case .nhsNumber: return NHSNumber.display(text)
      case .phone: return UKPhone.display(text)
      default: return text
      }
    case .date(let iso): return CalendarDate.long(iso)
    case .number(let number): return String(number)
    case .unknown: return definition.say(.answerUnknown, voice)
    case .declined: return definition.say(.answerDeclined, voice)
    case .skipped: return definition.say(.answerSkipped, voice)
    }
  }
}
