import SecondOpinionCore

/// The patient's own short copy of what they asked for, in their language:
/// the reference, the date, what they asked for (the answer at the field
/// `referral.reason`), their answers by each question's short label, what
/// happens next (after a completed interview) and the safety advice shown.
///
/// Every word comes from the interview definition it is given, the one in the
/// patient's language (its `wording:` keys `copy*`, `reference`, `whatNext`
/// and `answer*`, the questions'
/// labels and choices, the messages), never from the record's English
/// `label` or `display`; the record gives only ids and values. Plain text,
/// wrapped at 80 columns; every text from the record is made inert again.
public enum PatientCopy {
  /// The file name of a record's copy, beside its letters.
  public static func fileName(_ record: Record) -> String { "\(record.id)-patient-copy.txt" }

  /// The copy of `record` in the words of `definition`.
  /// - Parameters:
  ///   - record: the record (its answers by question id).
  ///   - definition: the interview definition in the patient's language.
  ///   - clock: the zone the date is given in (seeds/letter.yaml `clock`).
  public static func render(
    _ record: Record, definition: InterviewDefinition, clock: LetterLayout.Clock, width: Int = 80
  ) -> String {
    let voice = Voice.patient
    let inert = TextSanitizer.clean
    func say(_ key: InterfaceWording, _ values: [String: String] = [:]) -> String {
      definition.say(key, voice, values)
    }
    func paragraph(_ text: String) -> String {
      text.isEmpty ? "" : TextWrapper.wrap(text, width: width) + "\n\n"
    }
    func shown(_ answer: RecordAnswer) -> (label: String, value: String)? {
      guard answer.state != .skipped, answer.state != .notAsked,
        let question = definition.question(answer.questionId)
      else { return nil }
      let value = answer.value.answerValue(kind: question.type, state: answer.state)
      let text = AnswerDisplay.text(value, question: question, voice: voice, definition: definition, numericDates: true)
      return (question.label, inert(text))
    }

    let title = say(.copyTitle)
    var out = title + "\n" + String(repeating: "=", count: min(TextWrapper.columns(title), width)) + "\n\n"
    out += paragraph(say(.reference, ["reference": RecordReference.make(for: record.id)]))
    let date = LetterClock(clock).localDate(record.createdAt).map(CalendarDate.numeric) ?? inert(record.createdAt)
    out += paragraph(say(.copyDate, ["date": date]))
    if let reason = record.answer(field: Record.reasonField).flatMap(shown) {
      out += paragraph(say(.copyAskedFor, ["reason": reason.value]))
    }
    let answers = record.answers.compactMap(shown)
    if !answers.isEmpty {
      out += say(.copyAnswers) + "\n\n"
      for answer in answers {
        out += TextWrapper.wrap("- \(answer.label): \(answer.value)", width: width, hangingIndent: "  ") + "\n"
      }
      out += "\n"
    }
    if record.emergency == nil { out += paragraph(say(.whatNext)) }
    let advice = record.safetyAdvice.compactMap { definition.message($0.id) }
    if !advice.isEmpty {
      out += say(.copyAdvice) + "\n\n"
      for message in advice {
        out += paragraph(message.title)
        out += paragraph(message.text(for: voice, kiosk: record.channel == .kiosk))
      }
    }
    while out.hasSuffix("\n\n") { out.removeLast() }
    return out
  }
}
