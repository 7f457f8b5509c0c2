extension Condition {
  /// Evaluates the condition in three-valued logic. A question not asked makes
  /// a value test false (it does not apply); an unknown or declined answer
  /// makes it unknown, so callers can take the safer course.
  public func evaluate(in context: EvaluationContext) -> Truth {
    switch self {
    case .answerIs(let id, let values):
      return test(id, in: context) { $0.contains(where: values.contains) }
    case .answerIsNot(let id, let values):
      let state = context.answers.state(of: id)
      if state == .unknown || state == .declined { return .unknown }
      // Not asked or left blank: the test does not apply, like `is`.
      guard let answer = context.answers[id], state == .answered else { return .no }
      return answer.value.comparable.contains(where: values.contains) ? .no : .yes
    case .answerIncludesAny(let id, let values):
      return test(id, in: context) { $0.contains(where: values.contains) }
    case .answerState(let id, let state):
      return context.answers.state(of: id) == state ? .yes : .no
    case .factBelow(let name, let limit):
      return compare(name, in: context) { $0 < limit }
    case .factBelowAssumption(let name, let assumption):
      guard let limit = context.assumptions[assumption] else { return .unknown }
      return compare(name, in: context) { $0 < limit }
    case .factKnown(let name):
      guard let fact = context.facts[name] else { return .no }
      return fact == nil ? .no : .yes
    case .mode(let voice):
      return context.voice == voice ? .yes : .no
    case .mentions(let concepts):
      // Without the grammar nothing is recognised (`check` refuses seeds that
      // test `mentions` without it, so an interview never runs so).
      guard let crisis = context.crisis else { return .no }
      let wanted = Set(concepts)
      for answer in context.answers.all {
        guard case .text(let text) = answer.value else { continue }
        if crisis.mentions(text, anyOf: wanted) { return .yes }
      }
      return .no
    case .all(let parts):
      return parts.reduce(Truth.yes) { $0 && $1.evaluate(in: context) }
    case .any(let parts):
      return parts.reduce(Truth.no) { $0 || $1.evaluate(in: context) }
    case .not(let inner):
      return !inner.evaluate(in: context)
    case .always(let flag):
      return flag ? .yes : .no
    case .redFlag(_, let question, let flags):
      guard !question.isEmpty else { return .unknown }
      return test(question, in: context) { $0.contains(where: flags.contains) }
    }
  }

  private func test(_ id: String, in context: EvaluationContext, _ match: ([String]) -> Bool) -> Truth {
    switch context.answers.state(of: id) {
    case .unknown, .declined: return .unknown
    case .skipped, .notAsked: return .no
    case .answered:
      return match(context.answers[id]?.value.comparable ?? []) ? .yes : .no
    }
  }

  private func compare(_ name: String, in context: EvaluationContext, _ check: (Double) -> Bool) -> Truth {
    guard let fact = context.facts[name] else { return .no }
    guard let value = fact else { return .unknown }
    return check(value) ? .yes : .no
  }
}
