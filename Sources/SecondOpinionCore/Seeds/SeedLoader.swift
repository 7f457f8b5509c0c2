import Foundation
import Yams

/// Decodes seeds/ from YAML text. Pure: the caller reads the files.
public enum SeedLoader {
  /// The file names of a seeds folder.
  public static let interviewFile = "interview.yaml"
  /// The triage file.
  public static let triageFile = "triage.yaml"
  /// The letter layout file.
  public static let letterFile = "letter.yaml"

  /// Decodes the bundle from the three files' text.
  /// - Throws: `SeedError` naming the file and, where possible, the line.
  public static func bundle(interview: String, triage: String, letter: String) throws -> SeedBundle {
    var definition: InterviewDefinition = try decode(interview, file: interviewFile)
    var tree: TriageDefinition = try decode(triage, file: triageFile)
    let layout: LetterLayout = try decode(letter, file: letterFile)
    let interviewLines = idLines(interview)
    for index in definition.questions.indices {
      definition.questions[index].line = interviewLines[definition.questions[index].id]
    }
    let triageLines = idLines(triage)
    for index in tree.urgency.nodes.indices {
      tree.urgency.nodes[index].line = triageLines[tree.urgency.nodes[index].id]
    }
    for index in tree.urgency.leaves.indices {
      tree.urgency.leaves[index].line = triageLines[tree.urgency.leaves[index].id]
    }
    for index in tree.delayRisk.nodes.indices {
      tree.delayRisk.nodes[index].line = triageLines[tree.delayRisk.nodes[index].id]
    }
    for index in tree.delayRisk.leaves.indices {
      tree.delayRisk.leaves[index].line = triageLines[tree.delayRisk.leaves[index].id]
    }
    try checkNumbers(definition, tree, triageText: triage)
    return SeedBundle(interview: definition, triage: tree, letter: layout)
  }

  /// The widest numbers the program takes: days, years and lengths outside
  /// these are typing mistakes, and infinite or enormous ones would trap the
  /// arithmetic of the triage and the parsers.
  static let maxDays = 36_500.0
  /// The largest decision margin, in days.
  static let maxMarginDays = 3_650
  /// The largest `maxLength` of a text question.
  static let maxTextLength = 100_000
  /// The largest `maxAgeYears`.
  static let maxAgeYears = 200
  /// The widest `minimum` and `maximum` of a number question.
  static let numberLimit = 1_000_000_000

