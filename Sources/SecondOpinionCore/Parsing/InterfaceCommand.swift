/// The words a person types to steer the interview rather than answer it,
/// each a list under `words.commands` in seeds/interview.yaml (a translation
/// lists its own words there, and the English ones too, so both work). The
/// first word of a list is the one Tab completion offers. This list is the
/// one place the program names them; the loader refuses seeds without one.
public enum InterfaceCommand: String, CaseIterable, Sendable {
  /// Shows the question's help (`?`, `help`).
  case help
  /// Goes back one question.
  case back
  /// Starts again from the beginning (the kiosk only).
  case restart
  /// Sends the answers from the review.
  case submit
  /// Shows the whole review again.
  case list
  /// The word between the numbers of several choices ("1 and 3").
  case and
}
