import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// After an emergency alert in receptionist mode: who is calling, a call-back
/// number and the patient's name, each skippable with Enter, recorded; and the
/// alert boxes shown together give one instruction.
@Suite("Emergency follow-up")
struct EmergencyFollowUpTests {
  func run(_ voice: Voice, _ lines: [String]) -> (InterviewDriver, StringSink, DriverOutcome) {
    let sink = StringSink()
    let driver = InterviewDriver(
      session: InterviewSession(seeds: TestSeeds.bundle, voice: voice, today: TestSeeds.today),
      input: ScriptedLines(lines), output: sink, options: DriverOptions(channel: .pipe, maxAttempts: 20))
    let outcome = driver.run()
    return (driver, sink, outcome)
  }

  func record(_ driver: InterviewDriver) -> Record {
    RecordBuilder(seeds: TestSeeds.bundle).build(
      session: driver.session, id: "SO-test", createdAt: "2026-11-25T10:00:00Z", channel: .pipe,
      operatorName: "Jo Baxter", shown: driver.shown)
  }

  func isEmergency(_ outcome: DriverOutcome) -> Bool {
    if case .emergency = outcome { return true }
    return false
  }

  @Test func aReceptionistEmergencyAtTheFirstQuestionRecordsTheCallerNumberAndName() {
    let (driver, sink, outcome) = run(.receptionist, ["chest", "mother", "07700 900123", "Peter Lane"])
    #expect(isEmergency(outcome))
    #expect(sink.text.contains("Who is calling?"))
    #expect(sink.text.contains("What number can the practice call the caller back on?"))
    #expect(sink.text.contains("What is the patient's full name?"))
    let record = record(driver)
    #expect(record.status == "emergency")
    let answers = Dictionary(uniqueKeysWithValues: record.answers.map { ($0.questionId, $0) })
    #expect(answers["caller_relationship"]?.display == "A relative")
    #expect(answers["callback_number"]?.value == .string("07700900123"))
    #expect(answers["full_name"]?.value == .string("Peter Lane"))
    #expect(record.emergency?.staffAction.contains("Keep the caller on the line") == true)
  }

  @Test func eachFollowUpIsSkippedWithEnterAndRecordedAsSkipped() {
    let (driver, _, outcome) = run(.receptionist, ["1", "", "", ""])
    #expect(isEmergency(outcome))
    let record = record(driver)
    let states = Dictionary(uniqueKeysWithValues: record.answers.map { ($0.questionId, $0.state) })
    #expect(states["caller_relationship"] == .skipped)
    #expect(states["callback_number"] == .skipped)
    #expect(states["full_name"] == .skipped)
    #expect(driver.session.current == nil)
  }

  /// The end of input, a hang-up or too many wrong lines end the follow-up,
  /// never the emergency: the flagged record is still written.
  @Test func theFollowUpNeverStopsTheEmergencyRecord() {
    let (ended, _, endedOutcome) = run(.receptionist, ["chest", "wife"])
    #expect(isEmergency(endedOutcome))
    #expect(record(ended).answers.contains { $0.questionId == "caller_relationship" })
    let (_, _, wrong) = run(.receptionist, ["chest"] + Array(repeating: "banana", count: 30))
    #expect(isEmergency(wrong))
  }

  @Test func aWrongAnswerIsAskedAgainAndBackGoesToThePreviousFollowUp() {
    let (driver, sink, outcome) = run(.receptionist, ["chest", "banana", "son", "back", "daughter", "", "Ann Lee"])
    #expect(isEmergency(outcome))
    #expect(sink.text.contains("\"banana\" is not one of the choices"))
    #expect(driver.session.answers["caller_relationship"]?.typed == "daughter")
    #expect(driver.session.answers["full_name"]?.value == .text("Ann Lee"))
  }

  @Test func answersGivenBeforeTheStopAreNotAskedAgain() {
    var session = InterviewSession(seeds: TestSeeds.bundle, voice: .receptionist, today: TestSeeds.today)
    #expect(session.apply("none") == .accepted)
    #expect(session.apply("me") == .accepted)
    #expect(session.apply("Alex Moore") == .accepted)
    // Stop by hand at a later question: the screen again, as after `back`.
    _ = session.apply("chest", to: TestSeeds.bundle.interview.question("red_flags")!)
    #expect(session.stoppedBy != nil)
    // The caller is the patient, so callback_number was not asked before; it is now.
    #expect(session.current?.id == "callback_number")
    #expect(session.apply("0113 496 0123") == .accepted)
    #expect(session.current == nil)
    #expect(session.answers["full_name"]?.typed == "Alex Moore")
  }

  @Test func patientModeHasNoFollowUp() {
    let (driver, sink, outcome) = run(.patient, ["chest"])
    #expect(isEmergency(outcome))
    #expect(driver.linesRead == 1)
    #expect(!sink.text.contains("Who is"))
  }

  /// Every stop rule's receptionist alerts give one instruction: keep the
  /// caller on the line, 999 by you or a colleague, the duty doctor; none
  /// says to hang up or contradicts another.
  @Test func theReceptionistAlertsOfEveryStopRuleAgree() throws {
    let interview = TestSeeds.bundle.interview
    for rule in interview.stops {
      let texts = try rule.messages.map { try #require(interview.message($0)).text(for: .receptionist, kiosk: false) }
      for text in texts {
        #expect(text.contains("Keep the caller on the line"), "\(rule.id)")
        #expect(text.contains("duty doctor"), "\(rule.id)")
        #expect(text.contains("you or a colleague call 999"), "\(rule.id)")
        for contradiction in ["hang up", "Otherwise", "stay with the caller"] {
          #expect(!text.contains(contradiction), "\(rule.id): \(contradiction)")
        }
      }
    }
  }
}
