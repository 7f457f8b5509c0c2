/// What a line source produced.
public enum LineEvent: Equatable, Sendable {
  /// A line, decoded as UTF-8, without its newline (not yet made inert).
  case line(String)
  /// A line whose bytes were not valid UTF-8.
  case invalidEncoding
  /// End of input (Ctrl-D on an empty line, or the pipe closed).
  case endOfInput
  /// A signal arrived while waiting (SIGINT, SIGTERM or SIGHUP).
  case interrupted(Int32)
  /// Nobody typed anything for the idle timeout (kiosk).
  case idleTimeout
}
