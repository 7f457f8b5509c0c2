import Foundation

/// Runs cases through the same driver a piped interview uses, in memory.
public struct CaseRunner: Sendable {
  /// The seeds under test.
  public var seeds: SeedBundle {
    didSet { builder = RecordBuilder(seeds: seeds) }
  }

  /// The record builder, made once for all cases.
  private var builder: RecordBuilder

  /// Creates a runner.
  public init(seeds: SeedBundle) {
    self.seeds = seeds
    builder = RecordBuilder(seeds: seeds)
  }

  /// The fixed instant a case runs at: 10:00 UTC on its day.
  public static func instant(for today: String) -> Date {
    if let parts = ISODate.components(today),
      let date = ISODate.instant(year: parts.year, month: parts.month, day: parts.day, hour: 10)
    {
      return date
    }
    let parts = CalendarDate.components(today) ?? (2026, 11, 25)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: 10))!
  }

  /// Runs one case.
  public func run(_ definition: CaseDefinition) -> CaseResult {
    let today = definition.today ?? CaseDefinition.defaultToday
    let sink = StringSink()
    let session = InterviewSession(seeds: seeds, voice: definition.mode, today: today)
    let input = ScriptedLines(definition.lines)
    let driver = InterviewDriver(
      session: session, input: input, output: sink,
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    let outcome = driver.run()
    var mismatches: [String] = []
    var record: Record?
    switch outcome {
    case .completed, .emergency:
      let date = Self.instant(for: today)
      record = builder.build(
        session: driver.session, id: RecordID.make(at: date, random: 0), createdAt: RecordID.iso8601(date),
        channel: .pipe, operatorName: definition.operator, shown: driver.shown)
    case .endedEarly(let question):
      mismatches.append("the input ended before the interview was complete (waiting at \(question ?? "the review"))")
    case .tooManyAttempts(let question):
      mismatches.append("too many rejected answers at \(question)")
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
    }
    if input.remaining > 0, record != nil {
      mismatches.append("\(input.remaining) input lines were left unread after the interview ended")
    }
    let rejected = Self.occurrences(of: InterviewDriver.rejectionMarker, in: sink.text)
    if rejected != (definition.expect.rejectedAnswers ?? 0) {
      mismatches.append("rejected answers: expected \(definition.expect.rejectedAnswers ?? 0), got \(rejected)")
    }
    for text in definition.expect.screenContains ?? [] where !sink.text.contains(text) {
      mismatches.append("the screen output does not contain \"\(text)\"")
    }
    return CaseResult(definition: definition, record: record, transcript: sink.text, mismatches: mismatches)
  }

  /// How many times `marker` occurs in `text`, without overlaps, as
  /// `text.components(separatedBy: marker).count - 1` counts. That goes
  /// through Foundation's search by `Character` and was the largest single
  /// cost of a case after the interview itself; when both are ASCII and the
  /// marker has no CR or LF (so every character of a match is one byte, on its
  /// own), the bytes are searched instead, with the same count.
  static func occurrences(of marker: String, in text: String) -> Int {
    var text = text
    var marker = marker
    let quick = marker.withUTF8 { needle -> Int? in
      guard !needle.isEmpty,
        needle.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") })
      else { return nil }
      return text.withUTF8 { haystack -> Int? in
        guard haystack.allSatisfy({ $0 < 0x80 }) else { return nil }
        var count = 0
        var start = 0
        while start + needle.count <= haystack.count {
          if haystack[start] == needle[0],
            (1..<needle.count).allSatisfy({ haystack[start + $0] == needle[$0] })
          {
            count += 1
            start += needle.count
          } else {
            start += 1
          }
        }
        return count
      }
    }
    return quick ?? text.components(separatedBy: marker).count - 1
  }
}
