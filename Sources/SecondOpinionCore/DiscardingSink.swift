/// An output sink that keeps nothing: for a case whose screen output nobody
/// reads (no check of the screen, no transcript kept). The driver writes every
/// line as it would to a pipe; only the bytes are not stored.
final class DiscardingSink: OutputSink {
  func write(_ text: String) {}
  func alert(title: String, body: String) {}
}
