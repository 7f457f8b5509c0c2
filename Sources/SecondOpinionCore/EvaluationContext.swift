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
      if let value = Self.value(of: fact, answers: answers, today: today) { facts[fact.id] = value }
    }
    self.facts = facts
    var resolved: [String: Double] = [:]
    for assumption in assumptions { resolved[assumption.id] = assumption.resolve(in: answers).value }
    self.assumptions = resolved
  }

  /// A fact's value: nil when it has none (its question is unanswered, or
  /// answered with something other than a date), `.some(nil)` when it is
  /// unknown (the date is not known or was declined).
  static func value(of fact: FactDefinition, answers: AnswerSet, today: String) -> Double?? {
    guard let answer = answers[fact.questionID] else { return nil }
    switch answer.value {
    case .date(let iso):
      return .some(FactCache.shared.value(daysUntil: fact.daysUntil != nil, date: iso, today: today))
    case .unknown, .declined: return .some(nil)
    default: return nil
    }
  }

  /// Sets or removes one answer and brings the facts and assumptions that
  /// depend on it up to date, as building the context again would.
  mutating func update(
    _ id: String, to answer: Answer?, facts definitions: [FactDefinition], assumptions: [Assumption]
  ) {
    if let answer { answers.set(answer) } else { answers.remove(id) }
    for fact in definitions {
      if let value = Self.value(of: fact, answers: answers, today: today) {
        facts[fact.id] = value
      } else {
        facts.removeValue(forKey: fact.id)
      }
    }
    for assumption in assumptions { self.assumptions[assumption.id] = assumption.resolve(in: answers).value }
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
