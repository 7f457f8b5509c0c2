import Foundation

/// Walks both decision trees over a set of answers. Where a test cannot be
/// decided because an answer is unknown, the branch with the more severe worst
/// outcome is taken and the reason says so: it never under-triages by guessing.
public struct TriageEvaluator: Sendable {
  /// The triage definition.
  public let definition: TriageDefinition
  /// The facts the interview defines (days until treatment, age).
  public let facts: [FactDefinition]
  /// Each tree's look-ups, made once.
  private let urgencyIndex: DecisionTreeIndex
  private let delayRiskIndex: DecisionTreeIndex
  /// Each assumption's line in the record, by the value it resolves to, and
  /// the line on the decision margin: the same few lines for every record.
  private let assumptionLines: AssumptionLines

  /// Creates an evaluator.
  public init(definition: TriageDefinition, facts: [FactDefinition]) {
    self.definition = definition
    self.facts = facts
    let tests = DecisionTreeIndex.numberTests([definition.urgency, definition.delayRisk])
    urgencyIndex = DecisionTreeIndex(definition.urgency, tests: tests[0])
    delayRiskIndex = DecisionTreeIndex(definition.delayRisk, tests: tests[1])
    assumptionLines = AssumptionLines(definition)
  }

  /// Evaluates the answers.
  public func evaluate(_ answers: AnswerSet, voice: Voice, today: String) -> TriageResult {
    evaluate(
      EvaluationContext(
        answers: answers, voice: voice, today: today, facts: facts, assumptions: definition.assumptions,
        decisionMarginDays: definition.decisionMarginDays))
  }

  /// Evaluates a session's answers in its own context, which holds the same
  /// facts and assumptions as a new one would when it was made from this
  /// evaluator's facts, assumptions (the same arrays) and decision margin;
  /// otherwise in a new one.
  func evaluate(_ session: InterviewSession) -> TriageResult {
    let seeds = session.seeds
    func same<T>(_ left: [T], _ right: [T]) -> Bool {
      left.withUnsafeBufferPointer { left in right.withUnsafeBufferPointer { left.baseAddress == $0.baseAddress } }
        && left.count == right.count
    }
    guard same(facts, seeds.interview.facts ?? []), same(definition.assumptions, seeds.triage.assumptions),
      session.context.decisionMarginDays == definition.decisionMarginDays
    else {
      return evaluate(session.answers, voice: session.voice, today: session.today)
    }
    return evaluate(session.context)
  }

  /// Evaluates the answers of a context.
  private func evaluate(_ context: EvaluationContext) -> TriageResult {
    let answers = context.answers
    let urgency = walk(definition.urgency, urgencyIndex, name: "urgency", context: context)
    let delay = walk(definition.delayRisk, delayRiskIndex, name: "delayRisk", context: context)
    let alsoNoted =
      urgencyIndex.isPlain && delayRiskIndex.isPlain
      ? alsoNotedByPosition(urgency.visited, delay.visited, context: context)
      : alsoNotedByID(urgency.steps, delay.steps, context: context)
    let level = urgency.leaf.urgency ?? .emergency
    var reasons: [String] = []
    // The steps that decided (held, or were not known), else the leaf, of each tree.
    for (label, level, steps, visited) in [
      ("Urgency", urgency.leaf.urgency?.rawValue ?? "", urgency.steps, urgency.visited),
      ("Delay risk", delay.leaf.delayRisk?.rawValue ?? "", delay.steps, delay.visited),
    ] {
      let decided = visited.indices.filter { visited[$0].decided }
      for step in decided.isEmpty ? [steps.count - 1] : decided {
        reasons.append(label + " " + level + ": " + steps[step].reason)
      }
    }
    var mapping = definition.mapping(level)
    if let eReferral = urgency.leaf.eReferral { mapping?.eReferral = eReferral }
    if let nice = urgency.leaf.nice { mapping?.nice = nice }
    let deadline = self.deadline(context: context, answers: answers)
    var assumptions = definition.assumptions.indices.map { index in
      assumptionLines.line(index, definition.assumptions[index].resolve(in: answers))
    }
    assumptions.append(assumptionLines.margin)
    var path = urgency.steps
    path.append(contentsOf: delay.steps)
    return TriageResult(
      urgency: level,
      delayRisk: delay.leaf.delayRisk ?? .high,
      urgencyLeaf: urgency.leaf.id,
      delayRiskLeaf: delay.leaf.id,
      path: path,
      reasons: reasons,
      alsoNoted: alsoNoted,
      mapping: mapping,
      decisionDeadline: deadline,
      assumptions: assumptions,
      version: definition.version)
  }

