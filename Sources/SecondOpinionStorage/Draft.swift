/// An unfinished receptionist interview, saved when a call drops or the
/// receptionist presses Ctrl-C, to be resumed at the same question.
public struct Draft: Codable, Sendable, Equatable {
  /// One answer as typed, replayed on resume.
  public struct Item: Codable, Sendable, Equatable {
    /// The question answered.
    public var questionId: String
    /// What was typed (inert).
    public var typed: String

    /// Creates an item.
    public init(questionId: String, typed: String) {
      self.questionId = questionId
      self.typed = typed
    }
  }

  /// The id the record will have when completed.
  public var id: String
  /// The voice.
  public var mode: String
  /// The receptionist.
  public var `operator`: String?
  /// When the interview started, ISO 8601.
  public var createdAt: String
  /// When the draft was saved, ISO 8601.
  public var savedAt: String
  /// The date the interview's date answers were checked against.
  public var today: String
  /// Answers in the order given.
  public var answers: [Item]
  /// The question waiting when it was saved (nil: the review).
  public var waitingAt: String?
  /// Why it was saved ("hang-up", "interrupted", "terminated").
  public var reason: String

  /// Creates a draft.
  public init(
    id: String, mode: String, operator: String?, createdAt: String, savedAt: String, today: String,
    answers: [Item], waitingAt: String?, reason: String
  ) {
    self.id = id
    self.mode = mode
    self.operator = `operator`
    self.createdAt = createdAt
    self.savedAt = savedAt
    self.today = today
    self.answers = answers
    self.waitingAt = waitingAt
    self.reason = reason
  }
}
