import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionCore

/// The driver on an accessible sink (a screen reader): a whole interview,
/// with a rejected answer, is plain lines in order, never wrapped or paged,
/// each choice numbered first, each error starting with `errorPrefix`; an
/// emergency's alert is lines starting with `alertPrefix`, not the `!`
/// frame. What is spoken never holds what was typed.
@Suite("Interview driver, accessible mode")
struct InterviewDriverAccessibleTests {
  func run(_ lines: [String], accessible: Bool = true) -> (InterviewDriver, StringSink, DriverOutcome) {
    // A narrow, short screen: the accessible mode must ignore both.
    let sink = StringSink(columns: 30, rows: 12, accessible: accessible)
    let driver = InterviewDriver(
      session: InterviewSession(seeds: TestSeeds.bundle, voice: .patient, today: TestSeeds.today),
      input: ScriptedLines(lines), output: sink, options: DriverOptions(channel: .terminal, maxAttempts: 20))
    let outcome = driver.run()
    return (driver, sink, outcome)
  }

  @Test func aWholeInterviewIsPlainLines() throws {
    var answers = InterviewDriverScreenTests.answers
    answers.insert("xyz", at: 0)
    let (driver, sink, outcome) = run(answers + ["submit"])
    guard case .completed = outcome else {
      Issue.record("not submitted: \(outcome)")
      return
    }
    #expect(driver.rejections == 1)
    let lines = sink.text.split(separator: "\n")
    // The first question's choices, each whole on a line of its own, number first.
    let choices = try #require(TestSeeds.bundle.interview.question("red_flags")?.choices)
    for (index, choice) in choices.enumerated() {
      #expect(lines.contains("\(index + 1). \(choice.label.text(for: .patient))"[...]))
    }
    // Nothing is wrapped to the 30 columns, no line is indented, nothing is paged.
    #expect(lines.contains { TextWrapper.columns($0) > 30 })
    #expect(!lines.contains { $0.hasPrefix(" ") })
    #expect(!sink.text.contains("Page 1 of"))
    // The error is one line, led by the prefix.
    let errors = lines.filter { $0.contains(TestSeeds.bundle.interview.say(.sorry, .patient)) }
    #expect(errors.count == 1)
    #expect(errors.allSatisfy { $0.hasPrefix("Error: ") && $0.contains("For example") })
  }

  @Test func anEmergencyIsAnnouncedInPlainLines() {
    let (_, sink, outcome) = run(["1"])
    guard case .emergency = outcome else {
      Issue.record("no emergency: \(outcome)")
      return
    }
    #expect(!sink.text.contains("!!"))
    let alert = sink.text.split(separator: "\n").filter { $0.hasPrefix("Alert: ") }
    #expect(alert.count >= 2)
    #expect(alert.contains { $0.contains("999") })
  }

  @Test func theSeedsWordTheErrorPrefix() {
    // The Welsh of seeds/languages/cy/.
    let seeds = TestSeeds.speaking("cy")
    let sink = StringSink(accessible: true)
    _ = InterviewDriver(
      session: InterviewSession(seeds: seeds, voice: .patient, today: TestSeeds.today),
      input: ScriptedLines(["xyz"]), output: sink, options: DriverOptions(channel: .pipe, maxAttempts: 20)
    ).run()
    #expect(sink.text.contains("\nGwall: " + seeds.interview.say(.sorry, .patient)))
  }

  @Test func questionsAreSpokenAndWhatIsTypedNeverIs() {
    let answers = InterviewDriverScreenTests.answers
    for accessible in [true, false] {
      let (_, sink, _) = run(
        ["none", "Zorbulon Quixley", "xyzzy-date"] + answers.dropFirst(2) + ["submit"], accessible: accessible)
      let spoken = sink.spoken.joined(separator: "\n")
      #expect(spoken.contains(TestSeeds.bundle.interview.question("red_flags")!.text.text(for: .patient)))
      #expect(spoken.contains("1. Chest pain or pressure"))
      #expect(spoken.contains(TestSeeds.bundle.interview.say(.sorry, .patient)))
      // Shown (the review, the rejection's reason), never said.
      // (On the 12-row screen the review pages, and the name is on its second page.)
      if accessible { #expect(sink.text.contains("Zorbulon")) }
      #expect(sink.text.contains("\"xyzzy\""))
      #expect(!spoken.contains("Zorbulon"))
      #expect(!spoken.contains("xyzzy"))
    }
  }
}
