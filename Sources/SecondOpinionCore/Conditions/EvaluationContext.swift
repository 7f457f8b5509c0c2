import Foundation

/// Everything a condition can read: the answers, the voice, today's date,
/// derived facts and the triage assumptions.
public struct EvaluationContext: Sendable {
  /// The answers so far.
  public var answers: AnswerSet
  /// The interview's voice.
  public var voice: Voice
  /// Today, as an ISO 8601 date.
  public var today: String
  /// Derived facts; nil where the underlying answer is unknown or declined.
  public var facts: [String: Double?]
  /// Resolved assumptions by id.
  public var assumptions: [String: Double]
  /// The triage's decision margin, taken off facts that ask for it.
  public let decisionMarginDays: Int
  /// The crisis grammar of the interview's language, for `{mentions: ..}`.
  public var crisis: PhraseMatcher?

  /// Builds a context, computing facts from their definitions.
  public init(
    answers: AnswerSet, voice: Voice, today: String, facts definitions: [FactDefinition],
    assumptions: [Assumption], decisionMarginDays: Int
  ) {
    self.answers = answers
    self.voice = voice
    self.today = today
    self.decisionMarginDays = decisionMarginDays
    var facts: [String: Double?] = [:]
    for fact in definitions {
      if let sources = fact.earliestOf {
        if let value = Self.earliest(of: sources, in: facts) { facts[fact.id] = value }
      } else if let value = Self.value(of: fact, answers: answers, today: today, margin: decisionMarginDays) {
        facts[fact.id] = value
      }
    }
    self.facts = facts
    var resolved: [String: Double] = [:]
    for assumption in assumptions { resolved[assumption.id] = assumption.resolve(in: answers).value }
    self.assumptions = resolved
  }

  /// The earliest of facts already computed: nil when none has a value,
  /// `.some(nil)` (unknown) when any is unknown, as it could be the earliest.
  static func earliest(of names: [String], in facts: [String: Double?]) -> Double?? {
    let present = names.compactMap { facts[$0] }
    guard !present.isEmpty else { return nil }
    if present.contains(where: { $0 == nil }) { return .some(nil) }
    return .some(present.compactMap { $0 }.min())
  }

  /// A fact's value: nil when it has none (its question is unanswered, or
  /// answered with something other than a date), `.some(nil)` when it is
  /// unknown (the date is not known or was declined). A fact that takes off
  /// the decision margin counts `margin` fewer days.
  static func value(of fact: FactDefinition, answers: AnswerSet, today: String, margin: Int) -> Double?? {
    guard let answer = answers[fact.questionID] else { return nil }
    switch answer.value {
    case .date(let iso):
      let value =
        fact.daysUntil != nil
        ? CalendarDate.days(from: today, to: iso).map { Double($0 - (fact.takesOffMargin ? margin : 0)) }
        : CalendarDate.wholeYears(from: iso, to: today).map(Double.init)
      return .some(value)
    case .unknown, .declined: return .some(nil)
    default: return nil
    }
  }
}
