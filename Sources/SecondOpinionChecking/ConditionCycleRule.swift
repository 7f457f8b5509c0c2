import SecondOpinionCore

/// No question's condition depends, through other questions' conditions, on
/// the question itself.
public enum ConditionCycleRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let questions = definitions.interview.questions
    var edges: [String: [String]] = [:]
    for question in questions { edges[question.id] = question.when?.questionIDs ?? [] }
    var found: [SeedError] = []
    var state: [String: Int] = [:]
    func visit(_ id: String, _ trail: [String]) {
      if state[id] == 1 {
        let cycle = (trail.drop { $0 != id } + [id]).joined(separator: " -> ")
        found.append(
          SeedError(
            file: SeedLoader.interviewFile, line: definitions.question(id)?.line,
            message: "conditions form a cycle: \(cycle)"))
        return
      }
      guard state[id] == nil else { return }
      state[id] = 1
      for next in edges[id] ?? [] where edges[next] != nil { visit(next, trail + [id]) }
      state[id] = 2
    }
    for question in questions { visit(question.id, []) }
    return found
  }
}
