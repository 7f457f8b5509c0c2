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
  public private(set) var answers = AnswerSet() {
    didSet {
      context = Self.context(answers, voice: voice, today: today, seeds: seeds)
      asked = Self.asked(seeds.interview.questions, in: context)
    }
  }
  /// Question ids in the order they were answered, for `back`.
  public private(set) var history: [String] = []
  /// The stop rule that fired, if any.
  public private(set) var stoppedBy: StopRule?
  /// The follow-up questions answered (or skipped) after the stop, in order,
  /// for `backInFollowUp`.
  public private(set) var followedUp: [String] = []

  /// The context conditions are evaluated in. Kept up to date whenever the
  /// answers change (building one computes the facts, with calendar
  /// arithmetic), rather than built for every condition tested.
  public private(set) var context: EvaluationContext

  /// Whether each question of the definition applies in `context`, by
  /// position. Also kept up to date whenever the answers change: `current`,
  /// `progress` and `prune` read every question's condition, several times an
  /// answer, and the answers are all a condition depends on.
  private var asked: [Bool]

  /// Starts a session.
  public init(seeds: SeedBundle, voice: Voice, today: String) {
    self.seeds = seeds
    self.voice = voice
    self.today = today
    context = Self.context(AnswerSet(), voice: voice, today: today, seeds: seeds)
    asked = Self.asked(seeds.interview.questions, in: context)
  }

  private static func asked(_ questions: [Question], in context: EvaluationContext) -> [Bool] {
    questions.indices.map { index in
      guard let condition = questions[index].when else { return true }
      return condition.evaluate(in: context) != .no
    }
  }

  private static func context(_ answers: AnswerSet, voice: Voice, today: String, seeds: SeedBundle)
    -> EvaluationContext
  {
    var context = EvaluationContext(
      answers: answers, voice: voice, today: today, facts: seeds.interview.facts ?? [],
      assumptions: seeds.triage.assumptions, decisionMarginDays: seeds.triage.decisionMarginDays)
    context.crisis = seeds.crisis
    return context
  }

  /// Whether a question applies given the answers so far (unknown: ask).
  public func isAsked(_ question: Question) -> Bool {
    guard let condition = question.when else { return true }
    return condition.evaluate(in: context) != .no
  }

  /// Whether the question at `index` applies.
  private func isAsked(at index: Int) -> Bool { asked[index] }

  /// Whether the question at `index` has an answer.
  private func isAnswered(at index: Int) -> Bool { answers[seeds.interview.questions[index].id] != nil }

  /// The next question to ask, or nil when every applicable one is answered.
  /// After a stop: the next follow-up question of the voice not yet answered
  /// (`InterviewDefinition.emergencyFollowUp`), made skippable, or nil.
  public var current: Question? {
    guard stoppedBy == nil else { return pendingFollowUp }
    let questions = seeds.interview.questions
    for index in questions.indices where !isAnswered(at: index) && isAsked(at: index) {
      return questions[index]
    }
    return nil
  }

  /// After a stop, the first follow-up question with no answer yet.
  public var pendingFollowUp: Question? {
    guard stoppedBy != nil else { return nil }
    return seeds.interview.emergencyFollowUp(for: voice).first { answers[$0.id] == nil }
  }

  /// Whether the interview is complete and ready for review.
  public var isComplete: Bool { stoppedBy == nil && current == nil }

  /// The answers that count: those to questions that apply on the current path,
  /// in the order of the definition.
  public var effectiveAnswers: [Answer] {
    seeds.interview.questions.indices.filter(isAsked(at:)).compactMap { answers[seeds.interview.questions[$0].id] }
  }

  /// Where the interview is, for the progress line: the question's number
  /// (answers so far on the current path, plus one), and the section of the
  /// current question by its number among the seeds' sections (`section` 0
  /// and `sections` 0 without sections). `sections` is fixed by the seeds, so
  /// the total never changes as answers open or close questions, and
  /// `section` never passes it; only going back lowers it.
  public var progress: (number: Int, section: Int, sections: Int, title: VoiceText?) {
    var answered = 0
    for index in seeds.interview.questions.indices where isAsked(at: index) && isAnswered(at: index) {
      answered += 1
    }
    let total = seeds.interview.sections?.count ?? 0
    let position =
      current.flatMap { seeds.interview.index(of: $0.id) } ?? max(seeds.interview.questions.count - 1, 0)
    guard let found = seeds.interview.section(containing: position) else { return (answered + 1, 0, total, nil) }
    return (answered + 1, found.number, total, found.section.title)
  }

  /// The section of the question with this id, by number (from 1), with its
  /// title: nil without sections.
  public func section(of questionID: String) -> (number: Int, section: InterviewSection)? {
    seeds.interview.index(of: questionID).flatMap { seeds.interview.section(containing: $0) }
  }

  /// Applies a typed (already inert) answer to the current question.
  public mutating func apply(_ typed: String) -> Outcome {
    guard let question = current else {
      let definition = seeds.interview
      return .rejected(
        ParseFailure(
          definition.say(.interviewComplete, voice), example: definition.say(.interviewCompleteExample, voice)))
    }
    return apply(typed, to: question)
  }

  /// Applies a typed answer to a given question (the review's change).
  public mutating func apply(_ typed: String, to question: Question) -> Outcome {
    let parser = AnswerParser(voice: voice, today: today, definition: seeds.interview)
    if stoppedBy != nil { return applyFollowUp(typed, to: question, parser: parser) }
    switch parser.parse(typed, for: question) {
    case .failure(let failure):
      return .rejected(failure)
    case .success(let value):
      answers.set(Answer(questionID: question.id, typed: typed, value: value))
      history.removeAll { $0 == question.id }
      history.append(question.id)
      prune()
      if let rule = seeds.interview.stops.first(where: { $0.when.evaluate(in: context) != .no }) {
        stoppedBy = rule
        return .stopped(rule)
      }
      return .accepted
    }
  }

  /// After a stop, records a follow-up answer (Enter skips it). It neither
  /// prunes nor tests the stop rules again: the emergency stands, and a
  /// follow-up answer is kept whatever the follow-up question's `when`.
  private mutating func applyFollowUp(_ typed: String, to question: Question, parser: AnswerParser) -> Outcome {
    guard let followUp = seeds.interview.emergencyFollowUp(for: voice).first(where: { $0.id == question.id }),
      answers[question.id] == nil
    else {
      let definition = seeds.interview
      return .rejected(
        ParseFailure(
          definition.say(.interviewStopped, voice), example: definition.say(.interviewStoppedExample, voice)))
    }
    switch parser.parse(typed, for: followUp) {
    case .failure(let failure):
      return .rejected(failure)
    case .success(let value):
      answers.set(Answer(questionID: followUp.id, typed: typed, value: value))
      followedUp.append(followUp.id)
      return .accepted
    }
  }

  /// After a stop, forgets the last follow-up answer, to ask it again.
  /// Returns false when no follow-up has been answered.
  @discardableResult
  public mutating func backInFollowUp() -> Bool {
    guard stoppedBy != nil, let last = followedUp.popLast() else { return false }
    answers.remove(last)
    return true
  }

  /// Records a value worked out from the person's own words (the red-flag
  /// screen's reading of "I have chest pain", once confirmed), with what was
  /// typed, as `apply` records a parsed answer: the stop rules are tested.
  public mutating func record(_ value: AnswerValue, typed: String, for question: Question) -> Outcome {
    answers.set(Answer(questionID: question.id, typed: typed, value: value))
    history.removeAll { $0 == question.id }
    history.append(question.id)
    prune()
    if let rule = seeds.interview.stops.first(where: { $0.when.evaluate(in: context) != .no }) {
      stoppedBy = rule
      return .stopped(rule)
    }
    return .accepted
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
      for index in seeds.interview.questions.indices where isAnswered(at: index) && !isAsked(at: index) {
        let id = seeds.interview.questions[index].id
        answers.remove(id)
        history.removeAll { $0 == id }
        changed = true
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
