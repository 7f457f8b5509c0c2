/// A stated, configurable assumption used by the triage, such as the expected
/// wait for a second opinion on each route.
public struct Assumption: Codable, Sendable, Equatable {
  /// The name conditions use, e.g. `expected_wait_days`.
  public var id: String
  /// What it means, in words printed in the letter.
  public var description: String
  /// Where the figure comes from.
  public var source: String
  /// The value when the answer below is missing, unknown or unlisted. Choose
  /// the cautious figure.
  public var `default`: Double
  /// The question whose answer selects a value, if any.
  public var question: String?
  /// Values by the chosen answer's id.
  public var values: [String: Double]?
  /// The line in the YAML file where the assumption starts (filled by the loader).
  public var line: Int?

  /// The value for the given answers, and whether the default was used.
  public func resolve(in answers: AnswerSet) -> (value: Double, usedDefault: Bool) {
    guard let question, let values, let answer = answers[question],
      case .choice(let id) = answer.value, let value = values[id]
    else { return (self.default, true) }
    return (value, false)
  }
}
