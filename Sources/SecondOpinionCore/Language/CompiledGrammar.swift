import Foundation

/// One `PhraseGrammar` made ready to match, with its own folding, spellings
/// and vocabulary: a `PhraseMatcher` holds one a language it reads.
struct CompiledGrammar: Sendable {
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

  /// The grammar compiled.
  let grammar: PhraseGrammar
  private let patterns: [Pattern]
  private let vocabulary: Set<String>
  /// Vocabulary words long enough to be matched with one edit, by length,
  /// each sorted, so a typed word is compared only with words one letter
  /// longer or shorter or as long (for the same reason as `firstWords`).
  private let fuzzyTargets: [Int: [String]]
  private let fuzzyLength: Int
  /// Spellings of one typed word (as typed, or folded).
  private let spellings: [String: [String]]
  /// Spellings of a run of words (`nac oes`), longest first.
  private let runs: [(words: [String], reading: [String])]
  private let splitApostrophes: Bool
  private let foldAccents: Bool

  /// Compiles a grammar. A class a pattern names that the grammar does not
  /// define matches nothing (`PhraseMatcher.problems` reports it).
  init(_ grammar: PhraseGrammar) {
    self.grammar = grammar
    splitApostrophes = grammar.splitApostrophes ?? false
    let foldAccents = grammar.foldAccents ?? false
    self.foldAccents = foldAccents
    // The grammar's own words are folded as the text will be.
    func fold(_ word: Substring) -> String { foldAccents ? Self.withoutAccents(String(word)) : String(word) }
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
            partial = partial.map { $0 + [fold(token)] }
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
            words = [[fold(body)]]
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
    var runs: [(words: [String], reading: [String])] = []
    for (wrong, right) in grammar.spellings ?? [:] {
      let reading = right.split(separator: " ").map(fold)
      vocabulary.formUnion(reading)
      let typed = wrong.split(separator: " ").map(fold)
      if typed.count > 1 {
        runs.append((typed, reading))
      } else {
        spellings[fold(Substring(wrong))] = reading
      }
    }
    self.patterns = patterns
    self.vocabulary = vocabulary
    self.spellings = spellings
    self.runs = runs.sorted {
      ($0.words.count, $0.words.joined(separator: " ")) > ($1.words.count, $1.words.joined(separator: " "))
    }
    fuzzyLength = grammar.fuzzyLength ?? 6
    fuzzyTargets = Dictionary(
      grouping: vocabulary.filter { $0.count >= (grammar.fuzzyLength ?? 6) - 1 }.sorted(), by: \.count)
  }

  /// The word without its accents (`ŵ` is `w`, `ô` is `o`).
  static func withoutAccents(_ word: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.properties.generalCategory != .nonspacingMark {
      out.append(scalar)
    }
    return String(out).precomposedStringWithCanonicalMapping
  }

  /// The text as this grammar reads it: folded words, misspellings mended.
  /// A spelling with an apostrophe or full stop ("od'd", "o.d.") is looked
  /// up as typed, before folding.
  func words(_ text: String, limit: Int) -> [String] {
    var words: [String] = []
    for raw in text.lowercased().split(whereSeparator: { $0.isWhitespace }) {
      guard words.count < limit else { break }
      var typed = raw.trimmingCharacters(
        in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "'\u{2019}"))
      ).replacingOccurrences(of: "\u{2019}", with: "'")
      if foldAccents { typed = Self.withoutAccents(typed) }
      if let mended = spellings[typed] {
        words += mended
        continue
      }
      var folded = String.UnicodeScalarView()
      for scalar in typed.unicodeScalars {
        switch scalar {
        case "'", "\u{2018}", "`", "\u{00B4}":
          if splitApostrophes { folded.append(" ") }
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
          words.append(near.sorted().first { PhraseMatcher.isOneEdit(word, $0) } ?? word)
        }
      }
    }
    return runs.isEmpty ? words : mendRuns(words)
  }

  /// The words with each run a spelling names read as its reading.
  private func mendRuns(_ words: [String]) -> [String] {
    var out: [String] = []
    var position = 0
    next: while position < words.count {
      for run in runs where Self.starts(words, at: position, with: run.words) {
        out += run.reading
        position += run.words.count
        continue next
      }
      out.append(words[position])
      position += 1
    }
    return out
  }

  /// Every concept the text mentions, in the grammar's order, each once
  /// (with the first words that matched it).
  func read(_ text: String, limit: Int) -> [PhraseMatch] {
    let words = self.words(text, limit: limit)
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
}
