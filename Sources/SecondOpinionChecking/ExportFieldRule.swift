import SecondOpinionCore

/// The fields the letter, the FHIR export and the patient's copy read from a
/// record exist: a question with the field `patient.requirements` that has
/// the choice `interpreter` (the interpreter need), and one with
/// `referral.reason` (what the patient's copy says was asked for). Without
/// them the interpreter need, or the reason, would silently go missing.
public enum ExportFieldRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let questions = definitions.interview.questions
    var found: [SeedError] = []
    for field in [Record.requirementsField, Record.reasonField] where !questions.contains(where: { $0.field == field })
    {
      found.append(
        SeedError(
          file: SeedLoader.interviewFile, line: nil,
          message: "no question has the field `\(field)`, which the letter and the exports read"))
    }
    for question in questions where question.field == Record.requirementsField {
      if question.choice(Record.interpreterChoice) == nil {
        found.append(
          SeedError(
            file: SeedLoader.interviewFile, line: question.line,
            message:
              "question `\(question.id)` has the field `\(Record.requirementsField)` but no choice `\(Record.interpreterChoice)`, so an interpreter need could not be recorded"
          ))
      }
    }
    return found
  }
}
