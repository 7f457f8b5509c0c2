import CTerminalShim
import Foundation
import SecondOpinionCore

/// Reads lines from a pipe with plain `read(2)`: no prompt, no echo, no editing
/// bytes interpreted. Lines end at LF (a CR before it is dropped). Invalid
/// UTF-8 is reported, never replaced. A line longer than `maxLineBytes` is
/// given cut there (at a character boundary, marked as cut short), as is each
/// further `maxLineBytes` of it; what is left of it after that is discarded, so
/// endless input without newlines still produces lines the interview can
/// reject. Where a line is cut does not depend on how the bytes arrive. A
/// signal (SIGINT, SIGTERM, SIGHUP) is reported as soon as it arrives, even
/// when it comes with the end of the input (a hang-up).
public final class PlainLineReader: LineSource {
  private var buffer: [UInt8] = []
  /// Where the unread bytes of `buffer` start (read lines are dropped in bulk).
  private var start = 0
  private var finished = false
  /// Whether the bytes now arriving belong to a line already given cut short.
  private var discarding = false
  private let fd: Int32
  private let maxLineBytes: Int
  /// The error that stopped reading (a directory, an I/O error), if reading
  /// failed rather than reached the end: the input then counts as ended, and
  /// the caller tells the two apart with this.
  public private(set) var readError: Int32?

  /// How long one wait for input lasts before the signal flag is looked at
  /// again (a signal that lands just before the wait is seen this late at most).
  private static let pollMilliseconds: Int32 = 200

  /// The note added to a line that was cut short.
  public static let cutNote = " (cut short: line too long)"

  /// Creates a reader on a file descriptor (standard input by default).
  public init(fd: Int32 = STDIN_FILENO, maxLineBytes: Int = 1 << 20) {
    self.fd = fd
    self.maxLineBytes = max(maxLineBytes, 4)
  }

  public func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent {
    while true {
      if let signal = takeSignal() { return signal }
      let pending = buffer.count - start
      if let newline = firstNewline(), newline - start <= maxLineBytes {
        var line = Array(buffer[start..<newline])
        start = newline + 1
        if discarding {
          // The end of a line already given cut short: drop it.
          discarding = false
          continue
        }
        if line.last == 0x0D { line.removeLast() }
        return decode(line, truncated: false)
      }
      if pending > maxLineBytes {
        // Longer than the limit, whether or not its end has come yet.
        let cut = Self.boundary(Array(buffer[start..<(start + maxLineBytes + 1)]), limit: maxLineBytes)
        let kept = Array(buffer[start..<(start + cut)])
        start += cut
        discarding = true
        return decode(kept, truncated: true)
      }
      if finished {
        guard pending > 0, !discarding else { return .endOfInput }
        let line = Array(buffer[start...])
        start = buffer.count
        return decode(line, truncated: false)
      }
      if let event = fill() { return event }
    }
  }

  /// The index of the first newline among the unread bytes, if any.
  private func firstNewline() -> Int? {
    buffer.withUnsafeBytes { raw -> Int? in
      guard start < raw.count, let base = raw.baseAddress, let hit = memchr(base + start, 0x0A, raw.count - start)
      else { return nil }
      return base.distance(to: UnsafeRawPointer(hit))
    }
  }

  /// The pending signal as an event, cleared.
  private func takeSignal() -> LineEvent? {
    guard so_peek_signal() != 0 else { return nil }
    let signal = so_take_signal()
    return signal == 0 ? nil : .interrupted(Int32(signal))
  }

  /// Waits for input (looking at the signal flag at least every
  /// `pollMilliseconds`, so a signal landing between the check and the wait is
  /// never missed for long), then reads more bytes. Returns an event only for
  /// a signal.
  private func fill() -> LineEvent? {
    while true {
      if let signal = takeSignal() { return signal }
      var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&waiting, 1, Self.pollMilliseconds)
      if ready > 0 { break }
      if ready < 0, errno != EINTR { break }  // let read(2) report the error
    }
    if start > 0 {
      buffer.removeSubrange(..<start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, 65536) }
    if count > 0 {
      buffer.append(contentsOf: chunk[..<count])
    } else if count == 0 {
      finished = true
    } else if errno == EINTR {
      return takeSignal()
    } else {
      readError = errno
      finished = true
    }
    return nil
  }

  /// Why standard input (or the descriptor given) cannot be read as lines
  /// at all, before any is asked for: a folder. Nil when it may be read.
  public static func unreadable(fd: Int32 = STDIN_FILENO) -> Int32? {
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT == S_IFDIR ? EISDIR : nil
  }

  /// The length of the longest prefix of `bytes` of at most `limit` bytes that
  /// does not end inside a UTF-8 sequence.
  static func boundary(_ bytes: [UInt8], limit: Int) -> Int {
    var cut = min(limit, bytes.count)
    guard cut < bytes.count else { return cut }
    var back = 0
    // Step back over continuation bytes (10xxxxxx) to the start of the character.
    while cut > 0, back < 4, bytes[cut] & 0xC0 == 0x80 {
      cut -= 1
      back += 1
    }
    return cut > 0 ? cut : min(limit, bytes.count)
  }

  private func decode(_ bytes: [UInt8], truncated: Bool) -> LineEvent {
    if let signal = takeSignal() { return signal }
    let text = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    guard var line = text else { return .invalidEncoding }
    if truncated { line += Self.cutNote }
    return .line(line)
  }
}
