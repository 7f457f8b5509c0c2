/// The program's own wording, looked up in the seeds (`InterfaceWording`,
/// `InterfaceCommand`), and the loader's refusal of seeds that lack any of it.
extension InterviewDefinition {
  /// The seeds' wording for a key in a voice, with each `{name}` replaced by
  /// its value (see `InterfaceWording.text(in:_:_:)`).
  public func say(_ key: InterfaceWording, _ voice: Voice, _ values: [String: String] = [:]) -> String {
    key.text(in: wording, voice, values)
  }
}

extension SeedLoader {
  /// Refuses seeds whose `wording:` lacks a key the program says (or a voice
  /// it says it in), or whose `words.commands` lacks a command's words.
  /// - Throws: `SeedError` naming interview.yaml, the line of the section and the key.
  static func checkWording(_ definition: InterviewDefinition, wordingLine: Int?, wordsLine: Int?) throws {
    if let (key, voice) = InterfaceWording.missing(in: definition.wording).first {
      let has = definition.wording?[key.rawValue] != nil
      throw SeedError(
        file: interviewFile, line: wordingLine,
        message: has
          ? "`wording.\(key.rawValue)` has no `\(voice.rawValue)` wording, and the program says it to the \(voice.rawValue)"
          : "`wording.\(key.rawValue)` is missing: the program says it on the interview screen")
    }
    for command in InterfaceCommand.allCases where definition.answerWords.commands[command.rawValue]?.isEmpty ?? true {
      throw SeedError(
        file: interviewFile, line: wordsLine,
        message: "`words.commands.\(command.rawValue)` is missing: the words a person types for it")
    }
  }
}
