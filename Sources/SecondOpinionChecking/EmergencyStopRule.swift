import SecondOpinionCore

/// The emergency disposition is wired up: every stop rule and
/// `closingMessages` name messages that exist, and the first question is the
/// red-flag screen, named by a stop rule, so the screen is asked before
/// anything else and can stop the interview.
public enum EmergencyStopRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let interview = definitions.interview
    let file = SeedLoader.interviewFile
    var found: [SeedError] = []
    for rule in interview.stops {
      for id in rule.messages where interview.message(id) == nil {
        found.append(SeedError(file: file, line: rule.line, message: "stop `\(rule.id)` names unknown message `\(id)`"))
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
}
