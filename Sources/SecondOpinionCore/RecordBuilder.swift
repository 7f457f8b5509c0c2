import Foundation

/// Builds the record from a finished (or stopped) session.
public struct RecordBuilder: Sendable {
  /// The seeds the session ran.
  public var seeds: SeedBundle {
    didSet { (positions, firsts, evaluator) = Self.lookUps(seeds) }
  }

  /// The triage evaluator, made once.
  private var evaluator: TriageEvaluator

  /// The position of each question id (the first, as
  /// `InterviewDefinition.question` finds it), so that each answer's question
  /// is found at once rather than by a search.
  private var positions: [String: Int]
  /// For each question, the first position of its id.
  private var firsts: [Int]

  /// Creates a builder.
  public init(seeds: SeedBundle) {
    self.seeds = seeds
    (positions, firsts, evaluator) = Self.lookUps(seeds)
  }

  /// What the builder works out once from its seeds: `positions`, `firsts` and the evaluator.
  private static func lookUps(_ seeds: SeedBundle) -> ([String: Int], [Int], TriageEvaluator) {
    let questions = seeds.interview.questions
    var positions: [String: Int] = [:]
    positions.reserveCapacity(questions.count)
    for index in questions.indices where positions[questions[index].id] == nil {
      positions[questions[index].id] = index
    }
    return (positions, questions.map { positions[$0.id]! }, seeds.evaluator)
  }

  /// Builds the record.
  /// - Parameters:
  ///   - session: the session, complete or stopped.
  ///   - id: the record id (see `RecordID`).
  ///   - createdAt: the time, ISO 8601.
  ///   - channel: where it ran.
  ///   - operatorName: the receptionist completing it, if any.
  ///   - shown: the safety messages shown.
  public func build(
    session: InterviewSession, id: String, createdAt: String, channel: Channel, operatorName: String?,
    shown: [ShownMessage]
  ) -> Record {
    // The session's own answers are the same answers: the session drops an
    // answer as soon as its question no longer applies, so every answer it
    // holds is effective. Only their order differs (as given, not as defined),
    // and the triage does not depend on it (it looks answers up by question, and
    // a text test holds if any answer mentions a phrase). So no copy is built.
    let triage = evaluator.evaluate(session)
    // Questions are read in place (through the buffer), not copied.
    let recordAnswers = seeds.interview.questions.withUnsafeBufferPointer { questions -> [RecordAnswer] in
      var made: [RecordAnswer] = []
      if session.isRunning {
        // The effective answers, each at the position the session holds it.
        let held = session.effectivePositions
        made.reserveCapacity(held.count)
        for position in held {
          guard let answer = session.answer(at: position) else { continue }
          // The session's position, when it is this id's here too, saves a look-up.
          let question: Int?
          if position < questions.count, questions[position].id == answer.questionID {
            question = firsts[position]
          } else {
            question = positions[answer.questionID]
          }
          guard let question else { continue }
          // The review's display of the answer, when the session's question is this one.
          let display =
            question < session.displays.count && session.plan.questions[question] == questions[question]
            ? session.displays[question] : nil
          made.append(Self.recordAnswer(answer, questions[question], voice: session.voice, display: display))
        }
      } else {
        for answer in session.answers.all {
          guard let question = positions[answer.questionID] else { continue }
          made.append(Self.recordAnswer(answer, questions[question], voice: session.voice))
        }
      }
      return made
    }
    let emergency = session.stoppedBy.map {
      EmergencyFlag(
        rule: $0.id,
        staffAction:
          "A red flag was reported during the second-opinion interview. Speak to the patient now and follow the practice's emergency procedure."
      )
    }
    return Record(
      schemaVersion: Record.currentSchemaVersion, id: id, createdAt: createdAt, mode: session.voice,
      channel: channel, status: session.isRunning ? "complete" : "emergency", emergency: emergency,
      completedBy: RecordPerson(
        role: session.voice == .receptionist ? "receptionist" : "patient",
        name: session.voice == .receptionist ? operatorName : nil),
      interviewVersion: seeds.interview.version, answers: recordAnswers, triage: triage, safetyAdvice: shown)
  }

  private static func recordAnswer(
    _ answer: Answer, _ question: borrowing Question, voice: Voice, display: String? = nil
  ) -> RecordAnswer {
    RecordAnswer(
      questionId: question.id, type: question.type, heading: question.heading, label: question.label,
      field: question.field, question: question.text.text(for: voice), typed: answer.typed,
      state: answer.value.state, value: RecordValue(answer.value),
      display: display ?? AnswerDisplay.text(answer.value, question: question, voice: voice))
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
