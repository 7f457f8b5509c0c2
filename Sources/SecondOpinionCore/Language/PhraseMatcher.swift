import Synchronization

/// `PhraseGrammar`s made ready to match: finds which concepts a text
/// mentions, in the person's own words. Built from several grammars (the
/// session's language, then English, since many people write English or mix
/// both), it reads the text with each, with that grammar's own folding and
/// spellings, and a concept found by any of them is mentioned.
public struct PhraseMatcher: Sendable {
  /// The grammars matched, the first the session's language.
  public let grammars: [PhraseGrammar]
  /// The first grammar (the only one, built from one).
  public var grammar: PhraseGrammar { grammars[0] }
  private let compiled: [CompiledGrammar]
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

  /// Compiles one grammar. A class a pattern names that the grammar does not
  /// define matches nothing (`problems` reports it, and `check` refuses it).
  public init(_ grammar: PhraseGrammar) {
    self.init([grammar])
  }

  /// Compiles several grammars, read side by side: the first is the
  /// session's language (`grammar`, and the order of `matches`), then the
  /// others (English). The list must not be empty.
  public init(_ grammars: [PhraseGrammar]) {
    precondition(!grammars.isEmpty, "a phrase matcher needs a grammar")
    self.grammars = grammars
    compiled = grammars.map(CompiledGrammar.init)
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

  /// The text as the first grammar reads it: folded words, misspellings
  /// mended. A spelling with an apostrophe or full stop ("od'd", "o.d.") is
  /// looked up as typed, before folding.
  public func words(_ text: String) -> [String] {
    compiled[0].words(text, limit: Self.wordLimit)
  }

  /// Every concept the text mentions, in the grammars' order, each once
  /// (with the first words that matched it, in the first grammar that
  /// found it).
  public func matches(in text: String) -> [PhraseMatch] {
    if let known = recent.table.withLock({ $0[text] }) { return known }
    var found: [PhraseMatch] = []
    for grammar in compiled {
      for match in grammar.read(text, limit: Self.wordLimit)
      where !found.contains(where: { $0.concept == match.concept }) {
        found.append(match)
      }
    }
    recent.table.withLock { table in
      if table.count >= 512 { table.removeAll(keepingCapacity: true) }
      table[text] = found
    }
    return found
  }

  /// Whether the text mentions any of these concepts.
  public func mentions(_ text: String, anyOf concepts: Set<String>) -> Bool {
    matches(in: text).contains { concepts.contains($0.concept) }
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
