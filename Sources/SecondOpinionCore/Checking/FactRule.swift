/// Every fact is computed from a date question, and only a `daysUntil` fact
/// takes off the decision margin.
public enum FactRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let facts = definitions.interview.facts ?? []
    var found: [SeedError] = []
    for fact in facts where definitions.question(fact.questionID)?.type != .date {
      found.append(
        SeedError(
          file: SeedLoader.interviewFile, line: fact.line,
          message: "fact `\(fact.id)` must be computed from a date question, not `\(fact.questionID)`"))
    }
    for fact in facts where fact.lessDecisionMargin == true && fact.daysUntil == nil {
      found.append(
        SeedError(
          file: SeedLoader.interviewFile, line: fact.line,
          message: "fact `\(fact.id)`: lessDecisionMargin takes days off a `daysUntil` fact only"))
    }
    return found
  }
}
