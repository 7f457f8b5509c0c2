/// Where the interview's screen output goes. The core never touches a terminal.
public protocol OutputSink: AnyObject {
  /// Writes text as it is.
  func write(_ text: String)
  /// Writes a safety alert so it cannot be missed (the terminal adds a bell,
  /// reverse video and a border where colour is allowed; a pipe gets the
  /// border only).
  func alert(title: String, body: String)
  /// The columns text is wrapped to now. The driver asks again before every
  /// question and review page, so a resized terminal is followed.
  var columns: Int { get }
  /// The lines one screenful may take (the review pages by it), or nil for
  /// no limit (a pipe, a transcript).
  var rows: Int? { get }
  /// Whether the output is read by a screen reader (the accessible mode):
  /// then the driver writes every prompt, choice, error and alert as one
  /// plain line of its own, in the order it is to be read, never wrapped or
  /// paged (the sink must report no `rows`), and the sink itself writes no
  /// escape sequence, colour, bell or redraw.
  var accessible: Bool { get }
  /// Says aloud what is shown (the question and its choices, an error, an
  /// alert), where the sink has a voice; never given anything the person
  /// typed. Replaces whatever was still being said.
  func speak(_ text: String)
}

extension OutputSink {
  /// 76 columns: a transcript wrapped as an 80-column letter is.
  public var columns: Int { OutputWidth.standard }
  /// No paging.
  public var rows: Int? { nil }
  /// The ordinary layout.
  public var accessible: Bool { false }
  /// No voice.
  public func speak(_ text: String) {}
}

/// The widths the interview wraps to.
public enum OutputWidth {
  /// Where nothing says otherwise (a pipe, a transcript).
  public static let standard = 76
  /// The narrowest wrapping used, whatever the terminal says.
  public static let minimum = 20
  /// No wrapping at all: the accessible mode, where each line is one item
  /// for a screen reader and the terminal folds it.
  public static let unlimited = Int.max / 4
}
