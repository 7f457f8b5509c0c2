import SecondOpinionCore

/// The line source of a case given by `input`: its lines, one a read, as a
/// pipe gives them, each typed in the case's language. A line is translated
/// by the question the driver is waiting at when it is read
/// (`InterviewDriver.waitingAt`, through `AnswerTranslator`); a command
/// (`back`, `?`, `help`) and every line at the review (`submit`, `list`, an
/// answer's number) pass as they are, as a session in any language reads
/// them. In English every line passes as it is.
final class TranslatedLines: LineSource {
  /// The driver it is read by (set once the driver exists; weak, as the driver holds this source).
  weak var driver: InterviewDriver?
  /// The lines typed so far, in order, as typed in the language.
  private(set) var typed: [String] = []

  private let lines: [String]
  private let translator: AnswerTranslator
  private var position = 0

  /// Creates a source over a case's lines (English), typed through `translator`.
  init(_ lines: [String], translator: AnswerTranslator) {
    self.lines = lines
    self.translator = translator
  }

  /// Lines not yet read.
  var remaining: Int { lines.count - position }

  func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent {
    guard position < lines.count else { return .endOfInput }
    let line = lines[position]
    position += 1
    var text = line
    if !translator.isIdentity, let driver, let question = driver.waitingAt,
      !driver.isCommand(TextSanitizer.clean(line))
    {
      text = translator.translate(line, at: question)
    }
    typed.append(text)
    return .line(text)
  }
}
