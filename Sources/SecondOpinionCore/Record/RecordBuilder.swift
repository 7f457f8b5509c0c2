import Foundation

/// Builds the record from a finished (or stopped) session.
public struct RecordBuilder: Sendable {
  /// The seeds the session ran.
  public var seeds: SeedBundle

  /// Creates a builder.
  public init(seeds: SeedBundle) { self.seeds = seeds }

  /// Builds the record.
  /// - Parameters:
  ///   - session: the session, complete or stopped.
  ///   - id: the record id (see `RecordID`).
  ///   - createdAt: the time, ISO 8601.
  ///   - channel: where it ran.
  ///   - operatorName: the receptionist completing it, if any.
  ///   - shown: the safety messages shown.
  ///   - language: the language the interview was held in, a BCP 47 code
  ///     (`en`, `cy`); by default the language the seeds speak. The
  ///     record's labels and displayed answers stay English.
  public func build(
    session: InterviewSession, id: String, createdAt: String, channel: Channel, operatorName: String?,
    shown: [ShownMessage], language: String? = nil
  ) -> Record {
    let answers = session.stoppedBy == nil ? session.effectiveAnswers : session.answers.all
    var set = AnswerSet()
    for answer in answers { set.set(answer) }
    let triage = seeds.evaluator.evaluate(set, voice: session.voice, today: session.today)
    // The letter is in English whatever language the interview spoke: the
    // labels and the displayed answers are the English ones; `question` is
    // the wording exactly as asked.
    let english = seeds.englishInterview
    let recordAnswers = answers.compactMap { answer -> RecordAnswer? in
      guard let question = english.question(answer.questionID),
        let asked = seeds.interview.question(answer.questionID)
      else { return nil }
      return RecordAnswer(
        questionId: question.id, type: question.type, heading: question.heading, label: question.label,
        field: question.field, question: asked.text.text(for: session.voice), typed: answer.typed,
        state: answer.value.state, value: RecordValue(answer.value),
        display: AnswerDisplay.text(answer.value, question: question, voice: session.voice, definition: english)
      )
    }
    // On a call the patient may not be there: the same one instruction as the
    // receptionist's alerts (keep the caller on the line, call 999, alert the
    // duty doctor), and where the caller's details are.
    let staffAction =
      session.voice == .receptionist
      ? "A red flag was reported on a call to the practice. Keep the caller on the line while you or a colleague call 999, and alert the duty doctor. Who is calling, the call-back number and the patient's name, where given, are in the answers."
      : "A red flag was reported during the second-opinion interview. Speak to the patient now and follow the practice's emergency procedure."
    let emergency = session.stoppedBy.map { EmergencyFlag(rule: $0.id, staffAction: staffAction) }
    return Record(
      schemaVersion: Record.currentSchemaVersion, id: id, createdAt: createdAt, mode: session.voice,
      channel: channel, language: language ?? seeds.language, status: emergency == nil ? "complete" : "emergency",
      emergency: emergency,
      completedBy: RecordPerson(
        role: session.voice == .receptionist ? "receptionist" : "patient",
        name: session.voice == .receptionist ? operatorName : nil),
      interviewVersion: seeds.interview.version, answers: recordAnswers, triage: triage,
      safetyAdvice: shown.map { inEnglish($0, voice: session.voice, channel: channel) })
  }

  /// A message as shown, with its English title and text beside it when it
  /// was shown in another language (the letter prints the English).
  private func inEnglish(_ shown: ShownMessage, voice: Voice, channel: Channel) -> ShownMessage {
    guard seeds.language != SeedBundle.english, let message = seeds.englishInterview.message(shown.id) else {
      return shown
    }
    var result = shown
    result.englishTitle = message.title
    result.englishText = message.text(for: voice, kiosk: channel == .kiosk)
    return result
  }

  /// Encodes a record as JSON with sorted keys, so files and diffs are stable.
  public static func encode(_ record: Record) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(record)
    data.append(0x0A)
    return data
  }

  /// Decodes a record.
  public static func decode(_ data: Data) throws -> Record {
    try JSONDecoder().decode(Record.self, from: data)
  }
}
