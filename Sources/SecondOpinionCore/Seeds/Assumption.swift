/// A stated, configurable assumption used by the triage, such as the expected
/// wait for a second opinion on each route and kind of care.
public struct Assumption: Codable, Sendable, Equatable {
  /// One value of the assumption for one kind of care (dental on the NHS,
  /// private, abroad, NHS consultant-led), chosen by a condition, with its own
  /// source: the letter prints the one used.
  public struct Kind: Codable, Sendable, Equatable {
    /// Stable id, for tests and the record.
    public var id: String
    /// The kind of care, in words ("Dental care from another NHS dentist").
    public var care: String
    /// When this kind applies. The first kind whose condition holds is used;
    /// one that is unknown (a "not sure" answer) does not hold, so the default,
    /// the cautious figure, is used instead.
    public var when: Condition
    /// The value.
    public var value: Double
    /// Where the figure comes from.
    public var source: String
  }

  /// The name conditions use, e.g. `expected_wait_days`.
  public var id: String
  /// What it means, in words printed in the letter.
  public var description: String
  /// Where the figure comes from.
  public var source: String
  /// The value when the answer below is missing, unknown or unlisted. Choose
  /// the cautious figure.
  public var `default`: Double
  /// What the default stands for, in words (e.g. "route not known").
  public var defaultCare: String?
  /// Values chosen by condition, first match first; tried before `values`.
  public var kinds: [Kind]?
  /// The question whose answer selects a value, if any.
  public var question: String?
  /// Values by the chosen answer's id.
  public var values: [String: Double]?
  /// The line in the YAML file where the assumption starts (filled by the loader).
  public var line: Int?

  /// The value for the given answers, and whether the default was used.
  public func resolve(in answers: AnswerSet) -> (value: Double, usedDefault: Bool) {
    let resolved = resolveKind(in: answers)
    return (resolved.value, resolved.usedDefault)
  }

  /// The value for the given answers, the kind of care that chose it (nil
  /// when `values` or the default did), and whether the default was used.
  public func resolveKind(in answers: AnswerSet) -> (value: Double, kind: Kind?, usedDefault: Bool) {
    if let kinds, !kinds.isEmpty {
      // Kinds test answers only; facts and assumptions are not needed here.
      let context = EvaluationContext(
        answers: answers, voice: .patient, today: "", facts: [], assumptions: [], decisionMarginDays: 0)
      if let kind = kinds.first(where: { $0.when.evaluate(in: context) == .yes }) {
        return (kind.value, kind, false)
      }
    }
    guard let question, let values, let answer = answers[question],
      case .choice(let id) = answer.value, let value = values[id]
    else { return (self.default, nil, true) }
    return (value, nil, false)
  }
}
