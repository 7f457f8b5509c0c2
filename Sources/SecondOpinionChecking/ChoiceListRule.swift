import SecondOpinionCore

/// A choice question lists choices, and no other kind of question does.
public enum ChoiceListRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    var found: [SeedError] = []
    for question in definitions.interview.questions {
      let isChoice = question.type == .singleChoice || question.type == .multipleChoice
      if isChoice, (question.choices ?? []).isEmpty {
        found.append(
          SeedError(
            file: SeedLoader.interviewFile, line: question.line,
            message: "choice question `\(question.id)` has no choices"))
      }
      if !isChoice, question.choices != nil {
        found.append(
          SeedError(
            file: SeedLoader.interviewFile, line: question.line,
            message: "question `\(question.id)` is \(question.type.rawValue) but lists choices"))
      }
    }
    return found
  }
}
