import Foundation
import SecondOpinionCases
import SecondOpinionChecking
import SecondOpinionCore

/// Fuzz harness (b): the YAML loader for seeds/ and the case library. The
/// input's first line picks the document: `# triage`, `# letter` or `# case`
/// (a YAML comment, so corpus files stay valid YAML); anything else is read as
/// interview.yaml. The other two files are the small interview and triage
/// below and the repository's letter.yaml, so each run stays fast. A bundle
/// that loads is checked (`DefinitionChecker`), its trees are walked with no
/// answers, and a short scripted interview is run on it (as
/// `second-opinion interview` would, checked or not). A case (given by
/// `answers` or by `input`) that loads is run on the small seeds (`runCase`).
enum SeedsHarness {
  nonisolated(unsafe) static var files: [String: String] = [:]

  static func file(_ name: String) -> String {
    if let text = files[name] { return text }
    let text = FuzzSupport.seedsText(name)
    files[name] = text
    return text
  }

  /// A small interview that loads (Fuzz/corpus/seeds/interview-minimal.yaml).
  static let interview = """
    # interview
    version: "1.0.0"
    title: {patient: "T", receptionist: "T r"}
    introduction: {patient: "I", receptionist: "I r"}
    messages:
      - {id: m, title: "M", patient: "p", receptionist: "r", kiosk: "k"}
    stops:
      - id: s
        when: {answer: red_flags, includesAny: [pain]}
        messages: [m]
    closingMessages: [m]
    facts:
      - {id: days_until_treatment, daysUntil: when_date}
      - {id: days_left_to_decide, daysUntil: when_date, lessDecisionMargin: true}
    wording:
      sorry: {patient: "No", receptionist: "No"}
    questions:
      - id: red_flags
        type: multiple_choice
        heading: alerts
        label: "Flags"
        notSure: true
        text: {patient: "Any?", receptionist: "Any for them?"}
        help: {patient: "h", receptionist: "h r"}
        choices:
          - {id: pain, label: "Pain", synonyms: [hurt]}
          - {id: none, label: "None", exclusive: true}
      - id: name
        type: text
        heading: patient
        label: "Name"
        format: name
        maxLength: 20
        when: {not: {answer: red_flags, state: unknown}}
        text: {patient: "Name?", receptionist: "Their name?"}
        help: {patient: "h", receptionist: "h r"}
      - id: when_date
        type: date
        heading: treatment
        label: "Date"
        dateRange: future
        optional: true
        when: {any: [{answer: name, state: answered}, {mode: receptionist}]}
        text: {patient: "When?", receptionist: "When for them?"}
        help: {patient: "h", receptionist: "h r"}
      - id: count
        type: number
        heading: treatment
        label: "Count"
        minimum: 0
        maximum: 10
        when: {all: [{fact: days_until_treatment, below: 30}, {answer: red_flags, isNot: pain}]}
        text: {patient: "How many?", receptionist: "How many for them?"}
        help: {patient: "h", receptionist: "h r"}
    """

  /// A small triage that loads (Fuzz/corpus/seeds/triage-minimal.yaml).
  static let triage = """
    # triage
    version: "1.0.0"
    assumptions:
      - id: expected_wait_days
        description: "Wait"
        source: "S"
        default: 126
        question: route
        values: {nhs: 126, private: 28}
    decisionMarginDays: 7
    mappings:
      - {level: emergency, meaning: "m", timeframe: "t", nice: "n", eReferral: "e", fhir: stat}
    urgency:
      root: u1
      nodes:
        - id: u1
          ask: "Red flag?"
          test: {answer: red_flags, includesAny: [chest_pain]}
          because: "b"
          otherwise: "o"
          yes: u_emergency
          no: u2
          source: "s"
        - id: u2
          ask: "Soon?"
          test: {fact: days_left_to_decide, belowAssumption: expected_wait_days}
          because: "b"
          yes: u_soon
          no: u_routine
          source: "s"
      leaves:
        - {id: u_emergency, urgency: emergency, reason: "r"}
        - {id: u_soon, urgency: soon, reason: "r"}
        - {id: u_routine, urgency: routine, reason: "r"}
    delayRisk:
      root: d1
      nodes:
        - id: d1
          ask: "Cancer?"
          test: {answer: reason, includesAny: [cancer]}
          because: "b"
          yes: d_high
          no: d_low
          source: "s"
      leaves:
        - {id: d_high, delayRisk: high, reason: "r"}
        - {id: d_low, delayRisk: low, reason: "r"}
    """

