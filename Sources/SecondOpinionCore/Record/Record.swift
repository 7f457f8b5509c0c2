/// The JSON record of one interview: the source of truth from which the letter
/// and the FHIR export are rendered.
public struct Record: Codable, Sendable, Equatable {
  /// The record format's version (see `second-opinion schema`).
  public static let currentSchemaVersion = "1.0.0"

  /// The record format's version.
  public var schemaVersion: String
  /// A unique, time-sortable id.
  public var id: String
  /// When it was made, ISO 8601 in UTC.
  public var createdAt: String
  /// The voice: patient or receptionist.
  public var mode: Voice
  /// Where it ran.
  public var channel: Channel
  /// `complete`, or `emergency` when a red flag stopped the interview.
  public var status: String
  /// Set when the emergency disposition was reached.
  public var emergency: EmergencyFlag?
  /// Who completed it.
  public var completedBy: RecordPerson
  /// The interview definition's version.
  public var interviewVersion: String
  /// The answers on the path taken, in the order asked.
  public var answers: [RecordAnswer]
  /// The triage.
  public var triage: TriageResult
  /// Safety messages shown, exactly as shown.
  public var safetyAdvice: [ShownMessage]

  /// The answer to a question, if recorded.
  public func answer(_ id: String) -> RecordAnswer? { answers.first { $0.questionId == id } }
  /// The answer carrying a semantic field, if recorded.
  public func answer(field: String) -> RecordAnswer? { answers.first { $0.field == field } }
}
