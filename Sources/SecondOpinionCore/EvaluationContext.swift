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

  /// Builds a context, computing facts from their definitions.
  public init(
    answers: AnswerSet, voice: Voice, today: String, facts definitions: [FactDefinition],
    assumptions: [Assumption]
  ) {
    self.answers = answers
    self.voice = voice
    self.today = today
    var facts: [String: Double?] = [:]
    for fact in definitions {
      guard let answer = answers[fact.questionID] else { continue }
      switch answer.value {
      case .date(let iso):
        if fact.daysUntil != nil {
          facts[fact.id] = CalendarDate.days(from: today, to: iso).map(Double.init)
        } else {
          facts[fact.id] = CalendarDate.wholeYears(from: iso, to: today).map(Double.init)
        }
      case .unknown, .declined: facts[fact.id] = .some(nil)
      default: continue
      }
    }
    self.facts = facts
    var resolved: [String: Double] = [:]
    for assumption in assumptions { resolved[assumption.id] = assumption.resolve(in: answers).value }
    self.assumptions = resolved
  }
}
