import Foundation

/// Walks both decision trees over a set of answers. Where a test cannot be
/// decided because an answer is unknown, the branch with the more severe worst
/// outcome is taken and the reason says so: it never under-triages by guessing.
public struct TriageEvaluator: Sendable {
  /// The triage definition.
  public let definition: TriageDefinition
  /// The facts the interview defines (days until treatment, age).
  public let facts: [FactDefinition]

  /// Creates an evaluator.
  public init(definition: TriageDefinition, facts: [FactDefinition]) {
    self.definition = definition
    self.facts = facts
  }

  /// Evaluates the answers.
  public func evaluate(_ answers: AnswerSet, voice: Voice, today: String) -> TriageResult {
    let context = EvaluationContext(
      answers: answers, voice: voice, today: today, facts: facts, assumptions: definition.assumptions,
      decisionMarginDays: definition.decisionMarginDays)
    let urgency = walk(definition.urgency, name: "urgency", context: context)
    let delay = walk(definition.delayRisk, name: "delayRisk", context: context)
    let level = urgency.leaf.urgency ?? .emergency
    var reasons: [String] = []
    for (label, steps) in [("Urgency", urgency.steps), ("Delay risk", delay.steps)] {
      for step in PathStep.deciding(steps) {
        reasons.append(
          "\(label) \((label == "Urgency" ? urgency.leaf.urgency?.rawValue : delay.leaf.delayRisk?.rawValue) ?? ""): \(step.reason)"
        )
      }
    }
    // Factors that hold but did not decide: each test once, whichever tree has it.
    var alsoNoted: [String] = []
    var seenTests: [Condition] = []
    for (tree, steps) in [(definition.urgency, urgency.steps), (definition.delayRisk, delay.steps)] {
      let deciding = Set(steps.filter { $0.result != "no" }.map(\.node))
      seenTests += tree.nodes.filter { deciding.contains($0.id) }.map(\.test)
    }
    for (tree, steps) in [(definition.urgency, urgency.steps), (definition.delayRisk, delay.steps)] {
      let visited = Set(steps.map(\.node))
      for node in tree.nodes where !visited.contains(node.id) && node.test.evaluate(in: context) == .yes {
        guard !seenTests.contains(node.test) else { continue }
        seenTests.append(node.test)
        alsoNoted.append(node.because)
      }
    }
    var mapping = definition.mapping(level)
    if let eReferral = urgency.leaf.eReferral { mapping?.eReferral = eReferral }
    if let nice = urgency.leaf.nice { mapping?.nice = nice }
    if let timeframe = urgency.leaf.timeframe { mapping?.timeframe = timeframe }
    let deadline = self.deadline(context: context, answers: answers)
    var assumptions = definition.assumptions.map { assumption -> String in
      let resolved = assumption.resolveKind(in: answers)
      if let kind = resolved.kind {
        return "\(assumption.description): \(Int(resolved.value)) days, for \(kind.care). Source: \(kind.source)."
      }
      let note =
        resolved.usedDefault
        ? " (the cautious default, as the route is not known: \(assumption.defaultCare ?? assumption.description))" : ""
      return "\(assumption.description): \(Int(resolved.value)) days\(note). Source: \(assumption.source)."
    }
    assumptions.append(
      "The decision should be made at least \(definition.decisionMarginDays) days before a planned treatment date, or by the date the patient was told a decision is needed, whichever is earlier."
    )
    return TriageResult(
      urgency: level,
      delayRisk: delay.leaf.delayRisk ?? .high,
      urgencyLeaf: urgency.leaf.id,
      delayRiskLeaf: delay.leaf.id,
      path: urgency.steps + delay.steps,
      reasons: reasons,
      alsoNoted: alsoNoted,
      mapping: mapping,
      decisionDeadline: deadline,
      expectedWait: expectedWait(answers),
      assumptions: assumptions,
      version: definition.version)
  }

