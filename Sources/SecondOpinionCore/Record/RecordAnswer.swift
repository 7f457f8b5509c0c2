/// One answer as kept in the record: enough to print the letter and build the
/// FHIR export without the interview definition.
public struct RecordAnswer: Codable, Sendable, Equatable {
  /// The question id (the FHIR linkId).
  public var questionId: String
  /// The kind of question.
  public var type: QuestionKind
  /// The letter heading id.
  public var heading: String
  /// The short label for the letter.
  public var label: String
  /// The semantic field, e.g. `patient.birthDate`.
  public var field: String?
  /// The question exactly as asked.
  public var question: String
  /// What was typed, made inert.
  public var typed: String
  /// answered, unknown, declined or skipped.
  public var state: AnswerState
  /// The normalised value; null when not answered.
  public var value: RecordValue
  /// The value as printed in the letter.
  public var display: String
}
