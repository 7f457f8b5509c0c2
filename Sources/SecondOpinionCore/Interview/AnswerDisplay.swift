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
    case .text(let text):
      switch question.format {
      case .nhsNumber: return NHSNumber.display(text)
      case .phone: return UKPhone.display(text)
      default: return text
      }
    case .date(let iso): return CalendarDate.long(iso)
    case .number(let number): return String(number)
    case .unknown: return "Not known (not sure)"
    case .declined: return "Declined (preferred not to say)"
    case .skipped: return "None given"
    }
  }
}