  /// Factors that hold but did not decide, each test once, whichever tree
  /// has it: the tests of the nodes off both paths that hold, other than those
  /// of the nodes that decided (held, or were not known). `urgency` and
  /// `delayRisk` are the nodes each path went through, and whether each
  /// decided; for trees where each node has its own id.
  private func alsoNotedByPosition(
    _ urgency: [(node: Int, decided: Bool)], _ delayRisk: [(node: Int, decided: Bool)], context: EvaluationContext
  ) -> [String] {
    var seenTests: [Int] = []
    for (lookup, path) in [(urgencyIndex, urgency), (delayRiskIndex, delayRisk)] {
      for step in path where step.decided { seenTests.append(lookup.tests[step.node]) }
    }
    var alsoNoted: [String] = []
    for (tree, lookup, path) in [
      (definition.urgency, urgencyIndex, urgency), (definition.delayRisk, delayRiskIndex, delayRisk),
    ] {
      for index in tree.nodes.indices where !path.contains(where: { $0.node == index }) {
        guard !seenTests.contains(lookup.tests[index]), tree.nodes[index].test.evaluate(in: context) == .yes else {
          continue
        }
        seenTests.append(lookup.tests[index])
        alsoNoted.append(tree.nodes[index].because)
      }
    }
    return alsoNoted
  }

  /// `alsoNotedByPosition` for any trees, by the ids on the paths.
  private func alsoNotedByID(_ urgency: [PathStep], _ delayRisk: [PathStep], context: EvaluationContext)
    -> [String]
  {
    var alsoNoted: [String] = []
    var seenTests: [Condition] = []
    for (tree, steps) in [(definition.urgency, urgency), (definition.delayRisk, delayRisk)] {
      let deciding = steps.filter { $0.result != "no" }.map(\.node)
      for index in tree.nodes.indices where deciding.contains(tree.nodes[index].id) {
        seenTests.append(tree.nodes[index].test)
      }
    }
    for (tree, steps) in [(definition.urgency, urgency), (definition.delayRisk, delayRisk)] {
      let visited = steps.map(\.node)
      for index in tree.nodes.indices
      where !visited.contains(tree.nodes[index].id) && tree.nodes[index].test.evaluate(in: context) == .yes {
        guard !seenTests.contains(tree.nodes[index].test) else { continue }
        seenTests.append(tree.nodes[index].test)
        alsoNoted.append(tree.nodes[index].because)
      }
    }
    return alsoNoted
  }

  /// One tree's path: its steps and leaf, and the nodes it went through, in
  /// order, with whether each decided (held, or was not known).
  private func walk(_ tree: DecisionTree, _ lookup: DecisionTreeIndex, name: String, context: EvaluationContext)
    -> (steps: [PathStep], leaf: TreeLeaf, visited: [(node: Int, decided: Bool)])
  {
    var steps: [PathStep] = []
    steps.reserveCapacity(8)
    var current = tree.root
    var visited: [(node: Int, decided: Bool)] = []
    visited.reserveCapacity(8)
    // The first node with the id, as `DecisionTree.node` finds it: the root's
    // and each branch's found once, in the index. Nodes are read in place.
    var next = lookup.root
    while let index = next, !visited.contains(where: { $0.node == index }) {
      let truth = tree.nodes[index].test.evaluate(in: context)
      visited.append((index, truth != .no))
      let takeYes: Bool
      let reason: String
      switch truth {
      case .yes:
        takeYes = true
        reason = tree.nodes[index].because
      case .no:
        takeYes = false
        reason = tree.nodes[index].otherwise ?? "Not the case."
      case .unknown:
        let worst = lookup.worst(index, in: tree)
        takeYes = worst.yes >= worst.no
        let ask = tree.nodes[index].ask
        reason =
          takeYes
          ? "Not known: \(ask) The safer branch was taken, as if yes, until a clinician checks. (\(tree.nodes[index].because))"
          : "Not known: \(ask) The safer branch was taken, as if no, until a clinician checks."
      }
      steps.append(
        PathStep(
          tree: name, node: tree.nodes[index].id, ask: tree.nodes[index].ask,
          result: truth == .yes ? "yes" : truth == .no ? "no" : "unknown", reason: reason))
      current = takeYes ? tree.nodes[index].yes : tree.nodes[index].no
      next = takeYes ? lookup.yes[index] : lookup.no[index]
    }
    // A missing or cyclic target can only come from an unchecked definition:
    // fail safe to the most severe outcome.
    let leaf =
      lookup.leaves[current].map { tree.leaves[$0] }
      ?? TreeLeaf(
        id: "undefined", urgency: name == "urgency" ? .emergency : nil, delayRisk: name == "urgency" ? nil : .high,
        reason: "The triage definition is incomplete here, so the most severe outcome was given.")
    steps.append(
      PathStep(
        tree: name, node: leaf.id, ask: leaf.urgency?.rawValue ?? leaf.delayRisk?.rawValue ?? "", result: "leaf",
        reason: leaf.reason))
    return (steps, leaf, visited)
  }

  private func deadline(context: EvaluationContext, answers: AnswerSet) -> DecisionDeadline? {
    guard let fact = facts.first(where: { $0.daysUntil != nil && !$0.takesOffMargin }),
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
