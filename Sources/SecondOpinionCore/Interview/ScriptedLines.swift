/// A line source over an array of lines, as a pipe would give them: used by the
/// case library and tests, so cases run the same path as a piped interview.
public final class ScriptedLines: LineSource {
  private var lines: [String]
  private var position = 0

  /// Creates a source over lines (without newlines).
  public init(_ lines: [String]) { self.lines = lines }

  /// Lines not yet read.
  public var remaining: Int { lines.count - position }

  public func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent {
    guard position < lines.count else { return .endOfInput }
    defer { position += 1 }
    return .line(lines[position])
  }
}
