/// Whether and how a question was answered. "Not sure" and "prefer not to say"
/// are states of their own, never an empty string.
public enum AnswerState: String, Codable, Sendable, CaseIterable {
  /// A real answer was given.
  case answered
  /// The person said they were not sure.
  case unknown
  /// The person preferred not to say.
  case declined
  /// An optional question left blank (or "none" where that is allowed).
  case skipped
  /// The question was not asked on this path.
  case notAsked
}
