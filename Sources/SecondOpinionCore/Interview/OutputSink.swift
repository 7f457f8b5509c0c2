/// Where the interview's screen output goes. The core never touches a terminal.
public protocol OutputSink: AnyObject {
  /// Writes text as it is.
  func write(_ text: String)
  /// Writes a safety alert so it cannot be missed (the terminal adds a bell,
  /// reverse video and a border; a pipe gets the border only).
  func alert(title: String, body: String)
}
