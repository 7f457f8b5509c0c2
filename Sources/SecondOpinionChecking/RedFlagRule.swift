import SecondOpinionCore

/// The red flags agree wherever they are used. They are declared once, as the
/// choices of the red-flag screen that name a class (`redFlag: physical` or
/// `redFlag: mental_health`); stop rules and tree nodes test them by class
/// (`{redFlag: physical}`). This rule proves that everything else follows:
///
/// - one question declares red flags, and it is the first question asked;
/// - every other choice of the screen is `exclusive` ("none of these"): a
///   choice with no class is a red flag added half-way, asked and then ignored;
/// - no red flag is `exclusive`;
/// - every `{redFlag: CLASS}` test has a screen to test, and a flag of a
///   class it names, so it can hold;
/// - no condition copies a class by listing red flags by id: a list of two or
///   more that leaves out a flag of a class it draws from;
/// - each red flag, reported alone, stops the interview in both voices, and the
///   triage gives it urgency emergency and the most severe delay risk.
public enum RedFlagRule: DefinitionRule {
  /// The date the red flags are triaged on: no fact depends on it, as the
  /// screen is the only answer.
  static let today = "2026-01-01"

  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let interview = definitions.interview
    let file = SeedLoader.interviewFile
    var found: [SeedError] = []
    let screen = interview.redFlagQuestion
    let flags = interview.redFlags
    for site in definitions.conditions {
      found += classTests(site, screen: screen, flags: flags) + copies(site, screen: screen, flags: flags)
    }
    guard let screen else { return found }
    for other in interview.questions where other.id != screen.id {
      guard let flag = other.choices?.first(where: { $0.redFlag != nil }) else { continue }
      found.append(
        SeedError(
          file: file, line: flag.line ?? other.line,
          message:
            "question `\(other.id)` declares red flag `\(flag.id)`: red flags are declared once, on the red-flag screen `\(screen.id)`"
        ))
    }
    if let first = interview.questions.first, first.id != screen.id {
      found.append(
        SeedError(
          file: file, line: screen.line,
          message: "the red-flag screen `\(screen.id)` must be the first question, not `\(first.id)`"))
    }
    for choice in screen.choices ?? [] {
      if choice.redFlag == nil, choice.exclusive != true {
        found.append(
          SeedError(
            file: file, line: choice.line,
            message:
              "choice `\(choice.id)` of the red-flag screen `\(screen.id)` has no class: give it `redFlag: physical` or `redFlag: mental_health` (or `exclusive: true` if it means none of them); without one it is asked, then stops nothing and triages nothing"
          ))
      }
      if choice.redFlag != nil, choice.exclusive == true {
        found.append(
          SeedError(
            file: file, line: choice.line,
            message: "red flag `\(choice.id)` is exclusive: another red flag reported with it would be dropped"))
      }
    }
    for flag in flags { found += outcomes(of: flag, on: screen, in: definitions) }
    return found
  }

  /// `{redFlag: ...}` tests with no screen, or with no flag of any class they name.
  private static func classTests(_ site: ConditionSite, screen: Question?, flags: [Choice]) -> [SeedError] {
    site.condition.redFlagTests.compactMap { classes -> SeedError? in
      let test = "`{redFlag: \(name(classes))}`"
      guard let screen else {
        return SeedError(
          file: site.file, line: site.line,
          message:
            "`\(site.owner)` tests \(test), but no question declares red flags (`redFlag: CLASS` on the choices of the red-flag screen)"
        )
      }
      guard !classes.contains(where: { kind in flags.contains { $0.redFlag == kind } }) else { return nil }
      return SeedError(
        file: site.file, line: site.line,
        message:
          "`\(site.owner)` tests \(test), but `\(screen.id)` declares no red flag of class \(classes.map(\.rawValue).joined(separator: " or ")), so it can never hold"
      )
    }
  }

  /// Lists of red-flag ids that copy part of a class.
  private static func copies(_ site: ConditionSite, screen: Question?, flags: [Choice]) -> [SeedError] {
    guard let screen else { return [] }
    var classOf: [String: RedFlagClass] = [:]
    for flag in flags { classOf[flag.id] = flag.redFlag }
    return valueLists(site.condition, question: screen.id).compactMap { values -> SeedError? in
      let listed = values.filter { classOf[$0] != nil }
      guard listed.count >= 2 else { return nil }
      let classes = Set(listed.compactMap { classOf[$0] })
      let missing = flags.filter { flag in flag.redFlag.map(classes.contains) ?? false }.map(\.id)
        .filter { !values.contains($0) }
      guard !missing.isEmpty else { return nil }
      let kinds = RedFlagClass.allCases.filter(classes.contains)
      return SeedError(
        file: site.file, line: site.line,
        message:
          "`\(site.owner)` lists red flags by id and leaves out \(missing.map { "`\($0)`" }.joined(separator: ", ")) of the same class; test the class, `{redFlag: \(name(kinds))}`, so the list cannot fall behind"
      )
    }
  }

  /// Each red flag, reported alone: what stops and what the triage gives.
  private static func outcomes(of flag: Choice, on screen: Question, in definitions: DefinitionIndex) -> [SeedError] {
    let seeds = definitions.seeds
    var answers = AnswerSet()
    let value: AnswerValue = screen.type == .singleChoice ? .choice(flag.id) : .choices([flag.id])
    answers.set(Answer(questionID: screen.id, typed: flag.id, value: value))
    var found: [SeedError] = []
    func defect(_ message: String) {
      found.append(SeedError(file: SeedLoader.interviewFile, line: flag.line, message: message))
    }
    let test = "`{redFlag: \(flag.redFlag?.rawValue ?? "")}`"
    let unstopped = Voice.allCases.filter { voice in
      let context = EvaluationContext(
        answers: answers, voice: voice, today: today, facts: seeds.interview.facts ?? [],
        assumptions: seeds.triage.assumptions, decisionMarginDays: seeds.triage.decisionMarginDays)
      return !seeds.interview.stops.contains { $0.when.evaluate(in: context) != .no }
    }
    if !unstopped.isEmpty {
      defect(
        "red flag `\(flag.id)` does not stop the interview (\(voices(unstopped)) voice): no stop rule holds when it is reported; test its class, \(test), in a stop rule"
      )
    }
    let worstDelay = DelayRisk.allCases.max() ?? .high
    let triaged = Voice.allCases.map { ($0, seeds.evaluator.evaluate(answers, voice: $0, today: today)) }
    let underUrgent = triaged.filter { $0.1.urgency != .emergency }
    if let (_, triage) = underUrgent.first {
      defect(
        "red flag `\(flag.id)` is triaged \(triage.urgency.rawValue) (leaf `\(triage.urgencyLeaf)`), not emergency (\(voices(underUrgent.map(\.0))) voice); test its class, \(test), at the top of the urgency tree"
      )
    }
    let underRisk = triaged.filter { $0.1.delayRisk != worstDelay }
    if let (_, triage) = underRisk.first {
      defect(
        "red flag `\(flag.id)` gives delay risk \(triage.delayRisk.rawValue) (leaf `\(triage.delayRiskLeaf)`), not \(worstDelay.rawValue) (\(voices(underRisk.map(\.0))) voice); test its class, \(test), at the top of the delay-risk tree"
      )
    }
    return found
  }

  /// The value lists of every `is`, `in`, `isNot` and `includesAny` test on
  /// one question.
  private static func valueLists(_ condition: Condition, question: String) -> [[String]] {
    switch condition {
    case .answerIs(let id, let values), .answerIsNot(let id, let values), .answerIncludesAny(let id, let values):
      return id == question ? [values] : []
    case .all(let parts), .any(let parts): return parts.flatMap { valueLists($0, question: question) }
    case .not(let inner): return valueLists(inner, question: question)
    default: return []
    }
  }

  /// Voices in words: "patient and receptionist".
  private static func voices(_ voices: [Voice]) -> String { voices.map(\.rawValue).joined(separator: " and ") }

  /// The classes as a `{redFlag: ...}` test writes them.
  private static func name(_ classes: [RedFlagClass]) -> String {
    if classes.count == 1 { return classes[0].rawValue }
    if Set(classes) == Set(RedFlagClass.allCases) { return "any" }
    return "[" + classes.map(\.rawValue).joined(separator: ", ") + "]"
  }
}
