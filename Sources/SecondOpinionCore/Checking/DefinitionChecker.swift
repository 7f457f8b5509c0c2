/// Checks seeds/ for defects a reviewer would otherwise find the hard way:
/// unknown ids, unreachable questions, cycles, missing wording for either
/// voice, conditions testing answers a question cannot give, tree nodes out of
/// severity order (which could under-triage), and mappings that are missing.
public struct DefinitionChecker: Sendable {
  /// The seeds checked.
  public var seeds: SeedBundle {
    didSet { positions = Self.positions(seeds.interview) }
  }

  /// Each question id's position (its first, if used twice), so looking a
  /// question up is not a linear search: with one per condition, that made
  /// `check` grow with the square of the number of questions.
  private var positions: [String: Int]

  /// Creates a checker.
  public init(seeds: SeedBundle) {
    self.seeds = seeds
    positions = Self.positions(seeds.interview)
  }

  private static func positions(_ interview: InterviewDefinition) -> [String: Int] {
    var positions: [String: Int] = [:]
    for (index, question) in interview.questions.enumerated() where positions[question.id] == nil {
      positions[question.id] = index
    }
    return positions
  }

  /// The position of a question, as `interview.index(of:)` gives it.
  private func index(of id: String) -> Int? { positions[id] }

  /// The question with this id, as `interview.question(_:)` gives it.
  private func question(_ id: String) -> Question? { positions[id].map { interview.questions[$0] } }

  private var interview: InterviewDefinition { seeds.interview }
  private let file = SeedLoader.interviewFile
  private let triageFile = SeedLoader.triageFile

  /// Every defect found, in file order.
  public func defects() -> [SeedError] {
    var found: [SeedError] = []
    found += duplicateIDs()
    found += wording()
    found += questionConditions()
    found += cycles()
    found += unreachable()
    found += stopRules()
    found += headings()
    found += tree(seeds.triage.urgency, name: "urgency")
    found += tree(seeds.triage.delayRisk, name: "delayRisk")
    found += mappings()
    return found
  }

  private func duplicateIDs() -> [SeedError] {
    var seen: Set<String> = []
    var found: [SeedError] = []
    for question in interview.questions {
      if !seen.insert(question.id).inserted {
        found.append(SeedError(file: file, line: question.line, message: "question id `\(question.id)` is used twice"))
      }
    }
    return found
  }

  private func wording() -> [SeedError] {
    var found: [SeedError] = []
    for question in interview.questions {
      for voice in Voice.allCases {
        if !question.text.has(voice) || question.text.shared {
          found.append(
            SeedError(
              file: file, line: question.line,
              message: "question `\(question.id)` has no \(voice.rawValue) wording for its text"))
        }
        if !question.help.has(voice) || question.help.shared {
          found.append(
            SeedError(
              file: file, line: question.line,
              message: "question `\(question.id)` has no \(voice.rawValue) wording for its help"))
        }
      }
      let isChoice = question.type == .singleChoice || question.type == .multipleChoice
      if isChoice, (question.choices ?? []).isEmpty {
        found.append(
          SeedError(file: file, line: question.line, message: "choice question `\(question.id)` has no choices"))
      }
      if !isChoice, question.choices != nil {
        found.append(
          SeedError(
            file: file, line: question.line,
            message: "question `\(question.id)` is \(question.type.rawValue) but lists choices"))
      }
    }
    return found
  }

  /// Checks one condition's ids and values; `before` is the index it may read up to.
  func conditionDefects(_ condition: Condition, before limit: Int?, owner: String, file: String, line: Int?)
    -> [SeedError]
  {
    var found: [SeedError] = []
    for id in condition.questionIDs {
      guard let index = self.index(of: id) else {
        found.append(SeedError(file: file, line: line, message: "`\(owner)` tests unknown question id `\(id)`"))
        continue
      }
      if let limit, index >= limit {
        found.append(
          SeedError(file: file, line: line, message: "`\(owner)` tests `\(id)`, which is not asked before it"))
      }
    }
    for (id, value) in condition.testedValues {
      guard let question = self.question(id) else { continue }
      let possible = question.possibleValues
      if !possible.isEmpty, !possible.contains(value) {
        found.append(
          SeedError(
            file: file, line: line,
            message:
              "`\(owner)` tests `\(id)` for `\(value)`, which it cannot give (it gives: \(possible.sorted().joined(separator: ", ")))"
          ))
      }
      if possible.isEmpty {
        found.append(
          SeedError(
            file: file, line: line,
            message:
              "`\(owner)` tests the value of `\(id)`, a \(question.type.rawValue) question; test its state or a fact instead"
          ))
      }
    }
    let facts = Set((interview.facts ?? []).map(\.id))
    for name in condition.factNames where !facts.contains(name) {
      found.append(SeedError(file: file, line: line, message: "`\(owner)` uses unknown fact `\(name)`"))
    }
    return found
  }

