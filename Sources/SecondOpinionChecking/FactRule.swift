import SecondOpinionCore

/// Every fact is computed from a date question, or is the earliest of facts
/// declared before it; only a `daysUntil` fact takes off the decision margin.
public enum FactRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let facts = definitions.interview.facts ?? []
    var found: [SeedError] = []
    for (index, fact) in facts.enumerated() where fact.earliestOf != nil {
      let earlier = Set(facts[..<index].map(\.id))
      if fact.daysUntil != nil || fact.yearsSince != nil || fact.earliestOf?.isEmpty == true {
        found.append(
          SeedError(
            file: SeedLoader.interviewFile, line: fact.line,
            message: "fact `\(fact.id)`: earliestOf names facts only, at least one, and no question"))
      }
      for name in fact.earliestOf ?? [] where !earlier.contains(name) {
        found.append(
          SeedError(
            file: SeedLoader.interviewFile, line: fact.line,
            message: "fact `\(fact.id)`: earliestOf names `\(name)`, which is not a fact declared before it"))
      }
    }
    for fact in facts where fact.earliestOf == nil && definitions.question(fact.questionID)?.type != .date {
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