  static let script = [
    "none", "1", "Sam Taylor", "25/11/1970", "not sure", "sw1a1aa", "07700 900123", "?", "back", "2",
    "not sure", "prefer not to say", "yes", "no", "1, 2", "", "skip", "14/01/2027", "submit",
  ]

  /// The small interview and triage with the repository's letter layout, for cases.
  static let caseSeeds: SeedBundle? = try? SeedLoader.bundle(
    interview: interview, triage: triage, letter: FuzzSupport.seedsText(SeedLoader.letterFile))

  /// A case file (given by `answers` or by `input`) that loads is run on the
  /// small seeds. A keyed case that finishes must type what a pipe would: its
  /// lines, piped as exact input, give the same record.
  static func runCase(_ text: String) {
    let definition: CaseDefinition
    do {
      definition = try CaseDefinition.load(text, file: "cases/fuzz.yaml")
    } catch let error as SeedError {
      FuzzSupport.require(error.file == "cases/fuzz.yaml", "a case error names another file: \(error)")
      return
    } catch {
      FuzzSupport.require(false, "SeedLoader.testCase threw something other than SeedError: \(error)")
      return
    }
    FuzzSupport.require((definition.answers == nil) != (definition.input == nil), "a case loaded with both or neither")
    guard let seeds = caseSeeds else { return }
    let runner = CaseRunner(seeds: seeds)
    let result = runner.run(definition)
    guard definition.isKeyed, let record = result.record else { return }
    FuzzSupport.require(
      result.typed.count <= seeds.interview.questions.count + 1, "a keyed case typed \(result.typed.count) lines")
    var piped = definition
    piped.answers = nil
    piped.input = result.typed.map { $0 + "\n" }.joined()
    FuzzSupport.require(runner.run(piped).record == record, "a keyed case and its script give different records")
  }

  static func run(_ text: String) {
    let firstLine = text.prefix { $0 != "\n" }
    var interview = Self.interview
    var triage = Self.triage
    var letter = file(SeedLoader.letterFile)
    switch firstLine {
    case "# case":
      runCase(text)
      return
    case "# triage": triage = text
    case "# letter": letter = text
    default: interview = text
    }
    let bundle: SeedBundle
    do {
      bundle = try SeedLoader.bundle(interview: interview, triage: triage, letter: letter)
    } catch let error as SeedError {
      FuzzSupport.require(
        [SeedLoader.interviewFile, SeedLoader.triageFile, SeedLoader.letterFile].contains(error.file),
        "a seeds error names no seeds file: \(error)")
      FuzzSupport.require((error.line ?? 1) >= 1, "a seeds error names line \(error.line ?? 0)")
      return
    } catch {
      FuzzSupport.require(false, "SeedLoader.bundle threw something other than SeedError: \(error)")
      return
    }
    let defects = DefinitionChecker(seeds: bundle).defects()
    for voice in Voice.allCases {
      _ = bundle.evaluator.evaluate(AnswerSet(), voice: voice, today: FuzzSupport.today)
    }
    _ = defects
    let driver = InterviewDriver(
      session: InterviewSession(seeds: bundle, voice: .patient, today: FuzzSupport.today),
      input: ScriptedLines(script + script), output: StringSink(),
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    switch driver.run() {
    case .completed, .emergency:
      _ = RecordBuilder(seeds: bundle).build(
        session: driver.session, id: "SO-20261125T100000Z-00000000", createdAt: "2026-11-25T10:00:00Z",
        channel: .pipe, operatorName: nil, shown: driver.shown)
    default: break
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeeds(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  SeedsHarness.run(FuzzSupport.text(data, size))
  return 0
}