  private func questionConditions() -> [SeedError] {
    var found: [SeedError] = []
    for (index, question) in interview.questions.enumerated() {
      if let condition = question.when {
        found += conditionDefects(condition, before: index, owner: question.id, file: file, line: question.line)
      }
    }
    for fact in interview.facts ?? [] where self.question(fact.questionID)?.type != .date {
      found.append(
        SeedError(
          file: file, message: "fact `\(fact.id)` must be computed from a date question, not `\(fact.questionID)`"))
    }
    for fact in interview.facts ?? [] where fact.lessDecisionMargin == true && fact.daysUntil == nil {
      found.append(
        SeedError(
          file: file, message: "fact `\(fact.id)`: lessDecisionMargin takes days off a `daysUntil` fact only"))
    }
    return found
  }

  private func cycles() -> [SeedError] {
    var edges: [String: [String]] = [:]
    for question in interview.questions { edges[question.id] = question.when?.questionIDs ?? [] }
    var found: [SeedError] = []
    var state: [String: Int] = [:]
    func visit(_ id: String, _ trail: [String]) {
      if state[id] == 1 {
        let cycle = (trail.drop { $0 != id } + [id]).joined(separator: " -> ")
        found.append(
          SeedError(file: file, line: self.question(id)?.line, message: "conditions form a cycle: \(cycle)"))
        return
      }
      guard state[id] == nil else { return }
      state[id] = 1
      for next in edges[id] ?? [] where edges[next] != nil { visit(next, trail + [id]) }
      state[id] = 2
    }
    for question in interview.questions { visit(question.id, []) }
    return found
  }

  /// A question is unreachable when its condition can never hold: it is
  /// `always: false`, or it needs a value from a question that is itself
  /// unreachable or asked only later.
  private func unreachable() -> [SeedError] {
    var dead: Set<String> = []
    var found: [SeedError] = []
    for (index, question) in interview.questions.enumerated() {
      guard let condition = question.when else { continue }
      if !canHold(condition, dead: dead, before: index) {
        dead.insert(question.id)
        found.append(
          SeedError(
            file: file, line: question.line,
            message: "question `\(question.id)` can never be asked: its condition can never hold"))
      }
    }
    return found
  }

  private func canHold(_ condition: Condition, dead: Set<String>, before index: Int) -> Bool {
    switch condition {
    case .always(let flag): return flag
    case .answerIs(let id, _), .answerIncludesAny(let id, _):
      guard let position = self.index(of: id) else { return false }
      return position < index && !dead.contains(id)
    case .all(let parts): return parts.allSatisfy { canHold($0, dead: dead, before: index) } && !contradictory(parts)
    case .any(let parts): return parts.contains { canHold($0, dead: dead, before: index) }
    default: return true
    }
  }

  /// `all` of two single-answer tests on one question with no value in common.
  private func contradictory(_ parts: [Condition]) -> Bool {
    var wanted: [String: Set<String>] = [:]
    for part in parts {
      guard case .answerIs(let id, let values) = part, let question = self.question(id),
        question.type != .multipleChoice
      else { continue }
      let set = Set(values)
      if let existing = wanted[id], existing.isDisjoint(with: set) { return true }
      wanted[id] = (wanted[id] ?? set).intersection(set)
    }
    return false
  }

  private func stopRules() -> [SeedError] {
    var found: [SeedError] = []
    for rule in interview.stops {
      found += conditionDefects(rule.when, before: nil, owner: "stop \(rule.id)", file: file, line: nil)
      for id in rule.messages where interview.message(id) == nil {
        found.append(SeedError(file: file, message: "stop `\(rule.id)` names unknown message `\(id)`"))
      }
    }
    for id in interview.closingMessages where interview.message(id) == nil {
      found.append(SeedError(file: file, message: "closingMessages names unknown message `\(id)`"))
    }
    if let first = interview.questions.first,
      !interview.stops.contains(where: { $0.when.questionIDs.contains(first.id) })
    {
      found.append(
        SeedError(
          file: file, line: first.line,
          message: "the first question `\(first.id)` must be the red-flag screen named by a stop rule"))
    }
    return found
  }

  private func headings() -> [SeedError] {
    let known = Set(seeds.letter.headings.map(\.id))
    return interview.questions.filter { !known.contains($0.heading) }.map {
      SeedError(
        file: file, line: $0.line,
        message: "question `\($0.id)` names letter heading `\($0.heading)`, which letter.yaml does not have")
    }
  }

