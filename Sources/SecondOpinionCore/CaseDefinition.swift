/// One case of the case library (seeds/cases/*.yaml): the exact lines piped to
/// stdin and what the triage must give.
public struct CaseDefinition: Codable, Sendable {
  /// What the case is about.
  public var title: String
  /// The voice: patient or receptionist.
  public var mode: Voice
  /// Today's date for the case (ISO), so date arithmetic is fixed. Default 2026-11-25.
  public var today: String?
  /// The receptionist's name, in receptionist mode.
  public var `operator`: String?
  /// The lines piped to stdin, one answer a line.
  public var input: String {
    didSet { lines = Self.lines(of: input) }
  }
  /// What must come out.
  public var expect: CaseExpectation
  /// The file it came from (filled by the loader).
  public var file: String?

  /// The default date cases run on.
  public static let defaultToday = "2026-11-25"

  /// The input as lines, without the final newline's empty line (split
  /// once, when the case is made).
  public private(set) var lines: [String]

  /// Creates a case.
  public init(
    title: String, mode: Voice, today: String?, operator: String?, input: String, expect: CaseExpectation,
    file: String?
  ) {
    self.title = title
    self.mode = mode
    self.today = today
    self.operator = `operator`
    self.input = input
    self.expect = expect
    self.file = file
    lines = Self.lines(of: input)
  }

  private enum CodingKeys: String, CodingKey { case title, mode, today, `operator`, input, expect, file }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      title: try container.decode(String.self, forKey: .title), mode: try container.decode(Voice.self, forKey: .mode),
      today: try container.decodeIfPresent(String.self, forKey: .today),
      operator: try container.decodeIfPresent(String.self, forKey: .operator),
      input: try container.decode(String.self, forKey: .input),
      expect: try container.decode(CaseExpectation.self, forKey: .expect),
      file: try container.decodeIfPresent(String.self, forKey: .file))
  }

  /// The input as lines, without the final newline's empty line.
  private static func lines(of input: String) -> [String] {
    var input = input
    // Without a carriage return every line feed is a character of its own (CR
    // LF is the only cluster with one), so the bytes split as the characters do.
    let quick = input.withUTF8 { bytes -> [String]? in
      guard !bytes.contains(0x0D) else { return nil }
      return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
        String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
      }
    }
    var lines = quick ?? input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
