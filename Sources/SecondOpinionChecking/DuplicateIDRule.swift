import SecondOpinionCore

/// No id is used twice where it must name one thing. Each list is its own
/// namespace: the questions; the choices of one question (on the red-flag
/// screen, the red flags); the stop rules; the safety messages; the facts;
/// the assumptions; the urgency mappings (by level); the letter headings; and
/// the nodes and leaves of BOTH triage trees together, one namespace, because
/// the record's path, `explain` and the cases name them by id alone. Each
/// repeat is named at its own line, with the line of the first.
public enum DuplicateIDRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let interview = definitions.interview
    let triage = definitions.seeds.triage
    var found: [SeedError] = []
    found += repeats(interview.questions.map { ($0.id, $0.line) }, file: SeedLoader.interviewFile) {
      "question id `\($0)`"
    }
    let flags = Set(interview.redFlags.map(\.id))
    let screen = interview.redFlagQuestion?.id
    for question in interview.questions {
      let choices = (question.choices ?? []).map { ($0.id, $0.line) }
      found += repeats(choices, file: SeedLoader.interviewFile) { id in
        question.id == screen && flags.contains(id)
          ? "question `\(question.id)`: red flag id `\(id)`" : "question `\(question.id)`: choice id `\(id)`"
      }
    }
    found += repeats(interview.stops.map { ($0.id, $0.line) }, file: SeedLoader.interviewFile) {
      "stop rule id `\($0)`"
    }
    found += repeats(interview.messages.map { ($0.id, $0.line) }, file: SeedLoader.interviewFile) {
      "message id `\($0)`"
    }
    found += repeats((interview.facts ?? []).map { ($0.id, $0.line) }, file: SeedLoader.interviewFile) {
      "fact id `\($0)`"
    }
    found += repeats(triage.assumptions.map { ($0.id, $0.line) }, file: SeedLoader.triageFile) {
      "assumption id `\($0)`"
    }
    let mappings = triage.mappings.enumerated().map { index, mapping in
      (mapping.level.rawValue, index < triage.mappingLines.count ? triage.mappingLines[index] : nil)
    }
    found += repeats(mappings, file: SeedLoader.triageFile) { "the mapping of urgency `\($0)`" }
    var treeIDs: [(String, Int?)] = []
    for (_, tree) in definitions.trees {
      treeIDs += tree.nodes.map { ($0.id, $0.line) } + tree.leaves.map { ($0.id, $0.line) }
    }
    found += repeats(treeIDs, file: SeedLoader.triageFile) { "tree node or leaf id `\($0)`" }
    found += repeats(definitions.seeds.letter.headings.map { ($0.id, $0.line) }, file: SeedLoader.letterFile) {
      "letter heading id `\($0)`"
    }
    return found
  }

  /// A defect for every entry whose id an earlier entry already has.
  private static func repeats(_ entries: [(id: String, line: Int?)], file: String, what: (String) -> String)
    -> [SeedError]
  {
    var first: [String: Int?] = [:]
    var found: [SeedError] = []
    for (id, line) in entries {
      guard let earlier = first[id] else {
        first[id] = line
        continue
      }
      let place = earlier.map { " (first on line \($0))" } ?? ""
      found.append(SeedError(file: file, line: line, message: "\(what(id)) is used twice\(place)"))
    }
    return found
  }
}
