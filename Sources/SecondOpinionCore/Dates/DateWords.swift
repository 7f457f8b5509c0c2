/// The words a date is written with, read from `words.dates` in
/// seeds/interview.yaml so a clinician or translator can edit them: the
/// months' names (each month's list, January first, the full name first),
/// ordinal endings ("3rd"), filler words ("the 3rd of March") and words for
/// days relative to today. Every word is kept folded (`AnswerWords.fold`).
/// With no words at all, a parser reads numeric dates only: it refuses a
/// month's name rather than guess it.
public struct DateWords: Codable, Sendable, Equatable {
  /// For each month, January first, the words that name it; the first is its
  /// full name, which a misspelling (one edit away) is matched against.
  public var months: [[String]]
  /// Endings that make a day number an ordinal ("st", "nd", "rd", "th").
  public var ordinalSuffixes: [String]
  /// Words left out of a date ("the", "of").
  public var fillers: [String]
  /// Words for a day relative to today, with its offset in days ("today": 0).
  public var relativeDays: [String: Int]

  /// Creates word lists (folded here).
  public init(
    months: [[String]] = [], ordinalSuffixes: [String] = [], fillers: [String] = [],
    relativeDays: [String: Int] = [:]
  ) {
    self.months = months.map { $0.map(AnswerWords.fold).filter { !$0.isEmpty } }
    // Longest first, so a longer ending is taken off before a shorter one.
    self.ordinalSuffixes = ordinalSuffixes.map(AnswerWords.fold).filter { !$0.isEmpty }.sorted {
      $0.count > $1.count
    }
    self.fillers = fillers.map(AnswerWords.fold).filter { !$0.isEmpty }
    self.relativeDays = Dictionary(relativeDays.map { (AnswerWords.fold($0.key), $0.value) }) { first, _ in first }
  }

  /// A month (1 to 12) as a refused date's reason names it: its full name
  /// with a capital ("March"), or its number when the seeds name none.
  public func name(of month: Int) -> String {
    guard (1...months.count).contains(month), let name = months[month - 1].first else { return "\(month)" }
    return name.prefix(1).uppercased() + name.dropFirst()
  }

  private enum CodingKeys: String, CodingKey { case months, ordinalSuffixes, fillers, relativeDays }

  /// Decodes the lists from the seeds, folding every word.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      months: try container.decode([[String]].self, forKey: .months),
      ordinalSuffixes: try container.decodeIfPresent([String].self, forKey: .ordinalSuffixes) ?? [],
      fillers: try container.decodeIfPresent([String].self, forKey: .fillers) ?? [],
      relativeDays: try container.decodeIfPresent([String: Int].self, forKey: .relativeDays) ?? [:])
  }

  /// What is wrong with the lists, in words, or nil: there must be twelve
  /// months, each with a name, no word naming two months, and relative days
  /// within a year of today.
  public var problem: String? {
    guard months.count == 12 else { return "`words.dates.months` lists \(months.count) months, not 12" }
    var seen: [String: Int] = [:]
    for (index, names) in months.enumerated() {
      guard !names.isEmpty else { return "month \(index + 1) in `words.dates.months` has no name" }
      for name in names {
        if let other = seen[name], other != index {
          return "the word \"\(name)\" names month \(other + 1) and month \(index + 1) in `words.dates.months`"
        }
        seen[name] = index
      }
    }
    for (word, offset) in relativeDays.sorted(by: { $0.key < $1.key }) where !(-366...366).contains(offset) {
      return "`words.dates.relativeDays` gives \"\(word)\" \(offset) days, more than a year from today"
    }
    return nil
  }

  /// The month (1 to 12) a folded word names: one of its words exactly, the
  /// start of its full name (three letters or more), or, for a word of four
  /// letters or more, its full name with one letter wrong, missing, extra or
  /// two letters swapped. `.ambiguous` lists the months a misspelling could
  /// be; nil when it names none.
  public func month(_ word: String) -> MonthMatch? {
    if let index = months.firstIndex(where: { $0.contains(word) }) { return .month(index + 1) }
    if word.count >= 3 {
      let starts = months.indices.filter { months[$0].first?.hasPrefix(word) ?? false }
      if starts.count == 1 { return .month(starts[0] + 1) }
    }
    guard word.count >= 4 else { return nil }
    let near = months.indices.filter { index in
      months[index].contains { $0.count >= 4 && Self.withinOneEdit(word, $0) }
    }
    switch near.count {
    case 0: return nil
    case 1: return .month(near[0] + 1)
    default: return .ambiguous(near.map { $0 + 1 })
    }
  }

  /// The outcome of reading a word as a month.
  public enum MonthMatch: Equatable, Sendable {
    /// The month, 1 to 12.
    case month(Int)
    /// A misspelling as near to each of these months.
    case ambiguous([Int])
  }

  /// Whether two words are at most one edit apart: one letter changed, added
  /// or left out, or two neighbouring letters swapped.
  static func withinOneEdit(_ a: String, _ b: String) -> Bool {
    let x = Array(a)
    let y = Array(b)
    if x == y { return true }
    if abs(x.count - y.count) > 1 { return false }
    var i = 0
    while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
    if x.count == y.count {
      if x[(i + 1)...] == y[(i + 1)...] { return true }
      return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
    }
    return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
  }

  /// Each month's name as printed (the first of its words, with a capital):
  /// "January", "Ionawr"; empty when the words do not name twelve months.
  public var names: [String] {
    let first = months.compactMap(\.first)
    guard first.count == 12 else { return [] }
    return first.map { $0.prefix(1).uppercased() + $0.dropFirst() }
  }
}
