import Foundation
import Synchronization

/// A `PhraseGrammar` made ready to match: finds which concepts a text
/// mentions, in the person's own words.
public struct PhraseMatcher: Sendable {
  /// One step of a compiled pattern.
  enum Element: Sendable, Equatable {
    /// Any of these phrases (each a list of words); optional or not.
    case phrases([[String]], optional: Bool)
    /// Up to this many words of anything.
    case gap(Int)
    /// None of these phrases starts here; matches no words.
    case not([[String]])
  }

  struct Pattern: Sendable {
    var concept: String
    var source: String
    var elements: [Element]
    /// The words a match can start with, or nil when it can start anywhere
    /// (an optional first step, a gap or a lookahead): only those positions
    /// are tried, which keeps the case library under its 2-second target.
    var firstWords: Set<String>?
  }

  /// The grammar matched.
  public let grammar: PhraseGrammar
  private let patterns: [Pattern]
  private let vocabulary: Set<String>
  /// Vocabulary words long enough to be matched with one edit, by length,
  /// each sorted, so a typed word is compared only with words one letter
  /// longer or shorter or as long (for the same reason as `firstWords`).
  private let fuzzyTargets: [Int: [String]]
  private let fuzzyLength: Int
  private let spellings: [String: [String]]
  /// What each recent text matched. Every change of answer tests the
  /// conditions again over every text answer, so the same few texts are
  /// read many times an interview; remembering them keeps the case library
  /// under its 2-second target (docs/performance.md) and each answer's
  /// response immediate. Bounded, and the same results as reading afresh.
  private let recent = RecentMatches()

  private final class RecentMatches: Sendable {
    let table = Mutex<[String: [PhraseMatch]]>([:])
  }

  /// The most words of a text that are read; the rest is ignored (a
  /// typed answer is at most a few hundred words).
  public static let wordLimit = 2_000

  /// Compiles a grammar. A class a pattern names that the grammar does not
  /// define matches nothing (`problems` reports it, and `check` refuses it).
  public init(_ grammar: PhraseGrammar) {
    self.grammar = grammar
    let gap = grammar.maxGap ?? 3
    var vocabulary: Set<String> = []
    // A class's phrases as lists of words; a member may name another class
    // (`<relation>`, `throw <self>`), which stands for each of its phrases.
    func phrases(_ name: String, _ trail: Set<String> = []) -> [[String]] {
      guard !trail.contains(name) else { return [] }
      var out: [[String]] = []
      for member in grammar.classes[name] ?? [] {
        var partial: [[String]] = [[]]
        for token in member.split(separator: " ") {
          if token.hasPrefix("<"), token.hasSuffix(">") {
            let inner = phrases(String(token.dropFirst().dropLast()), trail.union([name]))
            partial = partial.flatMap { head in inner.map { head + $0 } }
          } else {
            partial = partial.map { $0 + [String(token)] }
          }
        }
        out += partial
      }
      return out.sorted { $0.count > $1.count }
    }
    var patterns: [Pattern] = []
    for concept in grammar.concepts {
      for source in concept.patterns {
        var elements: [Element] = []
        for token in source.split(separator: " ").map(String.init) {
          if token == "..." {
            elements.append(.gap(gap))
            continue
          }
          var body = Substring(token)
          let negated = body.hasPrefix("!")
          if negated { body = body.dropFirst() }
          let optional = body.hasSuffix("?")
          if optional { body = body.dropLast() }
          let words: [[String]]
          if body.hasPrefix("<"), body.hasSuffix(">") {
            words = phrases(String(body.dropFirst().dropLast()))
          } else {
            words = [[String(body)]]
          }
          elements.append(negated ? .not(words) : .phrases(words, optional: optional))
        }
        var firstWords: Set<String>?
        if case .phrases(let options, let optional)? = elements.first, !optional {
          firstWords = Set(options.compactMap(\.first))
        }
        patterns.append(Pattern(concept: concept.id, source: source, elements: elements, firstWords: firstWords))
      }
    }
    for name in grammar.classes.keys {
      for phrase in phrases(name) { vocabulary.formUnion(phrase) }
    }
    for pattern in patterns {
      for case .phrases(let options, _) in pattern.elements {
        for option in options { vocabulary.formUnion(option) }
      }
    }
    var spellings: [String: [String]] = [:]
    for (wrong, right) in grammar.spellings ?? [:] {
      spellings[wrong] = right.split(separator: " ").map(String.init)
      vocabulary.formUnion(spellings[wrong] ?? [])
    }
    self.patterns = patterns
    self.vocabulary = vocabulary
    self.spellings = spellings
    fuzzyLength = grammar.fuzzyLength ?? 6
    fuzzyTargets = Dictionary(
      grouping: vocabulary.filter { $0.count >= (grammar.fuzzyLength ?? 6) - 1 }.sorted(), by: \.count)
  }

