/// An output sink that collects everything written, for tests and cases.
public final class StringSink: OutputSink {
  /// Everything written so far.
  public private(set) var text = ""

  /// Creates an empty sink, with room for a whole interview's transcript.
  public init() { text.reserveCapacity(16_384) }

  public func write(_ text: String) { self.text += text }

  public func alert(title: String, body: String) { self.text += AlertBox.render(title: title, body: body) }
}
