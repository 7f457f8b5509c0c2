import Synchronization

/// What a session needs to know about its seeds that does not change from one
/// interview to the next, worked out once: each question's position, which
/// questions' conditions (and which stop rules) read each question's answer,
/// the facts and assumptions each answer feeds, the words each choice can be
/// typed as, and each question as shown. One plan is shared by every session
/// of a run (the case library runs thousands); a session made from seeds alone
/// makes its own.
public final class InterviewPlan: Sendable {
  /// The seeds planned for.
  public let seeds: SeedBundle
  /// The questions, in the order of the definition.
  let questions: [Question]
  /// Each question's condition (`when`), by position.
  let conditions: [Condition?]
  /// The first position of each question id, as `InterviewDefinition.index(of:)` finds it.
  let positions: [String: Int]
  /// Every position of each question id (more than one only in defective seeds,
  /// where the questions then share an answer, as they share the id).
  let allPositions: [String: [Int]]
  /// Whether each question's id is the definition's only question with that id.
  let isSole: [Bool]
  /// For each question, the questions whose `when` reads its answer (directly,
  /// through a fact or an assumption, or, for a text question, by its words).
  let dependents: [[Int]]
  /// The stop rules, in the order of the definition.
  let stops: [StopRule]
  /// Each stop rule's condition, by position.
  let stopConditions: [Condition]
  /// For each question, the stop rules whose condition reads its answer.
  let stopDependents: [[Int]]
  /// The phrase sets the questions' and stop rules' conditions look for in
  /// text answers (`textMentions`), each once.
  let phraseSets: [PhraseSet]
  /// For each question, the facts computed from its answer.
  let factsByQuestion: [[FactDefinition]]
  /// For each question, the assumptions its answer chooses.
  let assumptionsByQuestion: [[Assumption]]
  /// The words each choice of each question can be typed as, by voice; worked
  /// out for a voice when it is first needed (an interview has one voice).
  private let choiceNames: Mutex<[Voice: [[ChoiceNames]]]>
  /// Each question as shown, and what tab completion offers for it, by voice;
  /// filled in as questions are first shown.
  private let presented: Mutex<[[(text: String, completions: [String])?]]>

  /// Text shown the same way in every interview of a voice and channel (the
  /// title and introduction, and messages not shown as alerts), worked out
  /// when first shown.
  private let screens: Mutex<[ScreenKey: String]>

  /// `start`'s results, by voice.
  private let starts: Mutex<[(asked: [Bool], stopping: [Bool])?]>

  /// Progress lines made so far, by voice, number and estimate (each under 64),
  /// with the word they start with.
  private let progressLines: Mutex<[(word: String, line: String)?]>

  /// Which fixed text, in which voice and on which channel.
  private struct ScreenKey: Hashable {
    /// The message's position in the definition; -1 for the introduction.
    var message: Int
    var voice: Voice
    var kiosk: Bool
  }

  /// Plans for a set of seeds.
  public init(seeds: SeedBundle) {
    self.seeds = seeds
    let questions = seeds.interview.questions
    self.questions = questions
    conditions = questions.map(\.when)
    var allPositions: [String: [Int]] = [:]
    for (index, question) in questions.enumerated() { allPositions[question.id, default: []].append(index) }
    let positions = allPositions.mapValues { $0[0] }
    self.positions = positions
    self.allPositions = allPositions
    isSole = questions.map { allPositions[$0.id]?.count == 1 }
    let facts = seeds.interview.facts ?? []
    let assumptions = seeds.triage.assumptions
    let textQuestions = questions.indices.filter { questions[$0].type == .text }

    func reads(_ condition: Condition) -> Set<Int> {
      var found: Set<Int> = []
      func visit(_ condition: Condition) {
        switch condition {
        case .answerIs(let id, _), .answerIsNot(let id, _), .answerIncludesAny(let id, _), .answerState(let id, _):
          found.formUnion(allPositions[id] ?? [])
        case .factBelow(let name, _), .factKnown(let name):
          fact(name)
        case .factBelowAssumption(let name, let assumption):
          fact(name)
          for item in assumptions where item.id == assumption {
            if let question = item.question { found.formUnion(allPositions[question] ?? []) }
          }
        case .textMentions:
          found.formUnion(textQuestions)
        case .mode, .always:
          break
        case .all(let parts), .any(let parts):
          parts.forEach(visit)
        case .not(let inner):
          visit(inner)
        }
      }
      func fact(_ name: String) {
        for item in facts where item.id == name {
          found.formUnion(allPositions[item.questionID] ?? [])
        }
      }
      visit(condition)
      return found
    }

    var dependents = Array(repeating: [Int](), count: questions.count)
    for (index, question) in questions.enumerated() {
      guard let condition = question.when else { continue }
      for read in reads(condition).sorted() { dependents[read].append(index) }
    }
    self.dependents = dependents
    stops = seeds.interview.stops
    stopConditions = stops.map(\.when)
    var stopDependents = Array(repeating: [Int](), count: questions.count)
    for (index, rule) in seeds.interview.stops.enumerated() {
      for read in reads(rule.when).sorted() { stopDependents[read].append(index) }
    }
    self.stopDependents = stopDependents
    var phraseSets: [PhraseSet] = []
    func collect(_ condition: Condition) {
      switch condition {
      case .textMentions(let phrases):
        if !phraseSets.contains(where: { $0.identity == phrases.identity }) { phraseSets.append(phrases) }
      case .all(let parts), .any(let parts): parts.forEach(collect)
      case .not(let inner): collect(inner)
      default: break
      }
    }
    questions.compactMap(\.when).forEach(collect)
    seeds.interview.stops.map(\.when).forEach(collect)
    self.phraseSets = phraseSets
    var factsByQuestion = Array(repeating: [FactDefinition](), count: questions.count)
    for fact in facts {
      for index in allPositions[fact.questionID] ?? [] { factsByQuestion[index].append(fact) }
    }
    self.factsByQuestion = factsByQuestion
    var assumptionsByQuestion = Array(repeating: [Assumption](), count: questions.count)
    for assumption in assumptions {
      for index in assumption.question.flatMap({ allPositions[$0] }) ?? [] {
        assumptionsByQuestion[index].append(assumption)
      }
    }
    self.assumptionsByQuestion = assumptionsByQuestion
    choiceNames = Mutex([:])
    screens = Mutex([:])
    progressLines = Mutex(Array(repeating: nil, count: 2 * 4096))
    starts = Mutex([nil, nil])
    presented = Mutex(Array(repeating: Array(repeating: nil, count: questions.count), count: 2))
  }

