import Foundation
import SecondOpinionCore
import SecondOpinionLetters

/// Runs cases through the same driver a piped interview uses, in memory. A
/// case given by `input` is piped line by line; a case given by `answers` is
/// answered question by question (see `KeyedAnswers`). One thread.
public struct CaseRunner: Sendable {
  /// The seeds under test.
  public var seeds: SeedBundle

  /// Creates a runner.
  public init(seeds: SeedBundle) { self.seeds = seeds }

  /// The fixed instant a case runs at: 10:00 UTC on its day.
  public static func instant(for today: String) -> Date {
    let parts = CalendarDate.components(today) ?? (2026, 11, 25)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: 10))!
  }

  /// Runs one case.
  public func run(_ definition: CaseDefinition) -> CaseResult {
    let today = definition.today ?? CaseDefinition.defaultToday
    let sink = StringSink()
    let session = InterviewSession(seeds: seeds, voice: definition.mode, today: today)
    var scripted: ScriptedLines?
    var keyed: KeyedAnswers?
    let input: LineSource
    if let answers = definition.answers {
      keyed = KeyedAnswers(answers: answers, voice: definition.mode, today: today, seeds: seeds.interview)
      input = keyed!
    } else {
      scripted = ScriptedLines(definition.lines)
      input = scripted!
    }
    let driver = InterviewDriver(
      session: session, input: input, output: sink,
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    keyed?.driver = driver
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
    // A keyed case stopped at a rejected answer has said so already.
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
    for text in definition.expect.screenContains ?? [] where !screen.contains(flat(text)) {
      mismatches.append("the screen output does not contain \"\(text)\"")
    }
    let typed = keyed?.typed ?? Array(definition.lines.prefix(driver.linesRead))
    return CaseResult(
      definition: definition, record: record, transcript: sink.text, mismatches: mismatches, typed: typed)
  }
}
