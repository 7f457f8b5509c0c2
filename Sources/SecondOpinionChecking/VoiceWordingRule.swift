import SecondOpinionCore

/// Every question has its own wording in both voices, patient and
/// receptionist, for its text and its help: a single string shared by both
/// is refused (that is allowed for choice labels only).
public enum VoiceWordingRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    var found: [SeedError] = []
    for question in definitions.interview.questions {
      for voice in Voice.allCases {
        for (part, text) in [("text", question.text), ("help", question.help)] where !text.has(voice) || text.shared {
          found.append(
            SeedError(
              file: SeedLoader.interviewFile, line: question.line,
              message: "question `\(question.id)` has no \(voice.rawValue) wording for its \(part)"))
        }
      }
    }
    return found
  }
}
