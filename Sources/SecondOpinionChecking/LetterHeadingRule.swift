import SecondOpinionCore

/// Every question names a heading that letter.yaml has, and everything
/// letter.yaml names exists: the questions its summary lines and headings
/// show (`answers`, `include`), the heading a summary list is made of
/// (`items`), and the safety messages printed in full (`adviceInFull`).
public enum LetterHeadingRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let letter = definitions.seeds.letter
    let known = Set(letter.headings.map(\.id))
    var found = definitions.interview.questions.filter { !known.contains($0.heading) }.map {
      SeedError(
        file: SeedLoader.interviewFile, line: $0.line,
        message: "question `\($0.id)` names letter heading `\($0.heading)`, which letter.yaml does not have")
    }
    func missing(_ what: String, line: Int?) -> SeedError {
      SeedError(file: SeedLoader.letterFile, line: line, message: what)
    }
    for summary in letter.summary {
      for id in summary.answers ?? [] where definitions.question(id) == nil {
        found.append(
          missing(
            "summary line `\(summary.label)` shows question `\(id)`, which interview.yaml does not have", line: nil))
      }
      if let items = summary.items, !known.contains(items) {
        found.append(
          missing(
            "summary line `\(summary.label)` lists heading `\(items)`, which letter.yaml does not have", line: nil))
      }
    }
    for heading in letter.headings {
      for id in heading.include ?? [] where definitions.question(id) == nil {
        found.append(
          missing(
            "heading `\(heading.id)` includes question `\(id)`, which interview.yaml does not have", line: heading.line)
        )
      }
    }
    let messages = Set(definitions.interview.messages.map(\.id))
    for id in letter.adviceInFull where !messages.contains(id) {
      found.append(missing("adviceInFull names message `\(id)`, which interview.yaml does not have", line: nil))
    }
    return found
  }
}
