import SecondOpinionCore

/// Every question names a heading that letter.yaml has.
public enum LetterHeadingRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let known = Set(definitions.seeds.letter.headings.map(\.id))
    return definitions.interview.questions.filter { !known.contains($0.heading) }.map {
      SeedError(
        file: SeedLoader.interviewFile, line: $0.line,
        message: "question `\($0.id)` names letter heading `\($0.heading)`, which letter.yaml does not have")
    }
  }
}
