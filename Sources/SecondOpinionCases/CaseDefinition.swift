import SecondOpinionCore

/// One case of the case library (seeds/cases/*.yaml): what is typed, and what
/// the triage must give. What is typed is given one of two ways:
///
/// - `answers`: the text typed for each question, by question id. The runner
///   answers whatever the interview asks from it (a blank line for an optional
///   question it leaves out, `submit` at the review), so the case keeps
///   passing when a question is added, moved or made to depend on another.
/// - `input`: the exact lines piped to stdin, one a line, for the cases that
///   must be typed exactly (rejected answers asked again, `back`, `help`,
///   changes made at the review).
public struct CaseDefinition: Codable, Sendable {
  /// What the case is about.
  public var title: String
  /// The voice: patient or receptionist.
  public var mode: Voice
  /// Today's date for the case (ISO), so date arithmetic is fixed. Default 2026-11-25.
  public var today: String?
  /// The receptionist's name, in receptionist mode.
  public var `operator`: String?
  /// The text typed for each question, by question id (nil when `input` is given).
  public var answers: [String: String]?
  /// The lines piped to stdin, one answer a line (nil when `answers` is given).
  public var input: String?
  /// What must come out.
  public var expect: CaseExpectation
  /// The file it came from (filled by the loader).
  public var file: String?

  /// Decodes one case file (as seeds are decoded: the same parser, the same errors).
  public static func load(_ text: String, file: String) throws -> CaseDefinition {
    var value: CaseDefinition = try SeedLoader.decode(text, file: file)
    value.file = file
    return value
  }

  private enum CodingKeys: String, CodingKey {
    case title, mode, today, `operator`, answers, input, expect, file
  }

  /// Creates a case typed exactly: `input` is what is piped to stdin.
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

  /// Creates a case answered by question id.
  public init(
    title: String, mode: Voice, today: String? = nil, operator: String? = nil, answers: [String: String],
    expect: CaseExpectation, file: String? = nil
  ) {
    self.title = title
    self.mode = mode
    self.today = today
    self.operator = `operator`
    self.answers = answers
    self.expect = expect
    self.file = file
  }

  /// Decodes a case, refusing one that gives both `answers` and `input`, or neither.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    title = try container.decode(String.self, forKey: .title)
    mode = try container.decode(Voice.self, forKey: .mode)
    today = try container.decodeIfPresent(String.self, forKey: .today)
    `operator` = try container.decodeIfPresent(String.self, forKey: .operator)
    answers = try container.decodeIfPresent([String: String].self, forKey: .answers)
    input = try container.decodeIfPresent(String.self, forKey: .input)
    expect = try container.decode(CaseExpectation.self, forKey: .expect)
    file = try container.decodeIfPresent(String.self, forKey: .file)
    if let problem = Self.scriptProblem(answers: answers, input: input) {
      throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: problem))
    }
  }

  /// Why a case's way of typing is not usable, or nil when it gives exactly one
  /// of `answers` and `input`.
  static func scriptProblem(answers: [String: String]?, input: String?) -> String? {
    switch (answers, input) {
    case (.some, .some):
      return
        "a case gives either `answers` (the text typed for each question, by question id) or `input` (the exact lines typed), not both"
    case (nil, nil):
      return
        "a case needs `answers` (the text typed for each question, by question id) or `input` (the exact lines typed)"
    default: return nil
    }
  }

  /// The default date cases run on.
  public static let defaultToday = "2026-11-25"

  /// Whether the case gives its answers by question id.
  public var isKeyed: Bool { answers != nil }

  /// The `input` as lines, without the final newline's empty line; empty for
  /// a case given by `answers` (its lines depend on the questions asked: see
  /// `CaseRunner.run`, whose result has the lines typed).
  public var lines: [String] {
    guard let input else { return [] }
    var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
