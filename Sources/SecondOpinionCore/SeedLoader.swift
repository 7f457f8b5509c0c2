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
    return SeedBundle(interview: definition, triage: tree, letter: layout)
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
      throw SeedError(file: file, line: yamlLine(error), message: "not valid YAML: \(error)")
    } catch let error as DecodingError {
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

  private static func yamlLine(_ error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default: return nil
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
      return "invalid value at \(path(context.codingPath)): \(context.debugDescription)"
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
