import Foundation
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionCore

/// The red-flag screen in a person's own words, through the driver a piped
/// interview uses: words that name a flag are shown back and confirmed by one
/// yes/no question; a disclosure of crisis is taken at its word; doubt walks
/// the flags one by one; "nope" is none; nothing that names a flag is refused.
@Suite("Red-flag screen")
struct RedFlagScreenTests {
  struct Run {
    var outcome: DriverOutcome
    var screen: String
    var session: InterviewSession
  }

  static func run(_ lines: [String], voice: Voice = .patient) -> Run {
    let sink = StringSink()
    let driver = InterviewDriver(
      session: InterviewSession(seeds: TestSeeds.bundle, voice: voice, today: TestSeeds.today),
      input: ScriptedLines(lines), output: sink, options: DriverOptions(channel: .pipe, maxAttempts: 20))
    return Run(outcome: driver.run(), screen: sink.text, session: driver.session)
  }

  static func flags(_ run: Run) -> [String]? {
    guard case .choices(let ids)? = run.session.answers["red_flags"]?.value else { return nil }
    return ids
  }

  static func stopped(_ run: Run) -> String? {
    guard case .emergency(let rule) = run.outcome else { return nil }
    return rule.id
  }

  @Test func wordsThatNameAFlagAreConfirmedThenStop() {
    let run = Self.run(["I have chest pain", "yes"])
    #expect(run.screen.contains("this may be happening to you now"))
    #expect(run.screen.contains("  - Chest pain or pressure"))
    #expect(Self.stopped(run) == "red_flag_physical")
    #expect(Self.flags(run) == ["chest_pain"])
    #expect(run.session.answers["red_flags"]?.typed == "I have chest pain")
    #expect(!run.screen.contains(TestSeeds.rejectionMarker))
  }

  @Test func notSureAtTheConfirmationCountsAsYes() {
    let run = Self.run(["cant breathe and my chest is tight", "not sure"])
    #expect(Self.stopped(run) == "red_flag_physical")
    #expect(Set(Self.flags(run) ?? []) == ["chest_pain", "breathing"])
  }

  @Test func noAtTheConfirmationAsksTheScreenAgain() {
    let run = Self.run(["I had chest pain last year", "no", "none"])
    #expect(run.screen.contains("Then please type the numbers"))
    #expect(Self.stopped(run) == nil)
    #expect(Self.flags(run) == ["none"])
    #expect(run.session.current?.id != "red_flags")
  }

  @Test func aCrisisInThePersonsWordsIsTakenAtItsWord() {
    let run = Self.run(["I want to kill myself"])
    #expect(Self.stopped(run) == "red_flag_mental_health")
    #expect(Self.flags(run) == ["suicidal_thoughts"])
    #expect(run.screen.contains("Samaritans"))
  }

  @Test func doubtWalksTheFlagsOneByOne() throws {
    let flags = try #require(TestSeeds.bundle.interview.question("red_flags")?.choices).filter { $0.redFlag != nil }
    // Not sure at the sudden headache, no to every other flag.
    let answers = flags.map { $0.id == "headache" ? "not sure" : "no" }
    let run = Self.run(["not sure"] + answers)
    #expect(run.screen.contains("one at a time"))
    for flag in flags { #expect(run.screen.contains(flag.label.text(for: .patient) + "?")) }
    #expect(Self.stopped(run) == "red_flag_physical")
    #expect(Self.flags(run) == ["headache"])
    // The physical box only: no mental-health crisis box beside it.
    #expect(!run.screen.contains("Samaritans"))
  }

  @Test func doubtAnsweredNoToEveryFlagIsNone() throws {
    let count = try #require(TestSeeds.bundle.interview.question("red_flags")?.choices).filter { $0.redFlag != nil }
      .count
    let run = Self.run(["dunno"] + Array(repeating: "no", count: count))
    #expect(Self.stopped(run) == nil)
    #expect(Self.flags(run) == ["none"])
  }

  @Test func wordsForNoneAreNone() {
    for words in ["nope", "nothing like that", "all fine thanks", "im ok"] {
      let run = Self.run([words])
      #expect(Self.flags(run) == ["none"], "\(words)")
      #expect(Self.stopped(run) == nil, "\(words)")
    }
  }

  @Test func theReceptionistHearsItInTheThirdPerson() {
    let run = Self.run(["caller says chest pain", "yes"], voice: .receptionist)
    #expect(run.screen.contains("From what the caller said"))
    #expect(Self.stopped(run) == "red_flag_physical")
  }

  @Test func wordsThatNameNothingAreRefusedWithTheReason() {
    let run = Self.run(["xyzzy", "none"])
    #expect(run.screen.contains(TestSeeds.rejectionMarker))
    #expect(Self.flags(run) == ["none"])
  }

  @Test func numbersStillWork() {
    let run = Self.run(["1"])
    #expect(Self.stopped(run) == "red_flag_physical")
    #expect(Self.flags(run) == ["chest_pain"])
  }
}
