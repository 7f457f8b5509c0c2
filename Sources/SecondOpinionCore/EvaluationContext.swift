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
        facts[fact.id] = FactCache.shared.value(daysUntil: fact.daysUntil != nil, date: iso, today: today)
      case .unknown, .declined: facts[fact.id] = .some(nil)
      default: continue
      }
    }
    self.facts = facts
    var resolved: [String: Double] = [:]
    for assumption in assumptions { resolved[assumption.id] = assumption.resolve(in: answers).value }
    self.assumptions = resolved
  }

  /// Remembers computed facts. A context is built many times an interview (for
  /// every question whose condition is tested), and the calendar arithmetic
  /// behind a fact (Foundation's Gregorian calendar) was the largest cost in
  /// the case library's profile. The values are exactly those the calendar
  /// gives: computed once per (kind, date, today), then looked up.
  private final class FactCache: @unchecked Sendable {
    static let shared = FactCache()

    private struct Key: Hashable {
      var daysUntil: Bool
      var date: String
      var today: String
    }

    private let lock = NSLock()
    private var values: [Key: Double?] = [:]

    /// Days from today until the date, or whole years from the date until today.
    func value(daysUntil: Bool, date: String, today: String) -> Double? {
      let key = Key(daysUntil: daysUntil, date: date, today: today)
      lock.lock()
      let known = values[key]
      lock.unlock()
      if let known { return known }
      let value =
        daysUntil
        ? CalendarDate.days(from: today, to: date).map(Double.init)
        : CalendarDate.wholeYears(from: date, to: today).map(Double.init)
      lock.lock()
      if values.count >= 4096 { values.removeAll(keepingCapacity: true) }
      values[key] = value
      lock.unlock()
      return value
    }
  }
}
