import Foundation
import SecondOpinionCore
import SecondOpinionLetters

/// Runs cases through the same driver a piped interview uses, in memory. A
/// case given by `input` is piped line by line; a case given by `answers` is
/// answered question by question (see `KeyedAnswers`). One thread.
///
/// A case runs in any language of the seeds: the session speaks it, and what
/// the case types (English) is typed as a speaker of that language would
/// (`AnswerTranslator`). Every expectation is checked in every language but
/// `screenContains`, which quotes the English screen and is checked in
/// English only (that the same safety messages are shown in another
/// language is `CaseResult.triageDifferences(from:)`'s to say).
public struct CaseRunner: Sendable {
  /// The seeds under test.
  public let seeds: SeedBundle
  /// The language the cases run in (a code of `seeds.languages`).
  public let language: String
  /// The translator into `language` (nil when the seeds do not have it),
  /// made once: its seeds speak the language.
  private let translator: AnswerTranslator?

  /// Creates a runner in `language` (default: the language `seeds` speak,
  /// English unless they were made to speak another).
  public init(seeds: SeedBundle, language: String? = nil) {
    self.seeds = seeds
    self.language = language ?? seeds.language
    translator = seeds.speaking(self.language).map {
      AnswerTranslator(seeds: $0, voice: .patient, today: CaseDefinition.defaultToday)
    }
  }

  /// The fixed instant a case runs at: 10:00 UTC on its day.
  public static func instant(for today: String) -> Date {
    let parts = CalendarDate.components(today) ?? (2026, 11, 25)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: 10))!
  }

  /// Runs one case.
  public func run(_ definition: CaseDefinition) -> CaseResult {
    guard
      let translator = translator?.with(voice: definition.mode, today: definition.today ?? CaseDefinition.defaultToday)
    else {
      return CaseResult(
        definition: definition, language: language, record: nil, transcript: "",
        mismatches: [
          "the seeds have no language `\(language)` (they have \(self.seeds.languages.joined(separator: ", ")))"
        ])
    }
    let seeds = translator.seeds
    let today = translator.today
    let sink = StringSink()
    let session = InterviewSession(seeds: seeds, voice: definition.mode, today: today)
    var scripted: TranslatedLines?
    var keyed: KeyedAnswers?
    let input: LineSource
    if let answers = definition.answers {
      keyed = KeyedAnswers(answers: answers, translator: translator)
      input = keyed!
    } else {
      scripted = TranslatedLines(definition.lines, translator: translator)
      input = scripted!
    }
    let driver = InterviewDriver(
      session: session, input: input, output: sink,
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    keyed?.driver = driver
    scripted?.driver = driver
    let outcome = driver.run()
    var mismatches: [String] = []
    var record: Record?
    let problem = keyed?.problem
    if let problem { mismatches.append(problem) }
    switch outcome {
    case .completed, .emergency:
      let date = Self.instant(for: today)
      record = RecordBuilder(seeds: seeds).build(
        session: driver.session, id: RecordID.make(at: date, random: 0), createdAt: RecordID.iso8601(date),
        channel: .pipe, operatorName: definition.operator, shown: driver.shown)
    case .endedEarly(let question):
      if problem == nil {
        mismatches.append("the input ended before the interview was complete (waiting at \(question ?? "the review"))")
      }
    case .tooManyAttempts(let question):
      mismatches.append("too many rejected answers at \(question)")
    case .tooManyLines:
      mismatches.append("too many input lines without the interview ending")
    case .interrupted, .idle, .restart:
      mismatches.append("the interview did not finish")
    }
    if let record {
      let expect = definition.expect
      if record.triage.urgency != expect.urgency {
        mismatches.append("urgency: expected \(expect.urgency.rawValue), got \(record.triage.urgency.rawValue)")
      }
      if record.triage.delayRisk != expect.delayRisk {
        mismatches.append("delay risk: expected \(expect.delayRisk.rawValue), got \(record.triage.delayRisk.rawValue)")
      }
      let status = expect.status ?? (expect.urgency == .emergency ? "emergency" : "complete")
      if record.status != status { mismatches.append("status: expected \(status), got \(record.status)") }
      if let leaf = expect.urgencyLeaf, leaf != record.triage.urgencyLeaf {
        mismatches.append("urgency leaf: expected \(leaf), got \(record.triage.urgencyLeaf)")
      }
      if let leaf = expect.delayRiskLeaf, leaf != record.triage.delayRiskLeaf {
        mismatches.append("delay-risk leaf: expected \(leaf), got \(record.triage.delayRiskLeaf)")
      }
      let letter = MarkdownLetter.render(LetterModel(record: record, layout: seeds.letter))
      for text in expect.letterContains ?? [] where !letter.contains(text) {
        mismatches.append("the letter does not contain \"\(text)\"")
      }
      if let scripted, scripted.remaining > 0 {
        mismatches.append("\(scripted.remaining) input lines were left unread after the interview ended")
      }
      if let keyed, let answers = definition.answers {
        for id in answers.keys.sorted() where !keyed.used.contains(id) {
          mismatches.append(
            seeds.interview.question(id) == nil
              ? "the case answers `\(id)`, which is not a question of the interview"
              : "the case answers question `\(id)`, which the interview did not ask")
        }
      }
    }
    // A keyed case stopped at a rejected answer has said so already. Counted
    // by the driver, whose rejections are worded in the session's language.
    if problem == nil {
      let rejected = driver.rejections
      if rejected != (definition.expect.rejectedAnswers ?? 0) {
        mismatches.append("rejected answers: expected \(definition.expect.rejectedAnswers ?? 0), got \(rejected)")
      }
    }
    // Compared with every run of spaces and line breaks as one space: the
    // screen is wrapped to its width, so a phrase may be broken across lines.
    func flat(_ text: String) -> String {
      text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
    let screen = flat(sink.text)
    let screenText = language == SeedBundle.english ? definition.expect.screenContains ?? [] : []
    for text in screenText where !screen.contains(flat(text)) {
      mismatches.append("the screen output does not contain \"\(text)\"")
    }
    let typed = keyed?.typed ?? scripted?.typed ?? []
    return CaseResult(
      definition: definition, language: language, record: record, transcript: sink.text, mismatches: mismatches,
      typed: typed)
  }
}
