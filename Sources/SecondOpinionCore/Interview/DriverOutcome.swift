/// How an interview run ended.
public enum DriverOutcome: Sendable {
  /// Submitted after review.
  case completed
  /// A stop rule fired: the emergency disposition.
  case emergency(StopRule)
  /// Input ended before the interview was complete; names the question waiting.
  case endedEarly(questionID: String?)
  /// A signal arrived; names the question waiting.
  case interrupted(signal: Int32, questionID: String?)
  /// Nobody typed for the idle timeout (kiosk).
  case idle
  /// Too many answers in a row were rejected (pipes only).
  case tooManyAttempts(questionID: String)
  /// More lines were read than `DriverOptions.maxLines` allows without the
  /// interview ending (a script going round in circles, such as `back` and an
  /// answer for ever); at this question, or nil at the review.
  case tooManyLines(questionID: String?)
  /// The person asked to start again (kiosk).
  case restart
}
