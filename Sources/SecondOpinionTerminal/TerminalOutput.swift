import Foundation
import SecondOpinionCore

/// Writes the interview's output to standard output. A closed pipe (EPIPE) is
/// noted and further output dropped, so the interview and its record go on.
///
/// On a terminal, text is wrapped to its width, read again (TIOCGWINSZ) each
/// time it is asked for, so a resize (SIGWINCH) is followed from the next
/// question on. Colour is used only when `NO_COLOR` is unset or empty and
/// `TERM` is not `dumb`; on a dumb terminal no escape sequence is written at
/// all (no cursor movement, no clearing: the screen is scrolled clear instead).
///
/// In the accessible mode (`--accessible`, for a screen reader) it is as on
/// a dumb terminal whatever `TERM` says, and more: no bell, no wrapping (each
/// item is one line and the terminal folds it), no paging, and alerts as
/// plain lines. With a `Speaker` it also says aloud what the driver gives
/// `speak`.
public final class TerminalOutput: OutputSink {
  /// Whether standard output is a terminal (colour, bell, screen clearing).
  public let isTerminal: Bool
  /// Whether colour and reverse video may be written (a terminal, no
  /// `NO_COLOR`, not `TERM=dumb`).
  public let usesColour: Bool
  /// Whether escape sequences that move the cursor or clear the screen may
  /// be written (a terminal that is not `TERM=dumb`).
  public let movesCursor: Bool
  /// Whether output is laid out for a screen reader: no escape sequence,
  /// bell, wrapping, paging or redraw at all.
  public let accessible: Bool
  /// Whether a write failed because the reader went away.
  public private(set) var closed = false
  private let fd: Int32
  private let speaker: Speaker?

  /// Creates the sink for a file descriptor (standard output by default),
  /// reading `NO_COLOR` and `TERM` from `environment`; `accessible` for the
  /// accessible mode, `speaker` to say shown text aloud.
  public init(
    fd: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment,
    accessible: Bool = false, speaker: Speaker? = nil
  ) {
    self.fd = fd
    self.accessible = accessible
    self.speaker = speaker
    isTerminal = isatty(fd) == 1
    (usesColour, movesCursor) =
      accessible ? (false, false) : Self.capabilities(terminal: isTerminal, environment: environment)
  }

  /// Whether the accessible mode is asked for by the environment: the
  /// kiosk setting `SECOND_OPINION_ACCESSIBLE` set to `1`, `yes` or `true`.
  public static func accessibleSetting(_ environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Bool
  {
    ["1", "yes", "true", "on"].contains((environment["SECOND_OPINION_ACCESSIBLE"] ?? "").lowercased())
  }

  public func speak(_ text: String) { speaker?.say(text) }

  /// Stops anything still being said (before the kiosk starts afresh).
  public func stopSpeaking() { speaker?.stop() }

  /// What a terminal with this environment may be sent: colour, and cursor
  /// movement. `TERM=dumb` (or no `TERM`) allows neither; `NO_COLOR` set to
  /// anything but the empty string turns colour off (https://no-color.org).
  public static func capabilities(terminal: Bool, environment: [String: String]) -> (colour: Bool, cursor: Bool) {
    guard terminal else { return (false, false) }
    let term = environment["TERM"] ?? ""
    let dumb = term.isEmpty || term == "dumb"
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
    return (!dumb && !noColour, !dumb)
  }

  /// The terminal's size now, if standard output is one that says.
  private func windowSize() -> (rows: Int, columns: Int)? {
    guard isTerminal else { return nil }
    var size = winsize()
    let status = withUnsafeMutablePointer(to: &size) { ioctl(fd, UInt(TIOCGWINSZ), $0) }
    guard status == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_row), Int(size.ws_col))
  }

  /// One less than the terminal's width (a line that fills the last column
  /// makes some terminals wrap early), at least `OutputWidth.minimum`; 76
  /// on a pipe.
  public var columns: Int {
    if accessible { return OutputWidth.unlimited }
    guard let size = windowSize() else { return OutputWidth.standard }
    return max(OutputWidth.minimum, size.columns - 1)
  }

  /// The terminal's height; nil on a pipe or in the accessible mode (no paging).
  public var rows: Int? {
    guard !accessible, let size = windowSize(), size.rows > 0 else { return nil }
    return size.rows
  }

  public func write(_ text: String) {
    guard !closed else { return }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        closed = true
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }

  public func alert(title: String, body: String) {
    if accessible {
      // The driver writes the accessible alert itself, with the seeds' prefix word.
      write(AlertBox.plainLines(prefix: "Alert:", title: title, body: body))
      return
    }
    let box = AlertBox.render(title: title, body: body, width: columns)
    if usesColour {
      write("\u{07}\u{1B}[1;97;41m" + box.replacingOccurrences(of: "\n", with: "\u{1B}[K\n") + "\u{1B}[0m\u{07}")
    } else if isTerminal {
      write("\u{07}" + box + "\u{07}")
    } else {
      write(box)
    }
  }

  /// The terminal hung up: standard output and standard error now go to
  /// /dev/null, so nothing written afterwards (messages, the draft notice) can
  /// fail or stop the program before it has saved what it must.
  public static func detachFromTerminal() {
    let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
    guard null >= 0 else { return }
    dup2(null, STDOUT_FILENO)
    dup2(null, STDERR_FILENO)
    close(null)
  }

  /// Clears the screen and the scrollback (a terminal only). On a dumb
  /// terminal, which cannot be sent escape sequences, the screen is scrolled
  /// clear with blank lines instead (its scrollback cannot be reached).
  public func clearScreen() {
    guard isTerminal else { return }
    guard movesCursor else {
      write(String(repeating: "\n", count: max(rows ?? 25, 25)))
      return
    }
    write("\u{1B}[H\u{1B}[2J\u{1B}[3J\u{1B}c\u{1B}[H\u{1B}[2J\u{1B}[3J")
  }

  /// Rubs out the line the cursor is on (the kiosk's ignored Ctrl-D): a
  /// carriage return and erase-line, or on a dumb terminal a new line.
  public func eraseLine() {
    write(movesCursor ? "\r\u{1B}[K" : "\n")
  }
}
