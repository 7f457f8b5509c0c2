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
      answers: answers, voice: voice, today: today, facts: facts, assumptions: definition.assumptions)
    let urgency = walk(definition.urgency, name: "urgency", context: context)
    let delay = walk(definition.delayRisk, name: "delayRisk", context: context)
    let level = urgency.leaf.urgency ?? .emergency
    var reasons: [String] = []
    for (label, steps) in [("Urgency", urgency.steps), ("Delay risk", delay.steps)] {
      let deciding = steps.filter { $0.result == "yes" || $0.result == "unknown" }
      let leaf = steps.last.map { [$0] } ?? []
      for step in deciding.isEmpty ? leaf : deciding {
        reasons.append(
          "\(label) \((label == "Urgency" ? urgency.leaf.urgency?.rawValue : delay.leaf.delayRisk?.rawValue) ?? ""): \(step.reason)"
        )
      }
    }
    // Factors that hold but did not decide: each test once, whichever tree has it.
    var alsoNoted: [String] = []
    var seenTests: [Condition] = []
    // By index: copying every node (its strings and test) was most of the cost.
    for (tree, steps) in [(definition.urgency, urgency.steps), (definition.delayRisk, delay.steps)] {
      // Small lists (a path has a few steps): searched, not hashed.
      let deciding = steps.filter { $0.result != "no" }.map(\.node)
      for index in tree.nodes.indices where deciding.contains(tree.nodes[index].id) {
        seenTests.append(tree.nodes[index].test)
      }
    }
    for (tree, steps) in [(definition.urgency, urgency.steps), (definition.delayRisk, delay.steps)] {
      let visited = steps.map(\.node)
      for index in tree.nodes.indices
      where !visited.contains(tree.nodes[index].id) && tree.nodes[index].test.evaluate(in: context) == .yes {
        guard !seenTests.contains(tree.nodes[index].test) else { continue }
        seenTests.append(tree.nodes[index].test)
        alsoNoted.append(tree.nodes[index].because)
      }
    }
    var mapping = definition.mapping(level)
    if let eReferral = urgency.leaf.eReferral { mapping?.eReferral = eReferral }
    if let nice = urgency.leaf.nice { mapping?.nice = nice }
    let deadline = self.deadline(context: context, answers: answers)
    var assumptions = definition.assumptions.map { assumption -> String in
      let resolved = assumption.resolve(in: answers)
      let note = resolved.usedDefault ? " (the cautious default, as the route is not known)" : ""
      return "\(assumption.description): \(Int(resolved.value)) days\(note). Source: \(assumption.source)."
    }
    assumptions.append(
      "The decision should be made at least \(definition.decisionMarginDays) days before a planned treatment date.")
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
      assumptions: assumptions,
      version: definition.version)
  }

  private func walk(_ tree: DecisionTree, name: String, context: EvaluationContext) -> (
    steps: [PathStep], leaf: TreeLeaf
  ) {
    var steps: [PathStep] = []
    var current = tree.root
    var visited: [String] = []
    // The first node with the id, as `DecisionTree.node` finds it, read in place.
    while let index = tree.nodes.firstIndex(where: { $0.id == current }), !visited.contains(current) {
      let node = tree.nodes[index]
      visited.append(current)
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
      tree.leaves.firstIndex(where: { $0.id == current }).map { tree.leaves[$0] }
      ?? TreeLeaf(
        id: "undefined", urgency: name == "urgency" ? .emergency : nil, delayRisk: name == "urgency" ? nil : .high,
        reason: "The triage definition is incomplete here, so the most severe outcome was given.")
    steps.append(
      PathStep(
        tree: name, node: leaf.id, ask: leaf.urgency?.rawValue ?? leaf.delayRisk?.rawValue ?? "", result: "leaf",
        reason: leaf.reason))
    return (steps, leaf)
  }

  private func deadline(context: EvaluationContext, answers: AnswerSet) -> DecisionDeadline? {
    guard let fact = facts.first(where: { $0.daysUntil != nil }),
      case .date(let treatmentDate)? = answers[fact.questionID]?.value,
      let days = ISODate.days(from: context.today, to: treatmentDate)
        ?? CalendarDate.days(from: context.today, to: treatmentDate),
      let decideBy = ISODate.adding(days: -definition.decisionMarginDays, to: treatmentDate)
        ?? CalendarDate.adding(days: -definition.decisionMarginDays, to: treatmentDate)
    else { return nil }
    let wait = definition.assumptions.first { $0.id == "expected_wait_days" }
    let waitDays = Int(wait?.resolve(in: answers).value ?? 126)
    return DecisionDeadline(
      treatmentDate: treatmentDate, decideBy: decideBy, daysUntilTreatment: days, expectedWaitDays: waitDays,
      waitExceedsDeadline: waitDays > days - definition.decisionMarginDays,
      assumption: wait?.description ?? "Expected wait for a second opinion")
  }
}