  /// Refuses numbers the program cannot work with (see `maxDays`).
  /// - Throws: `SeedError` naming the file and line.
  static func checkNumbers(_ definition: InterviewDefinition, _ tree: TriageDefinition, triageText: String) throws {
    for question in definition.questions {
      func refuse(_ message: String) -> SeedError {
        SeedError(file: interviewFile, line: question.line, message: "question `\(question.id)`: \(message)")
      }
      if let length = question.maxLength, !(1...maxTextLength).contains(length) {
        throw refuse("maxLength \(length) is not between 1 and \(maxTextLength)")
      }
      if let years = question.maxAgeYears, !(0...maxAgeYears).contains(years) {
        throw refuse("maxAgeYears \(years) is not between 0 and \(maxAgeYears)")
      }
      for (name, value) in [("minimum", question.minimum), ("maximum", question.maximum)] {
        if let value, !(-numberLimit...numberLimit).contains(value) {
          throw refuse("\(name) \(value) is not between -\(numberLimit) and \(numberLimit)")
        }
      }
      if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
        throw refuse("minimum \(minimum) is more than maximum \(maximum)")
      }
    }
    let triageLines = idLines(triageText)
    for assumption in tree.assumptions {
      let values = [("default", assumption.default)] + (assumption.values ?? [:]).sorted { $0.key < $1.key }
      for (name, value) in values where !(value.isFinite && (0...maxDays).contains(value)) {
        throw SeedError(
          file: triageFile, line: triageLines[assumption.id],
          message: "assumption `\(assumption.id)`: \(name) \(value) is not a number of days from 0 to \(Int(maxDays))")
      }
    }
    if !(0...maxMarginDays).contains(tree.decisionMarginDays) {
      throw SeedError(
        file: triageFile, line: keyLine("decisionMarginDays", in: triageText),
        message: "decisionMarginDays \(tree.decisionMarginDays) is not between 0 and \(maxMarginDays)")
    }
  }

  /// The first line (1-based) where `key:` starts a line, if any.
  static func keyLine(_ key: String, in text: String) -> Int? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") }.map { $0 + 1 }
  }

  /// Decodes one case file.
  public static func testCase(_ text: String, file: String) throws -> CaseDefinition {
    var value: CaseDefinition = try decode(text, file: file)
    value.file = file
    return value
  }

  /// Decodes any YAML document, turning errors into `SeedError`.
  public static func decode<T: Decodable>(_ text: String, file: String) throws -> T {
    do {
      return try YAMLDecoder().decode(T.self, from: text)
    } catch let error as YamlError {
      throw SeedError(file: file, line: yamlLine(error), message: "not valid YAML: \(yamlProblem(error))")
    } catch let error as DecodingError {
      // Yams wraps a syntax error in a DecodingError: report it as one, with its line.
      if case .dataCorrupted(let context) = error, let yaml = context.underlyingError as? YamlError {
        throw SeedError(file: file, line: yamlLine(yaml), message: "not valid YAML: \(yamlProblem(yaml))")
      }
      throw SeedError(file: file, line: line(of: error, in: text), message: describe(error))
    } catch {
      throw SeedError(file: file, message: "could not be read: \(error)")
    }
  }

  /// The first line of each `id:` entry (1-based), by id.
  static func idLines(_ text: String) -> [String: Int] {
    var lines: [String: Int] = [:]
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      for prefix in ["- id:", "id:"] where trimmed.hasPrefix(prefix) {
        let id = trimmed.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        if lines[id] == nil { lines[id] = number + 1 }
      }
    }
    return lines
  }

  /// The line of a YAML error: where the construct it is in began (an
  /// unclosed quote or bracket) when known, else where the parser stopped.
  private static func yamlLine(_ error: YamlError) -> Int? {
    switch error {
    case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _),
      .composer(let context, _, let mark, _):
      return context?.mark.line ?? mark.line
    default: return nil
    }
  }

  /// A YAML error in one line, without the snippet of the file Yams adds.
  private static func yamlProblem(_ error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if let context {
        return "\(context.text) (column \(context.mark.column)): \(problem) (line \(mark.line), column \(mark.column))"
      }
      return "\(problem) (column \(mark.column))"
    case .reader(let problem, let offset, _, _):
      return problem + (offset.map { " (at byte \($0))" } ?? "")
    default:
      return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
  }

  private static func path(_ codingPath: [CodingKey]) -> String {
    codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
      .trimmingCharacters(in: CharacterSet(charactersIn: "."))
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      return
        "missing `\(key.stringValue)` at \(path(context.codingPath).isEmpty ? "top level" : path(context.codingPath))"
    case .typeMismatch(let type, let context):
      return "wrong type at \(path(context.codingPath)): expected \(type). \(context.debugDescription)"
    case .valueNotFound(let type, let context):
      return "missing value at \(path(context.codingPath)): expected \(type)"
    case .dataCorrupted(let context):
      let place = path(context.codingPath)
      return "invalid value\(place.isEmpty ? "" : " at \(place)"): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// Finds the line of the list entry a decoding error points into, by counting
  /// `- ` entries under the key named before the index.
  private static func line(of error: DecodingError, in text: String) -> Int? {
    let context: DecodingError.Context
    switch error {
    case .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
      context = c
    @unknown default: return nil
    }
    var best: Int?
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var searchFrom = 0
    var pending: String?
    for key in context.codingPath {
      if let index = key.intValue, let name = pending {
        guard
          let start = lines[searchFrom...].firstIndex(where: {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + ":")
          })
        else { return best }
        let indent = lines[start].prefix { $0 == " " }.count
        var count = -1
        var cursor = start + 1
        while cursor < lines.count {
          let line = lines[cursor]
          let lineIndent = line.prefix { $0 == " " }.count
          let body = line.dropFirst(lineIndent)
          if !body.isEmpty, !body.hasPrefix("#"), lineIndent <= indent, !body.hasPrefix("-") { break }
          if body.hasPrefix("- "), lineIndent <= indent + 2 {
            count += 1
            if count == index { break }
          }
          cursor += 1
        }
        if count == index, cursor < lines.count {
          best = cursor + 1
          searchFrom = cursor
        }
        pending = nil
      } else {
        pending = key.stringValue
      }
    }
    return best
  }
}
