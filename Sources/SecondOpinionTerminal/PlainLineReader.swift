import CTerminalShim
import Foundation
import SecondOpinionCore

/// Reads lines from a pipe with plain `read(2)`: no prompt, no echo, no editing
/// bytes interpreted. Lines end at LF (a CR before it is dropped). Invalid
/// UTF-8 is reported, never replaced. A line longer than `maxLineBytes` is cut
/// there and the rest of it discarded.
public final class PlainLineReader: LineSource {
  private var buffer: [UInt8] = []
  private var finished = false
  private let fd: Int32
  private let maxLineBytes: Int

  /// Creates a reader on a file descriptor (standard input by default).
  public init(fd: Int32 = STDIN_FILENO, maxLineBytes: Int = 1 << 20) {
    self.fd = fd
    self.maxLineBytes = maxLineBytes
  }

  public func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == 0x0D { line.removeLast() }
        return decode(line, truncated: false)
      }
      if buffer.count > maxLineBytes {
        // Keep the first part; drop the rest of this line when it comes.
        let kept = Array(buffer.prefix(maxLineBytes))
        buffer.removeAll()
        discardRestOfLine()
        return decode(kept, truncated: true)
      }
      if finished {
        guard !buffer.isEmpty else { return .endOfInput }
        let line = buffer
        buffer.removeAll()
        return decode(line, truncated: false)
      }
      if let event = fill() { return event }
    }
  }

  /// Reads more bytes; returns an event only for a signal.
  private func fill() -> LineEvent? {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, 65536) }
    if count > 0 {
      buffer.append(contentsOf: chunk[..<count])
    } else if count == 0 {
      finished = true
    } else if errno == EINTR {
      let signal = so_take_signal()
      if signal != 0 { return .interrupted(Int32(signal)) }
    } else {
      finished = true
    }
    return nil
  }

  private func discardRestOfLine() {
    while !finished {
      if let newline = buffer.firstIndex(of: 0x0A) {
        buffer.removeSubrange(...newline)
        return
      }
      buffer.removeAll()
      _ = fill()
    }
  }

  private func decode(_ bytes: [UInt8], truncated: Bool) -> LineEvent {
    if so_peek_signal() != 0 { return .interrupted(Int32(so_take_signal())) }
    guard var line = String(validating: bytes, as: UTF8.self) else { return .invalidEncoding }
    if truncated { line += " (cut short: line too long)" }
    return .line(line)
  }
}
