import SecondOpinionCore
import SecondOpinionTerminal

/// The kiosk's line source: readline, with Ctrl-D ignored (it never ends the
/// interview on a shared terminal).
final class KioskInput: LineSource {
  let reader: ReadlineLineReader
  private var endsInARow = 0

  init(reader: ReadlineLineReader) { self.reader = reader }

  func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent {
    while true {
      let event = reader.read(prompt: prompt, prefill: prefill, completions: completions)
      guard event == .endOfInput else {
        endsInARow = 0
        return event
      }
      // Ctrl-D: ignore. A terminal that keeps reporting end of input is gone.
      endsInARow += 1
      if endsInARow > 1000 { return .interrupted(1) }
    }
  }
}
