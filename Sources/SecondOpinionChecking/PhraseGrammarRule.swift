import SecondOpinionCore

/// The phrase grammars of seeds/phrases/ are whole and agree with the
/// interview: a `{mentions: ..}` test needs the crisis grammar and names
/// only its concepts; every class a pattern names is defined; the red-flag
/// grammar's concepts are the screen's red flags (or `none`, `not_sure`).
public enum PhraseGrammarRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let crisisFile = "phrases/crisis.en.yaml"
    let redFlagFile = "phrases/red-flags.en.yaml"
    var found: [SeedError] = []
    let crisis = definitions.seeds.crisis?.grammar
    let known = Set(crisis?.concepts.map(\.id) ?? [])
    func mentioned(_ condition: Condition) -> [String] {
      switch condition {
      case .mentions(let concepts): return concepts
      case .all(let parts), .any(let parts): return parts.flatMap(mentioned)
      case .not(let inner): return mentioned(inner)
      default: return []
      }
    }
    for site in definitions.conditions {
      let concepts = mentioned(site.condition)
      guard !concepts.isEmpty else { continue }
      guard crisis != nil else {
        found.append(
          SeedError(
            file: site.file, line: site.line,
            message: "\(site.owner) tests `mentions`, but \(crisisFile) is missing, so no crisis could be recognised"))
        continue
      }
      for concept in concepts where !known.contains(concept) {
        found.append(
          SeedError(
            file: site.file, line: site.line,
            message: "\(site.owner) tests `mentions: \(concept)`, which \(crisisFile) does not define"))
      }
    }
    if let crisis {
      for problem in PhraseMatcher.problems(crisis) {
        found.append(SeedError(file: crisisFile, line: problem.line, message: problem.message))
      }
    }
    if let reader = definitions.seeds.redFlagWords {
      let grammar = reader.grammar
      for problem in PhraseMatcher.problems(grammar) {
        found.append(SeedError(file: redFlagFile, line: problem.line, message: problem.message))
      }
      let flags = Set(
        definitions.interview.questions.flatMap { question in
          (question.choices ?? []).filter { $0.redFlag != nil }.map(\.id)
        })
      let allowed = flags.union([RedFlagReader.unsureConcept, RedFlagReader.noneConcept])
      for concept in grammar.concepts where !allowed.contains(concept.id) {
        found.append(
          SeedError(
            file: redFlagFile, line: concept.line,
            message: "concept `\(concept.id)` is not a red flag of the screen (nor none or not_sure)"))
      }
      for (from, flag) in (grammar.borrowed ?? [:]).sorted(by: { $0.key < $1.key }) {
        if !flags.contains(flag) {
          found.append(
            SeedError(
              file: redFlagFile, message: "`borrowed: \(from): \(flag)` names a red flag the screen does not have"))
        }
        if !known.contains(from) {
          found.append(
            SeedError(file: redFlagFile, message: "`borrowed: \(from)` is not a concept of \(crisisFile)"))
        }
      }
    }
    return found
  }
}
