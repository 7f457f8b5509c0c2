import Foundation
import SecondOpinionCore

/// Writes the interview's output to standard output. A closed pipe (EPIPE) is
/// noted and further output dropped, so the interview and its record go on.
public final class TerminalOutput: OutputSink {
  /// Whether standard output is a terminal (colour, bell, screen clearing).
  public let isTerminal: Bool
  /// Whether a write failed because the reader went away.
  public private(set) var closed = false
  private let fd: Int32

  /// Creates the sink for a file descriptor (standard output by default).
  public init(fd: Int32 = STDOUT_FILENO) {
    self.fd = fd
    isTerminal = isatty(fd) == 1
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
    let box = AlertBox.render(title: title, body: body)
    if isTerminal {
      write("\u{07}\u{1B}[1;97;41m" + box.replacingOccurrences(of: "\n", with: "\u{1B}[K\n") + "\u{1B}[0m\u{07}")
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

  /// Clears the screen and the scrollback (a terminal only).
  public func clearScreen() {
    guard isTerminal else { return }
    write("\u{1B}[H\u{1B}[2J\u{1B}[3J\u{1B}c\u{1B}[H\u{1B}[2J\u{1B}[3J")
  }
}
