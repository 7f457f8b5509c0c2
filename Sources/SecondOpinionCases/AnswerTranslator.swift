import SecondOpinionCore

/// Turns what an English speaker types for a question into what a speaker of
/// the bundle's language types for the same answer, so the case library,
/// written in English, runs in every language of the seeds. One general rule,
/// no data of its own: the English text is parsed with the English question
/// and words (`AnswerParser` over `SeedBundle.englishInterview`) to its
/// `AnswerValue`, and that value is typed in the language:
///
/// - yes, no, "not sure" and "prefer not to say" as a word of the language's
///   own `words:` lists, chosen the same way every time: the shortest (then
///   the first in alphabetical order) of the words that are in no other list
///   of the language, preferring one that is not also an English word;
/// - a single choice by its translated label, several choices by their
///   numbers, a blank line for a skipped answer;
/// - a date with the language's month names (`words.dates.months`, the first
///   name of each month): "14 Ionawr 2027", "Mawrth 2019" for a month, the
///   year alone for a year;
/// - free text, numbers, names, NHS numbers and phone numbers as typed.
///
/// What the English parser does not take as a plain value stays as typed: a
/// rejected answer (a case that types one on purpose must be refused in the
/// language too), a person's own words at the red-flag screen, a disclosure in
/// free text (a session in any language also reads the English grammars). In
/// English it types everything as given.
public struct AnswerTranslator: Sendable {
  /// The seeds, speaking the language typed in.
  public let seeds: SeedBundle
  /// The voice of the session typed into.
  public private(set) var voice: Voice
  /// Today, ISO 8601, for reading relative and partial dates.
  public private(set) var today: String

  private var english: AnswerParser
  private let englishRedFlags: RedFlagReader?
  private let yes: String?
  private let no: String?
  private let unknown: String?
  private let declined: String?

  /// Creates a translator into the language `seeds` speaks.
  public init(seeds: SeedBundle, voice: Voice, today: String) {
    self.seeds = seeds
    self.voice = voice
    self.today = today
    let englishWords = seeds.englishInterview.answerWords
    english = AnswerParser(voice: voice, today: today, definition: seeds.englishInterview)
    englishRedFlags =
      seeds.language == SeedBundle.english ? seeds.redFlagWords : seeds.speaking(SeedBundle.english)?.redFlagWords
    let own = seeds.interview.answerWords
    yes = Self.word(own.yes, others: [own.no, own.unknown, own.declined, own.skip], english: englishWords.yes)
    no = Self.word(own.no, others: [own.yes, own.unknown, own.declined, own.skip], english: englishWords.no)
    unknown = Self.word(
      own.unknown, others: [own.yes, own.no, own.declined, own.skip], english: englishWords.unknown)
    declined = Self.word(
      own.declined, others: [own.yes, own.no, own.unknown, own.skip], english: englishWords.declined)
  }

  /// The same translator for a session in another voice or on another day
  /// (cheap: the words and grammars are not looked up again).
  public func with(voice: Voice, today: String) -> AnswerTranslator {
    var copy = self
    copy.voice = voice
    copy.today = today
    copy.english = AnswerParser(voice: voice, today: today, definition: seeds.englishInterview)
    return copy
  }

  /// The language typed in (BCP 47).
  public var language: String { seeds.language }

  /// Whether it types everything as given (the seeds speak English).
  public var isIdentity: Bool { seeds.language == SeedBundle.english }

  /// What a speaker of the language types for the answer `typed` (English)
  /// gives at `question` (the question as the session asks it: its id finds
  /// the English wording; its kind and options are the session's own, so a
  /// follow-up made optional or the red-flag screen's yes/no check reads alike).
  public func translate(_ typed: String, at question: Question) -> String {
    guard !isIdentity else { return typed }
    let asked = englishQuestion(question)
    let clean = TextSanitizer.clean(typed)
    // At the red-flag screen doubt is read from the words before any parse.
    if isRedFlagScreen(asked), englishRedFlags?.read(clean) == .unsure { return typed }
    guard case .success(let value) = english.parse(clean, for: asked) else { return typed }
    return self.typed(value, at: question) ?? typed
  }

  /// How `value` is typed at `question` in the language, or nil for a value
  /// typed as it is (free text, a number).
  public func typed(_ value: AnswerValue, at question: Question) -> String? {
    switch value {
    case .bool(let flag): return flag ? yes : no
    case .unknown: return unknown
    case .declined: return declined
    case .skipped: return ""
    case .choice(let id): return question.choice(id)?.label.text(for: voice)
    case .choices(let ids):
      let numbers = (question.choices ?? []).enumerated().filter { ids.contains($0.element.id) }.map {
        String($0.offset + 1)
      }
      return numbers.count == ids.count ? numbers.joined(separator: ", ") : nil
    case .date(let iso): return date(iso)
    case .text, .number: return nil
    }
  }

  /// An ISO date (day, month or year) written with the language's month names.
  func date(_ iso: String) -> String? {
    let parts = iso.split(separator: "-").map(String.init)
    let months = seeds.interview.answerWords.dates.months
    guard (1...3).contains(parts.count), parts.allSatisfy({ Int($0) != nil }) else { return nil }
    guard parts.count > 1 else { return parts[0] }
    let month = Int(parts[1]) ?? 0
    guard months.count == 12, (1...12).contains(month), let name = months[month - 1].first else {
      // No month names: the numeric form every parser reads.
      return parts.count == 3 ? "\(parts[2])/\(parts[1])/\(parts[0])" : "\(parts[1])/\(parts[0])"
    }
    let written = name.prefix(1).uppercased() + name.dropFirst()
    guard parts.count == 3, let day = Int(parts[2]) else { return "\(written) \(parts[0])" }
    return "\(day) \(written) \(parts[0])"
  }

  /// The question in English: the session's question with the English
  /// choices (their labels and synonyms), when the English question of that
  /// id is of the same kind.
  private func englishQuestion(_ question: Question) -> Question {
    var asked = question
    if let base = seeds.englishInterview.question(question.id), base.type == question.type,
      base.choices?.map(\.id) == question.choices?.map(\.id)
    {
      asked.choices = base.choices
      asked.label = base.label
    }
    return asked
  }

  private func isRedFlagScreen(_ question: Question) -> Bool {
    (question.choices ?? []).contains { $0.redFlag != nil }
  }

  /// The word typed for one list: among the words in no other list, the
  /// shortest (then the first alphabetically), preferring one that is not an
  /// English word of the same meaning; nil when the list has none.
  static func word(_ words: Set<String>, others: [Set<String>], english: Set<String>) -> String? {
    let taken = others.reduce(into: Set<String>()) { $0.formUnion($1) }
    let own = words.subtracting(taken)
    let preferred = own.subtracting(english)
    return (preferred.isEmpty ? own : preferred).sorted { ($0.count, $0) < ($1.count, $1) }.first
  }
}