  /// The position of a question, if the definition has it.
  public func position(of id: String) -> Int? { positions[id] }

  /// The question with this id, as `InterviewDefinition.question(_:)` finds it.
  public func question(_ id: String) -> Question? { positions[id].map { questions[$0] } }

  /// The position of the question with this id, when it is the definition's
  /// only question with that id.
  func soleIndex(of id: String) -> Int? {
    guard let positions = allPositions[id], positions.count == 1 else { return nil }
    return positions[0]
  }

  /// The words each choice of each question can be typed as in a voice, by
  /// the question's position.
  func choiceNames(_ voice: Voice) -> [[ChoiceNames]] {
    if let known = choiceNames.withLock({ $0[voice] }) { return known }
    let made = questions.map { question in (question.choices ?? []).map { ChoiceNames($0, voice: voice) } }
    choiceNames.withLock { $0[voice] = made }
    return made
  }

  /// Which questions apply and which stop rules hold before any answer, in a
  /// voice: with no answers every condition depends on the voice alone (no
  /// fact has a value, every assumption takes its default, no text mentions
  /// anything), so each voice's are worked out once.
  func start(_ voice: Voice) -> (asked: [Bool], stopping: [Bool]) {
    let slot = Self.slot(voice)
    if let known = starts.withLock({ $0[slot] }) { return known }
    let context = EvaluationContext(
      answers: AnswerSet(), voice: voice, today: "", facts: seeds.interview.facts ?? [],
      assumptions: seeds.triage.assumptions, decisionMarginDays: seeds.triage.decisionMarginDays)
    let made = (
      conditions.map { $0.map { $0.evaluate(in: context) != .no } ?? true },
      stopConditions.map { $0.evaluate(in: context) != .no }
    )
    starts.withLock { $0[slot] = made }
    return made
  }

  /// The progress line shown before a question: "[Question 3 of about 40]".
  func progressLine(_ number: Int, of estimate: Int, word: String, voice: Voice) -> String {
    // The same few lines are shown in every interview, so each is made once.
    let cacheable = (0..<64).contains(number) && (0..<64).contains(estimate)
    let slot = Self.slot(voice) * 4096 + number * 64 + estimate
    if cacheable, let known = progressLines.withLock({ $0[slot] }), known.word == word { return known.line }
    let line = "\n[\(word) \(number) of about \(estimate)]\n"
    if cacheable { progressLines.withLock { $0[slot] = (word, line) } }
    return line
  }

  /// The interview's title and introduction as shown at the start.
  func introduction(voice: Voice) -> String {
    screen(ScreenKey(message: -1, voice: voice, kiosk: false)) {
      let interview = seeds.interview
      return "\(interview.title.text(for: voice))\n\n"
        + TextWrapper.wrap(interview.introduction.text(for: voice), width: 76) + "\n"
    }
  }

  /// The safety message at `index` as shown other than as an alert, in a
  /// voice and on a channel: its title, then its text wrapped.
  func screen(message index: Int, voice: Voice, kiosk: Bool) -> String {
    screen(ScreenKey(message: index, voice: voice, kiosk: kiosk)) {
      let message = seeds.interview.messages[index]
      return "\n\(message.title)\n" + TextWrapper.wrap(message.text(for: voice, kiosk: kiosk), width: 76) + "\n"
    }
  }

  /// Where a voice's entries are in the caches kept by voice: 0 or 1.
  private static func slot(_ voice: Voice) -> Int { voice == .patient ? 0 : 1 }

  private func screen(_ key: ScreenKey, _ make: () -> String) -> String {
    if let known = screens.withLock({ $0[key] }) { return known }
    let made = make()
    screens.withLock { $0[key] = made }
    return made
  }

  /// The question at `index` as `QuestionPresenter` shows it, and what tab
  /// completion offers for it.
  func presented(at index: Int, voice: Voice) -> (text: String, completions: [String]) {
    let slot = Self.slot(voice)
    if let known = presented.withLock({ $0[slot][index] }) { return known }
    let presenter = QuestionPresenter(question: questions[index], voice: voice)
    let made = (presenter.render(), presenter.completions)
    presented.withLock { $0[slot][index] = made }
    return made
  }
}
