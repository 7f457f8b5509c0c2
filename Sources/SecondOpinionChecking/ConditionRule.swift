import SecondOpinionCore

/// Every condition (a question's `when`, a stop rule's `when`, a tree node's
/// `test`) names questions that exist, and a question's condition only
/// questions asked before it; tests values the question can give (and no
/// value at all of a text, date or number question); and uses known facts.
public enum ConditionRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    definitions.conditions.flatMap { defects(of: $0, in: definitions) }
  }

  /// The defects of one condition.
  static func defects(of site: ConditionSite, in definitions: DefinitionIndex) -> [SeedError] {
    var found: [SeedError] = []
    func defect(_ message: String) { found.append(SeedError(file: site.file, line: site.line, message: message)) }
    for id in site.condition.questionIDs {
      guard let index = definitions.index(of: id) else {
        defect("`\(site.owner)` tests unknown question id `\(id)`")
        continue
      }
      if let limit = site.askedBefore, index >= limit {
        defect("`\(site.owner)` tests `\(id)`, which is not asked before it")
      }
    }
    for (id, value) in site.condition.testedValues {
      guard let question = definitions.question(id) else { continue }
      let possible = question.possibleValues
      if !possible.isEmpty, !possible.contains(value) {
        defect(
          "`\(site.owner)` tests `\(id)` for `\(value)`, which it cannot give (it gives: \(possible.sorted().joined(separator: ", ")))"
        )
      }
      if possible.isEmpty {
        defect(
          "`\(site.owner)` tests the value of `\(id)`, a \(question.type.rawValue) question; test its state or a fact instead"
        )
      }
    }
    let facts = Set((definitions.interview.facts ?? []).map(\.id))
    for name in site.condition.factNames where !facts.contains(name) {
      defect("`\(site.owner)` uses unknown fact `\(name)`")
    }
    return found
  }
}
