/// An output sink that collects everything written, for tests and cases.
public final class StringSink: OutputSink {
  /// Everything written so far, as UTF-8 (appending bytes costs less than
  /// appending to a string, piece by piece). A sink belongs to one interview,
  /// written by one caller at a time, so the run-time exclusivity check on
  /// every write is left out.
  @exclusivity(unchecked) private var bytes = ByteBuffer(capacity: 16_384)

  /// Everything written so far.
  public var text: String { bytes.string }

  /// Creates an empty sink, with room for a whole interview's transcript.
  public init() {}

  public func write(_ text: String) { bytes.append(text) }

  public func alert(title: String, body: String) {
    bytes.append(AlertBox.render(title: title, body: body))
  }
}
