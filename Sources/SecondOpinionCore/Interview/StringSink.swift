/// An output sink that collects everything written, for tests and cases.
public final class StringSink: OutputSink {
  /// Everything written so far.
  public private(set) var text = ""
  /// The columns the driver wraps to (as a terminal of that width would be).
  public var columns: Int
  /// The lines of a screenful (nil: no paging, as a pipe).
  public var rows: Int?
  /// Whether the transcript is laid out for a screen reader.
  public var accessible: Bool
  /// Everything given to `speak`, in order.
  public private(set) var spoken: [String] = []

  /// Creates an empty sink, with room for a whole interview's transcript.
  public init(columns: Int = OutputWidth.standard, rows: Int? = nil, accessible: Bool = false) {
    self.columns = columns
    self.rows = rows
    self.accessible = accessible
    text.reserveCapacity(16_384)
  }

  public func write(_ text: String) { self.text += text }

  public func alert(title: String, body: String) {
    self.text += AlertBox.render(title: title, body: body, width: columns)
  }

  public func speak(_ text: String) { spoken.append(text) }
}