  /// What is wrong with the grammar: classes named but not defined, empty
  /// patterns, concepts without patterns.
  public static func problems(_ grammar: PhraseGrammar) -> [(concept: String, line: Int?, message: String)] {
    var found: [(concept: String, line: Int?, message: String)] = []
    for concept in grammar.concepts {
      if concept.patterns.isEmpty {
        found.append((concept.id, concept.line, "concept `\(concept.id)` has no patterns"))
      }
      for pattern in concept.patterns {
        let tokens = pattern.split(separator: " ")
        if tokens.isEmpty || tokens.allSatisfy({ $0 == "..." || $0.hasPrefix("!") || $0.hasSuffix("?") }) {
          found.append((concept.id, concept.line, "pattern `\(pattern)` of `\(concept.id)` can match nothing at all"))
        }
        for token in tokens {
          var body = token
          if body.hasPrefix("!") { body = body.dropFirst() }
          if body.hasSuffix("?") { body = body.dropLast() }
          if body.hasPrefix("<"), body.hasSuffix(">"), grammar.classes[String(body.dropFirst().dropLast())] == nil {
            found.append(
              (
                concept.id, concept.line,
                "pattern `\(pattern)` of `\(concept.id)` names class \(body), which is not defined"
              ))
          }
        }
      }
    }
    return found
  }

  /// The text as the grammar reads it: folded words, misspellings mended.
  /// A spelling with an apostrophe or full stop ("od'd", "o.d.") is looked
  /// up as typed, before folding.
  public func words(_ text: String) -> [String] {
    var words: [String] = []
    for raw in text.lowercased().split(whereSeparator: { $0.isWhitespace }) {
      guard words.count < Self.wordLimit else { break }
      let typed = raw.trimmingCharacters(
        in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "'\u{2019}")))
      if let mended = spellings[typed] {
        words += mended
        continue
      }
      var folded = String.UnicodeScalarView()
      for scalar in typed.unicodeScalars {
        switch scalar {
        case "'", "\u{2019}", "\u{2018}", "`", "\u{00B4}": continue
        default:
          let properties = scalar.properties
          folded.append(properties.isAlphabetic || properties.numericType != nil ? scalar : " ")
        }
      }
      for word in String(folded).split(separator: " ") {
        let word = String(word)
        if let mended = spellings[word] {
          words += mended
        } else if vocabulary.contains(word) || word.count < fuzzyLength {
          words.append(word)
        } else {
          let count = word.count
          let near = (fuzzyTargets[count] ?? []) + (fuzzyTargets[count - 1] ?? []) + (fuzzyTargets[count + 1] ?? [])
          words.append(near.sorted().first { Self.isOneEdit(word, $0) } ?? word)
        }
      }
    }
    return words
  }

  /// Every concept the text mentions, in the grammar's order, each once
  /// (with the first words that matched it).
  public func matches(in text: String) -> [PhraseMatch] {
    if let known = recent.table.withLock({ $0[text] }) { return known }
    let found = read(text)
    recent.table.withLock { table in
      if table.count >= 512 { table.removeAll(keepingCapacity: true) }
      table[text] = found
    }
    return found
  }

  private func read(_ text: String) -> [PhraseMatch] {
    let words = self.words(text)
    var found: [PhraseMatch] = []
    var seen: Set<String> = []
    for pattern in patterns where !seen.contains(pattern.concept) {
      for start in words.indices where pattern.firstWords?.contains(words[start]) ?? true {
        if let end = match(pattern.elements, 0, words, start) {
          found.append(
            PhraseMatch(
              concept: pattern.concept, words: words[start..<end].joined(separator: " "), pattern: pattern.source))
          seen.insert(pattern.concept)
          break
        }
      }
    }
    return found
  }

  /// Whether the text mentions any of these concepts.
  public func mentions(_ text: String, anyOf concepts: Set<String>) -> Bool {
    matches(in: text).contains { concepts.contains($0.concept) }
  }

  /// The index after a match of `elements[index...]` at `position`, if any.
  private func match(_ elements: [Element], _ index: Int, _ words: [String], _ position: Int) -> Int? {
    guard index < elements.count else { return position }
    switch elements[index] {
    case .phrases(let options, let optional):
      for option in options where Self.starts(words, at: position, with: option) {
        if let end = match(elements, index + 1, words, position + option.count) { return end }
      }
      return optional ? match(elements, index + 1, words, position) : nil
    case .gap(let most):
      for skip in 0...most where position + skip <= words.count {
        if let end = match(elements, index + 1, words, position + skip) { return end }
      }
      return nil
    case .not(let options):
      if options.contains(where: { Self.starts(words, at: position, with: $0) }) { return nil }
      return match(elements, index + 1, words, position)
    }
  }

  private static func starts(_ words: [String], at position: Int, with phrase: [String]) -> Bool {
    guard position + phrase.count <= words.count else { return false }
    for (offset, word) in phrase.enumerated() where words[position + offset] != word { return false }
    return true
  }

  /// Whether two words are one edit apart: a letter added, dropped or
  /// changed, or two neighbouring letters swapped.
  static func isOneEdit(_ a: String, _ b: String) -> Bool {
    let x = Array(a)
    let y = Array(b)
    if abs(x.count - y.count) > 1 || x == y { return false }
    var i = 0
    while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
    if x.count == y.count {
      if Array(x[(i + 1)...]) == Array(y[(i + 1)...]) { return true }
      return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && Array(x[(i + 2)...]) == Array(y[(i + 2)...])
    }
    let (long, short) = x.count > y.count ? (x, y) : (y, x)
    return Array(long[(i + 1)...]) == Array(short[i...])
  }
}
