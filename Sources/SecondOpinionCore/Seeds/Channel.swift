/// Where an interview ran.
public enum Channel: String, Codable, Sendable {
  /// An interactive terminal.
  case terminal
  /// A shared kiosk terminal.
  case kiosk
  /// Lines piped on standard input (scripts and tests).
  case pipe
}
