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
  public var input: String
  /// What must come out.
  public var expect: CaseExpectation
  /// The file it came from (filled by the loader).
  public var file: String?

  /// Creates a case.
  public init(
    title: String, mode: Voice, today: String? = nil, operator: String? = nil, input: String,
    expect: CaseExpectation, file: String? = nil
  ) {
    self.title = title
    self.mode = mode
    self.today = today
    self.operator = `operator`
    self.input = input
    self.expect = expect
    self.file = file
  }

  /// The default date cases run on.
  public static let defaultToday = "2026-11-25"

  /// The input as lines, without the final newline's empty line.
  public var lines: [String] {
    var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
