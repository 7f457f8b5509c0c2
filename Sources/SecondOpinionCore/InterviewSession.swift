/// The interview as a state machine: given the answers so far, which question
/// comes next; apply an answer; go back; change an answer from the review.
/// Branching is recomputed from the answers every time, so going back or
/// editing never leaves a stale branch behind.
public struct InterviewSession: Sendable {
  /// The outcome of applying a typed answer.
  public enum Outcome: Equatable, Sendable {
    /// Accepted; the session moved on.
    case accepted
    /// Not accepted; ask again with the reason.
    case rejected(ParseFailure)
    /// Accepted, and a stop rule fired: the emergency disposition.
    case stopped(StopRule)
  }

  /// The seeds the session runs.
  public let seeds: SeedBundle
  /// The interview's voice.
  public let voice: Voice
  /// Today, ISO 8601.
  public let today: String
  /// The answers so far.
  public private(set) var answers = AnswerSet()
  /// Question ids in the order they were answered, for `back`.
  public private(set) var history: [String] = []
  /// The stop rule that fired, if any.
  public private(set) var stoppedBy: StopRule?

  /// Starts a session.
  public init(seeds: SeedBundle, voice: Voice, today: String) {
    self.seeds = seeds
    self.voice = voice
    self.today = today
  }

  /// The context conditions are evaluated in.
  public var context: EvaluationContext {
    EvaluationContext(
      answers: answers, voice: voice, today: today, facts: seeds.interview.facts ?? [],
      assumptions: seeds.triage.assumptions)
  }

  /// Whether a question applies given the answers so far (unknown: ask).
  public func isAsked(_ question: Question) -> Bool {
    guard let condition = question.when else { return true }
    return condition.evaluate(in: context) != .no
  }

  /// `isAsked` in a context built once by the caller: building a context
  /// computes the facts (calendar arithmetic), so loops over the questions
  /// build it once rather than once a question.
  private static func isAsked(_ question: Question, in context: EvaluationContext) -> Bool {
    guard let condition = question.when else { return true }
    return condition.evaluate(in: context) != .no
  }

  /// The next question to ask, or nil when every applicable one is answered.
  public var current: Question? {
    guard stoppedBy == nil else { return nil }
    let context = self.context
    return seeds.interview.questions.first { question in
      answers[question.id] == nil && (question.when.map { $0.evaluate(in: context) != .no } ?? true)
    }
  }

  /// Whether the interview is complete and ready for review.
  public var isComplete: Bool { stoppedBy == nil && current == nil }

  /// The answers that count: those to questions that apply on the current path,
  /// in the order of the definition.
  public var effectiveAnswers: [Answer] {
    let context = self.context
    return seeds.interview.questions.filter { Self.isAsked($0, in: context) }.compactMap { answers[$0.id] }
  }

  /// Progress for "question N of about M".
  public var progress: (number: Int, estimate: Int) {
    let context = self.context
    var answered = 0
    var remaining = 0
    for question in seeds.interview.questions where Self.isAsked(question, in: context) {
      if answers[question.id] == nil { remaining += 1 } else { answered += 1 }
    }
    return (answered + 1, answered + max(remaining, 1))
  }

  /// Applies a typed (already inert) answer to the current question.
  public mutating func apply(_ typed: String) -> Outcome {
    guard let question = current else { return .rejected(ParseFailure("the interview is complete", example: "submit")) }
    return apply(typed, to: question)
  }

  /// Applies a typed answer to a given question (the review's change).
  public mutating func apply(_ typed: String, to question: Question) -> Outcome {
    let parser = AnswerParser(voice: voice, today: today)
    switch parser.parse(typed, for: question) {
    case .failure(let failure):
      return .rejected(failure)
    case .success(let value):
      answers.set(Answer(questionID: question.id, typed: typed, value: value))
      history.removeAll { $0 == question.id }
      history.append(question.id)
      prune()
      let context = self.context
      if let rule = seeds.interview.stops.first(where: { $0.when.evaluate(in: context) != .no }) {
        stoppedBy = rule
        return .stopped(rule)
      }
      return .accepted
    }
  }

  /// Goes back to the previous question asked, forgetting its answer.
  /// Returns false when there is nothing to go back to.
  @discardableResult
  public mutating func back() -> Bool {
    guard let last = history.popLast() else { return false }
    answers.remove(last)
    stoppedBy = nil
    prune()
    return true
  }

  /// Drops answers to questions that no longer apply after a change.
  private mutating func prune() {
    var changed = true
    while changed {
      changed = false
      // The context is rebuilt after each removal, as the answers it reads changed.
      var context = self.context
      for question in seeds.interview.questions
      where answers[question.id] != nil && !Self.isAsked(question, in: context) {
        answers.remove(question.id)
        history.removeAll { $0 == question.id }
        changed = true
        context = self.context
      }
    }
  }

  /// Restores answers (from a draft) by replaying them in order.
  public mutating func replay(_ typed: [(questionID: String, typed: String)]) {
    for item in typed {
      guard let question = seeds.interview.question(item.questionID), isAsked(question) else { continue }
      _ = apply(item.typed, to: question)
    }
  }
}
