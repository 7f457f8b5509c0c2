/// An output sink that collects everything written, for tests and cases.
public final class StringSink: OutputSink {
  /// Everything written so far, as UTF-8 (appending bytes costs less than
  /// appending to a string, piece by piece).
  private var bytes: [UInt8] = []

  /// Everything written so far.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Creates an empty sink, with room for a whole interview's transcript.
  public init() { bytes.reserveCapacity(16_384) }

  public func write(_ text: String) { bytes.append(contentsOf: text.utf8) }

  public func alert(title: String, body: String) {
    bytes.append(contentsOf: AlertBox.render(title: title, body: body).utf8)
  }
}
