/// Where the interview's answers come from: readline on a terminal, plain
/// reads on a pipe, or an array of lines in tests and the case library.
public protocol LineSource: AnyObject {
  /// Reads one line.
  /// - Parameters:
  ///   - prompt: the prompt to show (ignored where nothing is shown).
  ///   - prefill: text placed on the line for editing (the old answer in review).
  ///   - completions: what tab completion may offer for this question.
  func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent
}
