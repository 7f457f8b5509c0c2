import CTerminalShim
import Foundation
import SecondOpinionCore

/// Reads lines with GNU readline (callback interface, polled), for a terminal:
/// line editing, in-session history, tab completion of the question's choices,
/// and an optional idle countdown. A terminal that fails or hangs up is
/// reported as `.interrupted(SIGHUP)`.
///
/// In the accessible mode (`TerminalOutput.accessible`) readline writes only
/// the prompt and what is typed: no escape sequence of its own, no bell, no
/// redraw on a resize, and the idle warning is one line written below the
/// prompt (which is shown again under it) instead of a countdown that
/// rewrites the prompt every second.
public final class ReadlineLineReader: LineSource {
  /// The idle countdown for the reads that follow; nil waits for ever (the
  /// kiosk's welcome and emergency screens).
  public var idle: IdlePolicy?
  private let kiosk: Bool
  private let output: TerminalOutput

  /// Sets up readline. `kiosk` disables yanking killed text back, and Ctrl-D
  /// leaves the cursor on the prompt's line (the kiosk ignores it).
  public init(kiosk: Bool, idle: IdlePolicy?, output: TerminalOutput) {
    self.idle = idle
    self.kiosk = kiosk
    self.output = output
    so_rl_init(kiosk ? 1 : 0, output.accessible ? 1 : 0)
  }

  public func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent {
    setCompletions(completions)
    so_rl_begin(prompt, prefill)
    var idleSince = ProcessInfo.processInfo.systemUptime
    var counting = false
    while true {
      let timeout: Int32
      if let idle {
        let elapsed = ProcessInfo.processInfo.systemUptime - idleSince
        if counting {
          let left = Double(idle.idleSeconds + idle.warningSeconds) - elapsed
          if left <= 0 {
            so_rl_end()
            output.write("\n")
            return .idleTimeout
          }
          if !output.accessible { so_rl_set_prompt(idle.countdown(Int(left.rounded(.up))) + " " + prompt) }
          timeout = Int32(min(1000, max(1, left * 1000)))
        } else {
          let left = Double(idle.idleSeconds) - elapsed
          if left <= 0 {
            counting = true
            if output.accessible {
              // Said once, as a line of its own: nothing is rewritten.
              let warning = idle.countdown(idle.warningSeconds)
              output.speak(warning)
              so_rl_show_line(warning)
            } else {
              output.write("\u{07}")
            }
            continue
          }
          timeout = Int32(min(1000, max(1, left * 1000)))
        }
      } else {
        timeout = -1
      }
      switch so_rl_step(timeout) {
      case Int32(SO_STEP_PENDING.rawValue):
        idleSince = ProcessInfo.processInfo.systemUptime
        if counting {
          counting = false
          if !output.accessible { so_rl_set_prompt(prompt) }
        }
      case Int32(SO_STEP_LINE.rawValue):
        guard let pointer = so_rl_take_line() else { return .endOfInput }
        defer { free(pointer) }
        let length = strlen(pointer)
        let bytes = UnsafeBufferPointer(
          start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
        guard let line = String(validating: bytes, as: UTF8.self) else { return .invalidEncoding }
        let clean = TextSanitizer.clean(line)
        if !clean.isEmpty { so_rl_add_history(clean) }
        return .line(line)
      case Int32(SO_STEP_EOF.rawValue):
        // Ctrl-D on an empty line. The kiosk asks again on the same line.
        if kiosk { output.eraseLine() } else { output.write("\n") }
        return .endOfInput
      case Int32(SO_STEP_TIMEOUT.rawValue):
        continue
      case Int32(SO_STEP_SIGNAL.rawValue):
        so_rl_end()
        output.write("\n")
        return .interrupted(Int32(so_take_signal()))
      default:
        // The terminal failed or hung up: the same as SIGHUP.
        so_rl_end()
        return .interrupted(SIGHUP)
      }
    }
  }

  /// Makes readline read and edit UTF-8 whatever the locale the program was
  /// started in (under `LANG=C`, Backspace over "é" would leave half of it).
  /// Call before the first reader is made; false when no UTF-8 locale is
  /// installed, and the terminal must not be read.
  public static func useUTF8Locale() -> Bool { so_use_utf8_locale() == 1 }

  /// Forgets everything typed: history, the partial line and the undo list.
  public func forget() { so_rl_forget() }

  private func setCompletions(_ items: [String]) {
    var pointers = items.map { strdup($0) }
    pointers.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
        so_rl_set_completions($0, Int32(buffer.count))
      }
    }
    for pointer in pointers { free(pointer) }
  }
}
