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

  /// Decodes the bundle from the three files' text. Every entry that has an
  /// id (questions, choices, stop rules, messages, facts, assumptions, mappings,
  /// tree nodes and leaves, letter headings) gets the line it starts on, and
  /// every `{redFlag: CLASS}` condition is bound to the red-flag screen (see
  /// `Condition.bindingRedFlags`).
  /// - Throws: `SeedError` naming the file and, where possible, the line.
  public static func bundle(interview: String, triage: String, letter: String) throws -> SeedBundle {
    let interviewDocument: (InterviewDefinition, Node) = try document(interview, file: interviewFile)
    let triageDocument: (TriageDefinition, Node) = try document(triage, file: triageFile)
    let letterDocument: (LetterLayout, Node) = try document(letter, file: letterFile)
    var (definition, interviewNode) = interviewDocument
    var (tree, triageNode) = triageDocument
    var (layout, letterNode) = letterDocument
    let questionNodes = entries(interviewNode["questions"])
    for index in definition.questions.indices {
      let node = index < questionNodes.count ? questionNodes[index] : nil
      definition.questions[index].line = node?.mark?.line
      let choiceLines = lines(node?["choices"])
      for choice in (definition.questions[index].choices ?? []).indices {
        definition.questions[index].choices?[choice].line = line(choice, of: choiceLines)
      }
    }
    let stopLines = lines(interviewNode["stops"])
    for index in definition.stops.indices { definition.stops[index].line = line(index, of: stopLines) }
    let sectionLines = lines(interviewNode["sections"])
    for index in (definition.sections ?? []).indices {
      definition.sections?[index].line = line(index, of: sectionLines)
    }
    let messageLines = lines(interviewNode["messages"])
    for index in definition.messages.indices { definition.messages[index].line = line(index, of: messageLines) }
    let factLines = lines(interviewNode["facts"])
    for index in (definition.facts ?? []).indices { definition.facts?[index].line = line(index, of: factLines) }
    let assumptionLines = lines(triageNode["assumptions"])
    for index in tree.assumptions.indices { tree.assumptions[index].line = line(index, of: assumptionLines) }
    let mappingLines = lines(triageNode["mappings"])
    tree.mappingLines = tree.mappings.indices.map { line($0, of: mappingLines) }
    tree.urgency = placed(tree.urgency, triageNode["urgency"])
    tree.delayRisk = placed(tree.delayRisk, triageNode["delayRisk"])
    let headingLines = lines(letterNode["headings"])
    for index in layout.headings.indices { layout.headings[index].line = line(index, of: headingLines) }
    bindRedFlags(&definition, &tree)
    try checkWordsAndFollowUp(
      definition, wordsLine: interviewNode["words"]?.mark?.line,
      followUpLine: interviewNode["afterEmergency"]?.mark?.line)
    try checkWording(
      definition, wordingLine: interviewNode["wording"]?.mark?.line, wordsLine: interviewNode["words"]?.mark?.line)
    try checkNumbers(definition, tree, decisionMarginLine: triageNode["decisionMarginDays"]?.mark?.line)
    return SeedBundle(interview: definition, triage: tree, letter: layout)
  }

  /// Binds every `{redFlag: CLASS}` condition (questions' `when`, stop rules,
  /// tree nodes) to the red-flag screen. Without a screen they stay unbound:
  /// `check` refuses them, and unbound they evaluate as unknown.
  static func bindRedFlags(_ definition: inout InterviewDefinition, _ tree: inout TriageDefinition) {
    guard let screen = definition.redFlagQuestion else { return }
    let flags = definition.redFlags
    func bind(_ condition: Condition) -> Condition { condition.bindingRedFlags(question: screen.id, flags: flags) }
    for index in definition.questions.indices {
      definition.questions[index].when = definition.questions[index].when.map(bind)
    }
    for index in definition.stops.indices { definition.stops[index].when = bind(definition.stops[index].when) }
    for index in tree.urgency.nodes.indices { tree.urgency.nodes[index].test = bind(tree.urgency.nodes[index].test) }
    for index in tree.delayRisk.nodes.indices {
      tree.delayRisk.nodes[index].test = bind(tree.delayRisk.nodes[index].test)
    }
  }

  /// The tree with the line of each node and leaf, from its YAML node.
  private static func placed(_ tree: DecisionTree, _ node: Node?) -> DecisionTree {
    var tree = tree
    let nodeLines = lines(node?["nodes"])
    for index in tree.nodes.indices { tree.nodes[index].line = line(index, of: nodeLines) }
    let leafLines = lines(node?["leaves"])
    for index in tree.leaves.indices { tree.leaves[index].line = line(index, of: leafLines) }
    return tree
  }

  /// The entries of a YAML list (none when it is not a list).
  private static func entries(_ node: Node?) -> [Node] {
    guard let sequence = node?.sequence else { return [] }
    return Array(sequence)
  }

  /// The line (1-based) each entry of a YAML list starts on.
  private static func lines(_ node: Node?) -> [Int?] { entries(node).map { $0.mark?.line } }

  /// The line of the entry at `index`, if the list has one there.
  private static func line(_ index: Int, of lines: [Int?]) -> Int? { index < lines.count ? lines[index] : nil }

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
  static func checkNumbers(_ definition: InterviewDefinition, _ tree: TriageDefinition, decisionMarginLine: Int?)
    throws
  {
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
    for assumption in tree.assumptions {
      let values = [("default", assumption.default)] + (assumption.values ?? [:]).sorted { $0.key < $1.key }
      for (name, value) in values where !(value.isFinite && (0...maxDays).contains(value)) {
        throw SeedError(
          file: triageFile, line: assumption.line,
          message: "assumption `\(assumption.id)`: \(name) \(value) is not a number of days from 0 to \(Int(maxDays))")
      }
    }
    if !(0...maxMarginDays).contains(tree.decisionMarginDays) {
      throw SeedError(
        file: triageFile, line: decisionMarginLine,
        message: "decisionMarginDays \(tree.decisionMarginDays) is not between 0 and \(maxMarginDays)")
    }
  }

  /// Decodes any YAML document, turning errors into `SeedError`.
  public static func decode<T: Decodable>(_ text: String, file: String) throws -> T {
    do {
      return try YAMLDecoder().decode(T.self, from: text)
    } catch {
      throw seedError(error, text: text, file: file)
    }
  }

  /// Decodes a seeds file as `decode` does (the same parser settings, the
  /// same errors) and returns the composed document too, for the lines its
  /// entries start on, so the text is parsed once.
  static func document<T: Decodable>(_ text: String, file: String) throws -> (T, Node) {
    do {
      // As YAMLDecoder.decode(_:from: String) parses (its resolver is
      // Resolver([.merge])); the parser holds the anchors while the node is
      // decoded.
      let parser = try Parser(
        yaml: text, resolver: Resolver.basic.appending(.merge), encoding: YAMLDecoder().options.encoding)
      return try withExtendedLifetime(parser) {
        let node = try parser.singleRoot() ?? ""
        return (try YAMLDecoder().decode(T.self, from: node), node)
      }
    } catch {
      throw seedError(error, text: text, file: file)
    }
  }

  /// A decoding or YAML error as a `SeedError` naming the file and line.
  static func seedError(_ error: Error, text: String, file: String) -> SeedError {
    if let error = error as? YamlError {
      return SeedError(file: file, line: yamlLine(error), message: "not valid YAML: \(yamlProblem(error))")
    }
    if let error = error as? DecodingError {
      // Yams wraps a syntax error in a DecodingError: report it as one, with its line.
      if case .dataCorrupted(let context) = error, let yaml = context.underlyingError as? YamlError {
        return SeedError(file: file, line: yamlLine(yaml), message: "not valid YAML: \(yamlProblem(yaml))")
      }
      return SeedError(file: file, line: line(of: error, in: text), message: describe(error))
    }
    return SeedError(file: file, message: "could not be read: \(error)")
  }

  /// The line of a YAML error: where the construct it is in began (an
  /// unclosed quote or bracket) when known, else where the parser stopped.
  private static func yamlLine(_ error: YamlError) -> Int? {
    switch error {
    case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _),
      .composer(let context, _, let mark, _):
      return context?.mark.line ?? mark.line
    case .duplicatedKeysInMapping(_, let context):
      // A key written twice in one mapping (two `text:` in a question, a
      // `wording` key twice): the line of the first of them.
      return context.mark.line
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

  static func describe(_ error: DecodingError) -> String {
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
