import Foundation
import Synchronization

/// Runs cases through the same driver a piped interview uses, in memory.
public struct CaseRunner: Sendable {
  /// The seeds under test.
  public var seeds: SeedBundle {
    didSet {
      builder = RecordBuilder(seeds: seeds)
      plan = InterviewPlan(seeds: seeds)
    }
  }

  /// The interview plan, made once for all cases.
  public private(set) var plan: InterviewPlan

  /// The record builder, made once for all cases.
  private var builder: RecordBuilder

  /// Each day's record id and time.
  private let stamps = CaseStamps()

  /// Whether each result keeps the case's screen output (`CaseResult.transcript`).
  /// Off by default: a case's checks read its screen output as it runs, and
  /// keeping some 8 KB for every case of a large run only costs memory.
  public var keepsTranscripts = false

  /// Creates a runner.
  public init(seeds: SeedBundle) {
    self.seeds = seeds
    builder = RecordBuilder(seeds: seeds)
    plan = InterviewPlan(seeds: seeds)
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

  /// Runs many cases, on up to `threads` threads at once (each case on its
  /// own, as `run` runs it: cases share nothing but the seeds, the plan and the
  /// record builder, which are not changed), and returns the results in the
  /// order of `cases`. The same results as running them one by one.
  public func run(_ cases: [CaseDefinition], threads: Int) -> [CaseResult] {
    let threads = max(1, min(threads, cases.count))
    if threads == 1 { return cases.map(run) }
    let results = UnsafeMutableBufferPointer<CaseResult?>.allocate(capacity: cases.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let slots = ResultSlots(results)
    let next = Atomic<Int>(0)
    let batch = 16
    // Each thread runs on its own copy of the seeds (and so its own plan and
    // record builder). A copy through the seed cache's form shares no storage
    // with the original, so the threads never retain and release the same
    // objects: shared reference counts made two threads only 1.7 times as fast as one.
    let encoded = SeedBundleCoding.encode(seeds)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      let runner =
        SeedBundleCoding.decode(encoded).map { seeds -> CaseRunner in
          var runner = CaseRunner(seeds: seeds)
          runner.keepsTranscripts = keepsTranscripts
          return runner
        } ?? self
      while true {
        let start = next.add(batch, ordering: .relaxed).oldValue
        guard start < cases.count else { return }
        for index in start..<min(start + batch, cases.count) { slots.set(index, runner.run(cases[index])) }
      }
    }
    return results.map { $0! }
  }

  /// The results' storage, written by several threads: each slot by exactly
  /// one, and read only after all have finished.
  private struct ResultSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<CaseResult?>
    init(_ buffer: UnsafeMutableBufferPointer<CaseResult?>) { self.buffer = buffer }
    func set(_ index: Int, _ result: CaseResult) { buffer[index] = result }
  }

  /// Runs one case.
  public func run(_ definition: CaseDefinition) -> CaseResult {
    let today = definition.today ?? CaseDefinition.defaultToday
    // The screen output, kept only when something reads it.
    let checks = definition.expect.screenContains ?? []
    let sink: OutputSink = keepsTranscripts || !checks.isEmpty ? StringSink() : DiscardingSink()
    let input = ScriptedLines(definition.lines)
    let driver = InterviewDriver(
      // Made in place: a copy kept here would share the session's storage, and
      // the driver's first change to each of its arrays would copy it.
      session: InterviewSession(plan: plan, voice: definition.mode, today: today), input: input, output: sink,
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    let outcome = driver.run()
    var mismatches: [String] = []
    var record: Record?
    switch outcome {
    case .completed, .emergency:
      let stamps = stamps.stamps(for: today)
      record = builder.build(
        session: driver.session, id: stamps.id, createdAt: stamps.createdAt,
        channel: .pipe, operatorName: definition.operator, shown: driver.shown)
    case .endedEarly(let question):
      mismatches.append("the input ended before the interview was complete (waiting at \(question ?? "the review"))")
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
    }
    if input.remaining > 0, case .some = record {
      mismatches.append("\(input.remaining) input lines were left unread after the interview ended")
    }
    // Counted by the driver as it shows each reason, not by searching the
    // transcript (an answer echoed in a reason, or a seed's own wording for
    // "sorry", would make a search miscount).
    let rejected = driver.rejections
    if rejected != (definition.expect.rejectedAnswers ?? 0) {
      mismatches.append("rejected answers: expected \(definition.expect.rejectedAnswers ?? 0), got \(rejected)")
    }
    let transcript = (sink as? StringSink)?.text ?? ""
    for text in checks where !transcript.contains(text) {
      mismatches.append("the screen output does not contain \"\(text)\"")
    }
    return CaseResult(
      definition: definition, record: record, transcript: keepsTranscripts ? transcript : nil, mismatches: mismatches)
  }
}