  private func tree(_ tree: DecisionTree, name: String) -> [SeedError] {
    var found: [SeedError] = []
    let ids = Set(tree.nodes.map(\.id) + tree.leaves.map(\.id))
    if tree.node(tree.root) == nil {
      found.append(SeedError(file: triageFile, message: "\(name) tree: root `\(tree.root)` is not a node"))
    }
    for node in tree.nodes {
      found += conditionDefects(
        node.test, before: nil, owner: "\(name) node \(node.id)", file: triageFile, line: node.line)
      for target in [node.yes, node.no] where !ids.contains(target) {
        found.append(
          SeedError(
            file: triageFile, line: node.line, message: "\(name) node `\(node.id)` leads to unknown id `\(target)`"))
      }
      for assumption in node.test.assumptionNames
      where !seeds.triage.assumptions.contains(where: { $0.id == assumption }) {
        found.append(
          SeedError(
            file: triageFile, line: node.line,
            message: "\(name) node `\(node.id)` uses unknown assumption `\(assumption)`"))
      }
      // Never under-triage: whatever the yes branch gives must be at least as
      // severe as anything the no branch could give.
      if ids.contains(node.yes), ids.contains(node.no),
        minSeverity(tree, from: node.yes) < tree.worstSeverity(from: node.no)
      {
        found.append(
          SeedError(
            file: triageFile, line: node.line,
            message:
              "\(name) node `\(node.id)`: its yes branch can give a less severe outcome than its no branch, so a case matching a later rule could be under-triaged; order the rules by severity"
          ))
      }
    }
    for leaf in tree.leaves {
      if name == "urgency", leaf.urgency == nil {
        found.append(SeedError(file: triageFile, line: leaf.line, message: "urgency leaf `\(leaf.id)` has no urgency"))
      }
      if name == "delayRisk", leaf.delayRisk == nil {
        found.append(
          SeedError(file: triageFile, line: leaf.line, message: "delay-risk leaf `\(leaf.id)` has no delayRisk"))
      }
    }
    // Reachability and cycles from the root.
    var reached: Set<String> = []
    var stack = [(tree.root, [String]())]
    while let (id, trail) = stack.popLast() {
      if trail.contains(id) {
        found.append(
          SeedError(
            file: triageFile, line: tree.node(id)?.line,
            message: "\(name) tree has a cycle: \((trail + [id]).joined(separator: " -> "))"))
        continue
      }
      reached.insert(id)
      if let node = tree.node(id) {
        stack.append((node.yes, trail + [id]))
        stack.append((node.no, trail + [id]))
      }
    }
    for id in ids.subtracting(reached).sorted() {
      let line = tree.node(id)?.line ?? tree.leaf(id)?.line
      found.append(
        SeedError(file: triageFile, line: line, message: "\(name) tree: `\(id)` can never be reached from the root"))
    }
    return found
  }

  private func minSeverity(_ tree: DecisionTree, from id: String, visited: Set<String> = []) -> Int {
    if let leaf = tree.leaf(id) { return leaf.severity }
    guard let node = tree.node(id), !visited.contains(id) else { return Int.max }
    let seen = visited.union([id])
    return min(minSeverity(tree, from: node.yes, visited: seen), minSeverity(tree, from: node.no, visited: seen))
  }

  private func mappings() -> [SeedError] {
    var found: [SeedError] = []
    let codes: Set<String> = ["routine", "urgent", "asap", "stat"]
    for level in Urgency.allCases {
      guard let mapping = seeds.triage.mapping(level) else {
        found.append(SeedError(file: triageFile, message: "urgency `\(level.rawValue)` has no mapping"))
        continue
      }
      if !codes.contains(mapping.fhir) {
        found.append(
          SeedError(
            file: triageFile,
            message: "urgency `\(level.rawValue)` maps to `\(mapping.fhir)`, not a FHIR request-priority code"))
      }
    }
    return found
  }

  /// Leaves no case reaches, and questions no case asks, given case results.
  public func coverageDefects(_ results: [CaseResult]) -> [SeedError] {
    var found: [SeedError] = []
    let urgencyLeaves = Set(results.compactMap { $0.record?.triage.urgencyLeaf })
    let delayLeaves = Set(results.compactMap { $0.record?.triage.delayRiskLeaf })
    for leaf in seeds.triage.urgency.leaves where !urgencyLeaves.contains(leaf.id) {
      found.append(
        SeedError(
          file: triageFile, line: leaf.line, message: "urgency leaf `\(leaf.id)` is not reached by any case in cases/"))
    }
    for leaf in seeds.triage.delayRisk.leaves where !delayLeaves.contains(leaf.id) {
      found.append(
        SeedError(
          file: triageFile, line: leaf.line,
          message: "delay-risk leaf `\(leaf.id)` is not reached by any case in cases/"))
    }
    let asked = Set(results.flatMap { $0.record?.answers.map(\.questionId) ?? [] })
    for question in interview.questions where !asked.contains(question.id) {
      found.append(
        SeedError(
          file: file, line: question.line, message: "question `\(question.id)` is not asked by any case in cases/"))
    }
    let flags = interview.questions.first?.choices?.filter { $0.exclusive != true }.map(\.id) ?? []
    let firstID = interview.questions.first?.id ?? ""
    let flagged = Set(
      results.flatMap { result -> [String] in
        guard case .list(let ids)? = result.record?.answer(firstID)?.value else { return [] }
        return ids
      })
    for flag in flags where !flagged.contains(flag) {
      found.append(
        SeedError(
          file: file, line: interview.questions.first?.line,
          message: "red flag `\(flag)` is not reported by any case in cases/"))
    }
    return found
  }
}

extension Condition {
  /// Every assumption name the condition reads.
  var assumptionNames: [String] {
    switch self {
    case .factBelowAssumption(_, let name): return [name]
    case .all(let parts), .any(let parts): return parts.flatMap(\.assumptionNames)
    case .not(let inner): return inner.assumptionNames
    default: return []
    }
  }
}
