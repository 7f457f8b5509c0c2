/// One answer given during a session.
public struct Answer: Sendable, Equatable {
  /// The question answered.
  public var questionID: String
  /// What was typed, made inert (no control characters).
  public var typed: String
  /// The normalised value.
  public var value: AnswerValue

  /// Creates an answer.
  public init(questionID: String, typed: String, value: AnswerValue) {
    self.questionID = questionID
    self.typed = typed
    self.value = value
  }
}
