import ArgumentParser
import Foundation
import SecondOpinionCore

/// `second-opinion bench-cases` (hidden): generates random complete cases with
/// `CaseGenerator` and times running them through `CaseRunner` in-process, the
/// same path as `cases`. Used by Scripts/bench; not a test.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-cases",
    abstract: "Time the case library's throughput on generated cases (for Scripts/bench).",
    shouldDisplay: false)

  @Option(name: .long, help: "How many cases to generate.")
  var count = 10_000

  @Option(name: .long, help: "The random seed; the same seed gives the same cases.")
  var seed: UInt64 = 1

  @Option(name: .long, help: "How many timed passes over the cases (the median is reported).")
  var rounds = 3

  @Option(name: .long, help: "Print the input of the first N generated cases.")
  var show = 0

  @Option(name: .long, help: "How many threads run cases at once (besides the one-thread figure).")
  var threads = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "Print the figures as one JSON object.")
  var json = false

  @Flag(
    name: .long,
    help: "Also print a fingerprint of every transcript and record (to check that an optimisation changes nothing).")
  var fingerprint = false

  @OptionGroup var seedsOption: SeedsOption

  func validate() throws {
    guard count > 0, rounds > 0, show >= 0, threads > 0 else {
      throw ValidationError("--count, --rounds and --threads must be positive.")
    }
  }

  func run() throws {
    let seeds = try seedsOption.load()
    let clock = ContinuousClock()
    var generator = CaseGenerator(seeds: seeds, seed: seed)
    var cases: [CaseDefinition] = []
    cases.reserveCapacity(count)
    let generation = clock.measure {
      for _ in 0..<count { cases.append(generator.next()) }
    }
    for definition in cases.prefix(show) {
      print("# \(definition.title) (\(definition.mode.rawValue), today \(definition.today ?? "?"))")
      print(definition.input, terminator: "")
    }
    let runner = CaseRunner(seeds: seeds)
    var failures: [CaseResult] = []
    var answers = 0
    var emergencies = 0
    var digest: String?
    var records: [Record?] = []
    // One thread, then every core: the same cases, and the same results.
    var passes: [(seconds: [Double], median: Double, cpuSeconds: [Double], cpuMedian: Double)] = []
    for threads in [1, self.threads] {
      var seconds: [Double] = []
      var cpuSeconds: [Double] = []
      for round in 0..<rounds {
        var results: [CaseResult] = []
        let cpuStart =
          threads == 1 ? Self.cpuSeconds(CLOCK_THREAD_CPUTIME_ID) : Self.cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
        let elapsed = clock.measure { results = runner.run(cases, threads: threads) }
        let cpuEnd = threads == 1 ? Self.cpuSeconds(CLOCK_THREAD_CPUTIME_ID) : Self.cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
        cpuSeconds.append(cpuEnd - cpuStart)
        seconds.append(Self.seconds(elapsed))
        if round == 0, threads == 1 {
          records = results.map(\.record)
          failures = results.filter { !$0.passed }
          answers = results.reduce(0) { $0 + ($1.record?.answers.count ?? 0) }
          emergencies = results.filter { $0.record?.status == "emergency" }.count
        } else if round == 0, results.map(\.record) != records {
          Diagnostics.error("running the cases on \(threads) threads gave results that differ from one thread's")
          throw ExitStatus.defects
        }
      }
      passes.append(
        (seconds, seconds.sorted()[seconds.count / 2], cpuSeconds, cpuSeconds.sorted()[cpuSeconds.count / 2]))
    }
    if fingerprint {
      // Untimed: the same cases again, keeping every transcript, on one
      // thread and on every core; both must give the same fingerprint.
      var keeping = runner
      keeping.keepsTranscripts = true
      let one = try Self.fingerprint(keeping.run(cases, threads: 1))
      guard try Self.fingerprint(keeping.run(cases, threads: threads)) == one else {
        Diagnostics.error("running the cases on \(threads) threads gave transcripts that differ from one thread's")
        throw ExitStatus.defects
      }
      digest = one
    }
    let (seconds, median, cpuSeconds, cpuMedian) = passes[1]
    let rate = Double(cases.count) / median
    let single = passes[0]
    let stage = try Self.stage(cases, records: records, seeds: seeds, rounds: rounds)
    if json {
      let figures: [String: Any] = [
        "cases": cases.count, "seed": seed, "rounds": rounds, "seconds": seconds, "medianSeconds": median,
        "casesPerSecond": rate, "cpuSeconds": cpuSeconds, "casesPerCPUSecond": Double(cases.count) / cpuMedian,
        "threads": threads,
        "oneThread": [
          "seconds": single.seconds, "medianSeconds": single.median,
          "casesPerSecond": Double(cases.count) / single.median, "cpuSeconds": single.cpuSeconds,
          "casesPerCPUSecond": Double(cases.count) / single.cpuMedian,
        ],
        "failed": failures.count, "emergencies": emergencies,
        "answersPerCase": Double(answers) / Double(cases.count), "generationSeconds": Self.seconds(generation),
        "stage": [
          "cases": stage.cases, "seconds": stage.seconds, "medianSeconds": stage.median,
          "casesPerSecond": Double(stage.cases) / stage.median, "cpuSeconds": stage.cpuSeconds,
          "casesPerCPUSecond": Double(stage.cases) / stage.cpuMedian,
        ],
      ]
      let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    } else {
      print(
        "generated \(cases.count) cases (seed \(seed)) in \(Self.format(Self.seconds(generation))) s: "
          + "\(Self.format(Double(answers) / Double(cases.count))) answers a case, \(emergencies) emergencies")
      print(
        "one thread: rounds " + single.seconds.map { Self.format($0) + " s" }.joined(separator: ", ") + "; median "
          + "\(Self.format(single.median)) s: \(Int((Double(cases.count) / single.median).rounded())) cases/second "
          + "(\(Int((Double(cases.count) / single.cpuMedian).rounded())) a second of CPU time)")
      print(
        "\(threads) threads: rounds " + seconds.map { Self.format($0) + " s" }.joined(separator: ", ") + "; median "
          + "\(Self.format(median)) s: \(Int(rate.rounded())) cases/second "
          + "(\(Int((Double(cases.count) / cpuMedian).rounded())) a second of CPU time)")
      print(
        "triage and record stage alone (answers, TriageEvaluator, RecordBuilder), \(stage.cases) cases: median "
          + "\(Self.format(stage.median)) s: \(Int((Double(stage.cases) / stage.median).rounded())) cases/second "
          + "(\(Int((Double(stage.cases) / stage.cpuMedian).rounded())) a second of CPU time)")
    }
    if let digest { print("fingerprint \(digest)") }
    for failure in failures.prefix(3) {
      Diagnostics.error("\(failure.definition.title): " + failure.mismatches.joined(separator: "; "))
    }
    if !failures.isEmpty {
      Diagnostics.error("\(failures.count) generated cases did not pass")
      throw ExitStatus.defects
    }
  }

  /// The triage-and-record stage alone, timed: each case's finished session
  /// (its answers) is made first by running the driver untimed, then each pass
  /// builds every record as `CaseRunner` does (`RecordBuilder`, which runs
  /// `TriageEvaluator` over the answers). Every record must equal the one the
  /// full run gives.
  private static func stage(_ cases: [CaseDefinition], records: [Record?], seeds: SeedBundle, rounds: Int) throws
    -> (cases: Int, seconds: [Double], median: Double, cpuSeconds: [Double], cpuMedian: Double)
  {
    var finished: [(session: InterviewSession, shown: [ShownMessage], definition: CaseDefinition, record: Record)] = []
    finished.reserveCapacity(cases.count)
    let plan = InterviewPlan(seeds: seeds)
    for (definition, record) in zip(cases, records) {
      guard let record else { continue }
      let driver = InterviewDriver(
        session: InterviewSession(
          plan: plan, voice: definition.mode, today: definition.today ?? CaseDefinition.defaultToday),
        input: ScriptedLines(definition.lines), output: StringSink(),
        options: DriverOptions(channel: .pipe, maxAttempts: 20))
      switch driver.run() {
      case .completed, .emergency: finished.append((driver.session, driver.shown, definition, record))
      default: continue
      }
    }
    let builder = RecordBuilder(seeds: seeds)
    let clock = ContinuousClock()
    var seconds: [Double] = []
    var cpuSeconds: [Double] = []
    for round in 0..<rounds {
      var built: [Record] = []
      built.reserveCapacity(finished.count)
      let cpuStart = threadCPUSeconds()
      let elapsed = clock.measure {
        for item in finished {
          let date = CaseRunner.instant(for: item.session.today)
          built.append(
            builder.build(
              session: item.session, id: RecordID.make(at: date, random: 0), createdAt: RecordID.iso8601(date),
              channel: .pipe, operatorName: item.definition.operator, shown: item.shown))
        }
      }
      cpuSeconds.append(threadCPUSeconds() - cpuStart)
      seconds.append(Self.seconds(elapsed))
      if round == 0, zip(built, finished).contains(where: { $0 != $1.record }) {
        Diagnostics.error("the triage-and-record stage gave a record that differs from the full run's")
        throw ExitStatus.defects
      }
    }
    return (
      finished.count, seconds, seconds.sorted()[seconds.count / 2], cpuSeconds,
      cpuSeconds.sorted()[cpuSeconds.count / 2]
    )
  }

  /// FNV-1a (64-bit) over every case's input, transcript and encoded record.
  private static func fingerprint(_ results: [CaseResult]) throws -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
      for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
      }
      hash ^= 0xFF
      hash = hash &* 0x0000_0100_0000_01B3
    }
    for result in results {
      add(result.definition.input.utf8)
      add((result.transcript ?? "").utf8)
      if let record = result.record { add(try RecordBuilder.encode(record)) }
    }
    return String(hash, radix: 16)
  }

  /// The CPU time this thread has used, so figures hold on a busy machine.
  private static func threadCPUSeconds() -> Double { cpuSeconds(CLOCK_THREAD_CPUTIME_ID) }

  /// The CPU time used by this thread or this process (every thread).
  private static func cpuSeconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  private static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }

  private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