  private func walk(_ tree: DecisionTree, name: String, context: EvaluationContext) -> (
    steps: [PathStep], leaf: TreeLeaf
  ) {
    var steps: [PathStep] = []
    var current = tree.root
    var visited: Set<String> = []
    while let node = tree.node(current), !visited.contains(current) {
      visited.insert(current)
      let truth = node.test.evaluate(in: context)
      switch truth {
      case .yes:
        steps.append(PathStep(tree: name, node: node.id, ask: node.ask, result: "yes", reason: node.because))
        current = node.yes
      case .no:
        steps.append(
          PathStep(tree: name, node: node.id, ask: node.ask, result: "no", reason: node.otherwise ?? "Not the case."))
        current = node.no
      case .unknown:
        let takeYes = tree.worstSeverity(from: node.yes) >= tree.worstSeverity(from: node.no)
        let reason =
          takeYes
          ? "Not known: \(node.ask) The safer branch was taken, as if yes, until a clinician checks. (\(node.because))"
          : "Not known: \(node.ask) The safer branch was taken, as if no, until a clinician checks."
        steps.append(PathStep(tree: name, node: node.id, ask: node.ask, result: "unknown", reason: reason))
        current = takeYes ? node.yes : node.no
      }
    }
    // A missing or cyclic target can only come from an unchecked definition:
    // fail safe to the most severe outcome.
    let leaf =
      tree.leaf(current)
      ?? TreeLeaf(
        id: "undefined", urgency: name == "urgency" ? .emergency : nil, delayRisk: name == "urgency" ? nil : .high,
        reason: "The triage definition is incomplete here, so the most severe outcome was given.")
    steps.append(
      PathStep(
        tree: name, node: leaf.id, ask: leaf.urgency?.rawValue ?? leaf.delayRisk?.rawValue ?? "", result: "leaf",
        reason: leaf.reason))
    return (steps, leaf)
  }

  /// The expected wait for this route and kind of care (`expected_wait_days`).
  public func expectedWait(_ answers: AnswerSet) -> ExpectedWait? {
    guard let wait = definition.assumptions.first(where: { $0.id == Self.expectedWaitID }) else { return nil }
    let resolved = wait.resolveKind(in: answers)
    if let kind = resolved.kind {
      return ExpectedWait(days: Int(resolved.value), care: kind.care, kind: kind.id, source: kind.source)
    }
    return ExpectedWait(
      days: Int(resolved.value),
      care: resolved.usedDefault ? (wait.defaultCare ?? wait.description) : wait.description,
      kind: resolved.usedDefault ? "default" : "value", source: wait.source)
  }

  /// The assumption the deadline compares with.
  public static let expectedWaitID = "expected_wait_days"

  /// The fact the deadline is worked out from: the first `earliestOf` fact,
  /// else the first fact that takes off the decision margin. The trees test
  /// the same fact, so the letter's deadline and the tree agree.
  public var deadlineFact: FactDefinition? {
    facts.first { $0.earliestOf != nil } ?? facts.first { $0.takesOffMargin }
  }

  /// The decision deadline: the earliest of the dates behind the deadline fact
  /// (a treatment date less the margin, a decision date as it is), held at
  /// today when that has passed.
  public func deadline(context: EvaluationContext, answers: AnswerSet) -> DecisionDeadline? {
    guard let fact = deadlineFact else { return nil }
    let parts = fact.earliestOf.map { names in names.compactMap { name in facts.first { $0.id == name } } } ?? [fact]
    let margin = definition.decisionMarginDays
    var treatmentDate: String?
    var decisionDate: String?
    var best: (date: String, days: Int, basis: String)?
    for part in parts where part.daysUntil != nil {
      guard case .date(let date)? = answers[part.questionID]?.value,
        let candidate = part.takesOffMargin ? CalendarDate.adding(days: -margin, to: date) : Optional(date),
        let days = CalendarDate.days(from: context.today, to: candidate)
      else { continue }
      let basis = part.takesOffMargin ? "treatment" : "decision"
      if part.takesOffMargin { treatmentDate = treatmentDate ?? date } else { decisionDate = decisionDate ?? date }
      if best.map({ days < $0.days }) ?? true { best = (candidate, days, basis) }
    }
    guard let best else { return nil }
    let wait = expectedWait(answers)
    let waitDays = wait?.days ?? 126
    return DecisionDeadline(
      treatmentDate: treatmentDate, decisionDate: decisionDate, basis: best.basis,
      decideBy: best.days < 0 ? context.today : best.date,
      daysUntilTreatment: treatmentDate.flatMap { CalendarDate.days(from: context.today, to: $0) },
      daysLeftToDecide: best.days, dueNow: best.days <= 0, decisionMarginDays: margin,
      expectedWaitDays: waitDays, waitExceedsDeadline: waitDays > best.days,
      assumption: wait.map { "\($0.care): \($0.days) days" } ?? "Expected wait for a second opinion")
  }
}
