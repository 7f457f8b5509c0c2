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
  public var seeds: SeedBundle { plan.seeds }
  /// What the session knows about its seeds, worked out once.
  public let plan: InterviewPlan
  /// The interview's voice.
  public let voice: Voice
  /// Today, ISO 8601.
  public let today: String
  /// The answers so far.
  public var answers: AnswerSet { context.answers }
  /// Question ids in the order they were answered, for `back`.
  public private(set) var history: [String] = []
  /// The stop rule that fired, if any.
  public private(set) var stoppedBy: StopRule?

  /// The context conditions are evaluated in: the answers, and the facts and
  /// assumptions worked out from them. Kept up to date as each answer changes.
  public private(set) var context: EvaluationContext

  /// Whether each question of the definition applies in `context`, by
  /// position, and whether each stop rule's condition is other than no. Kept
  /// up to date as each answer changes: only the conditions that read that
  /// answer (`InterviewPlan.dependents`) are evaluated again, so these are
  /// always what evaluating every condition in `context` would give.
  private var asked: [Bool]
  private var stopping: [Bool]
  /// Whether each question has an answer, by position.
  private var answered: [Bool]
  /// How many questions are asked, and how many of those are answered (kept
  /// with `asked` and `answered`, for `progress`).
  private var askedCount = 0
  private var askedAndAnswered = 0
  /// Whether some question may be answered but no longer asked, so that
  /// `prune` has work: only after a condition of an answered question stops
  /// holding, or an answer is set where its question is not asked.
  private var mayPrune = false
  /// The words each choice can be typed as, in the session's voice, by position.
  private let choiceNames: [[ChoiceNames]]
  /// For each of the plan's phrase sets, whether each question's answer
  /// mentions it, by position; nil once an answer to a question outside the
  /// plan is set (from then on the sets are searched for in every answer).
  private var mentioning: [[Bool]]?
  /// Whether each question's answer mentions any of the sets, by position.
  private var mentionedAt: [Bool]
  /// Each question's answer, by position (the same answers as `context`'s,
  /// found without looking up their ids).
  private var slots: [Answer?]
  /// Each answer as printed (`AnswerDisplay`), by the position of its
  /// question, once worked out for the review; the record uses it again.
  private(set) var displays: [String?]
  /// Whether each question's id may be in `history`, by position (false:
  /// it is not), so that answering a question not answered before needs no
  /// search of it.
  private var inHistory: [Bool]

  /// Starts a session.
  public init(seeds: SeedBundle, voice: Voice, today: String) {
    self.init(plan: InterviewPlan(seeds: seeds), voice: voice, today: today)
  }

  /// Starts a session from a plan made once for many sessions.
  public init(plan: InterviewPlan, voice: Voice, today: String) {
    self.plan = plan
    self.voice = voice
    self.today = today
    let seeds = plan.seeds
    context = EvaluationContext(
      answers: AnswerSet(capacity: plan.questions.count), voice: voice, today: today,
      facts: seeds.interview.facts ?? [],
      assumptions: seeds.triage.assumptions, decisionMarginDays: seeds.triage.decisionMarginDays)
    mentioning = plan.phraseSets.map { _ in Array(repeating: false, count: plan.questions.count) }
    for phrases in plan.phraseSets { context.mentions[phrases.identity] = false }
    (asked, stopping) = plan.start(voice)
    answered = Array(repeating: false, count: plan.questions.count)
    askedCount = asked.reduce(0) { $0 + ($1 ? 1 : 0) }
    inHistory = answered
    choiceNames = plan.choiceNames(voice)
    mentionedAt = answered
    slots = Array(repeating: nil, count: plan.questions.count)
    displays = slots.map { _ in nil }
  }

  /// Sets or removes the answer to a question, then brings the facts,
  /// assumptions and every condition that reads it up to date.
  private mutating func update(_ id: String, to answer: Answer?) {
    guard let positions = plan.allPositions[id], let first = positions.first else {
      if let answer { context.answers.set(answer) } else { context.answers.remove(id) }
      mentioning = nil
      context.mentions = [:]
      return
    }
    if positions.count == 1 {
      update(at: first, to: answer)
      return
    }
    context.update(
      id, to: answer, facts: plan.factsByQuestion[first], assumptions: plan.assumptionsByQuestion[first])
    for index in positions { hold(answer, at: index) }
    reevaluate(readersOf: first)
  }

  /// `update` for the question at `index`, the only one with its id.
  private mutating func update(at index: Int, to answer: Answer?) {
    context.update(
      plan.questions[index].id, to: answer, facts: plan.factsByQuestion[index],
      assumptions: plan.assumptionsByQuestion[index])
    hold(answer, at: index)
    reevaluate(readersOf: index)
  }

  /// Keeps the session's per-position state up to date with the answer now
  /// held for the question at `index` (the context already holds it).
  private mutating func hold(_ answer: Answer?, at index: Int) {
    setAnswered(index, Self.isSet(answer))
    if Self.isSet(answer), !asked[index] { mayPrune = true }
    slots[index] = answer
    displays[index] = nil
    trackMentions(at: index, answer)
  }

  /// Brings `mentioning`, and the context's `mentions`, up to date with the
  /// answer now at `index`: only that answer is searched.
  private mutating func trackMentions(at index: Int, _ answer: Answer?) {
    guard mentioning != nil else { return }
    let text: String?
    if case .text(let value)? = answer?.value { text = value } else { text = nil }
    // Most answers are not text, where nothing was mentioned before either.
    if text == nil, !mentionedAt[index] { return }
    mentionedAt[index] = false
    for (set, phrases) in plan.phraseSets.enumerated() {
      let mentions = text.map(phrases.isMentioned(in:)) ?? false
      if mentions { mentionedAt[index] = true }
      guard mentions != mentioning![set][index] else { continue }
      mentioning![set][index] = mentions
      context.mentions[phrases.identity] = mentioning![set].contains(true)
    }
  }

  /// Whether there is an answer. (`answer != nil` compares two optional
  /// answers as values, copying both, where this only reads the case.)
  private static func isSet(_ answer: Answer?) -> Bool {
    if case .some = answer { return true }
    return false
  }

  /// Sets whether the question at `index` has an answer, keeping the counts.
  private mutating func setAnswered(_ index: Int, _ value: Bool) {
    guard answered[index] != value else { return }
    answered[index] = value
    if asked[index] { askedAndAnswered += value ? 1 : -1 }
  }

  /// Evaluates again the conditions and stop rules that read the answer at `index`.
  private mutating func reevaluate(readersOf index: Int) {
    for reader in plan.dependents[index] {
      let applies = plan.conditions[reader].map { $0.evaluate(in: context) != .no } ?? true
      if applies != asked[reader] {
        asked[reader] = applies
        askedCount += applies ? 1 : -1
        if answered[reader] { askedAndAnswered += applies ? 1 : -1 }
      }
      if !applies, answered[reader] { mayPrune = true }
    }
    for rule in plan.stopDependents[index] { stopping[rule] = plan.stopConditions[rule].evaluate(in: context) != .no }
  }

  /// Whether a question applies given the answers so far (unknown: ask).
  public func isAsked(_ question: Question) -> Bool {
    guard let condition = question.when else { return true }
    return condition.evaluate(in: context) != .no
  }

  /// The next question to ask, or nil when every applicable one is answered.
  public var current: Question? { currentIndex.map { plan.questions[$0] } }

  /// The position of the next question to ask in the definition.
  var currentIndex: Int? {
    guard isRunning else { return nil }
    for index in asked.indices where asked[index] && !answered[index] { return index }
    return nil
  }

  /// Whether the interview is complete and ready for review.
  public var isComplete: Bool { isRunning && currentIndex == nil }

  /// Whether no stop rule has fired.
  var isRunning: Bool {
    if case .some = stoppedBy { return false }
    return true
  }

  /// The answers that count: those to questions that apply on the current path,
  /// in the order of the definition.
  public var effectiveAnswers: [Answer] { effectivePositions.map { slots[$0]! } }

  /// The positions in the definition of the questions whose answers count.
  var effectivePositions: [Int] {
    var positions: [Int] = []
    positions.reserveCapacity(context.answers.count)
    for index in asked.indices where asked[index] && answered[index] { positions.append(index) }
    return positions
  }

  /// The answer to the question at `position`, if it has one.
  func answer(at position: Int) -> Answer? { slots[position] }

  /// The answer to the question at `position` as printed for the question at
  /// `shown` (the first with its id), worked out once: `AnswerDisplay.text`
  /// in the session's voice.
  mutating func display(at position: Int, shown: Int) -> String {
    if let known = displays[shown] { return known }
    guard let answer = slots[position] else { return "" }
    let text = plan.questions.withUnsafeBufferPointer {
      AnswerDisplay.text(answer.value, question: $0[shown], voice: voice)
    }
    displays[shown] = text
    return text
  }

  /// Progress for "question N of about M".
  public var progress: (number: Int, estimate: Int) {
    (askedAndAnswered + 1, askedAndAnswered + max(askedCount - askedAndAnswered, 1))
  }

  /// Applies a typed (already inert) answer to the current question.
  public mutating func apply(_ typed: String) -> Outcome {
    guard let index = currentIndex else {
      return .rejected(ParseFailure("the interview is complete", example: "submit"))
    }
    return apply(typed, at: index)
  }

  /// Applies a typed answer to a given question (the review's change).
  public mutating func apply(_ typed: String, to question: Question) -> Outcome {
    if let index = plan.soleIndex(of: question.id) { return apply(typed, soleAt: index) }
    return applyShared(typed, to: question)
  }

  /// Applies a typed answer to the question at `index` of the definition.
  mutating func apply(_ typed: String, at index: Int) -> Outcome {
    plan.isSole[index] ? apply(typed, soleAt: index) : applyShared(typed, to: plan.questions[index])
  }

  /// Applies a typed answer to a question whose id is not the definition's
  /// alone (defective seeds, which `check` refuses) or not the definition's.
  private mutating func applyShared(_ typed: String, to question: Question) -> Outcome {
    let parser = AnswerParser(voice: voice, today: today)
    switch parser.parse(typed, for: question) {
    case .failure(let failure):
      return .rejected(failure)
    case .success(let value):
      update(question.id, to: Answer(questionID: question.id, typed: typed, value: value))
      history.removeAll { $0 == question.id }
      history.append(question.id)
      for index in plan.allPositions[question.id] ?? [] { inHistory[index] = true }
      return settle()
    }
  }

  /// Applies a typed answer to the question at `index` of the definition, the
  /// only question with its id.
  private mutating func apply(_ typed: String, soleAt index: Int) -> Outcome {
    let parser = AnswerParser(voice: voice, today: today)
    let result = plan.questions.withUnsafeBufferPointer { questions in
      parser.parse(typed, for: questions[index], choiceNames: choiceNames[index])
    }
    switch result {
    case .failure(let failure):
      return .rejected(failure)
    case .success(let value):
      let id = plan.questions[index].id
      update(at: index, to: Answer(questionID: id, typed: typed, value: value))
      if inHistory[index] { history.removeAll { $0 == id } }
      history.append(id)
      inHistory[index] = true
      return settle()
    }
  }

  /// After an answer: drops answers that no longer apply, then stops if a stop rule holds.
  private mutating func settle() -> Outcome {
    prune()
    if let index = stopping.firstIndex(of: true) {
      let rule = plan.stops[index]
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
    forgetHistory(of: last)
    update(last, to: nil)
    stoppedBy = nil
    prune()
    return true
  }

  /// Drops answers to questions that no longer apply after a change.
  private mutating func prune() {
    guard mayPrune else { return }
    var changed = true
    while changed {
      changed = false
      for index in asked.indices where answered[index] && !asked[index] {
        let id = plan.questions[index].id
        update(id, to: nil)
        if inHistory[index] {
          history.removeAll { $0 == id }
          forgetHistory(of: id)
        }
        changed = true
      }
    }
    mayPrune = false
  }

  /// Marks the questions with this id as no longer in `history` (it has just been taken out).
  private mutating func forgetHistory(of id: String) {
    for index in plan.allPositions[id] ?? [] { inHistory[index] = false }
  }

  /// Restores answers (from a draft) by replaying them in order.
  public mutating func replay(_ typed: [(questionID: String, typed: String)]) {
    for item in typed {
      guard let question = seeds.interview.question(item.questionID), isAsked(question) else { continue }
      _ = apply(item.typed, to: question)
    }
  }
}
