import Foundation
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionCore

/// The review when no question applied (seeds where every question is for the
/// other voice): a number is refused with a reason rather than taken as an
/// answer to change. Found by the `seeds` fuzzer, which crashed on it
/// (`Fuzz/regressions/seeds/review-with-no-answers.yaml`).
@Suite("Interview driver")
struct InterviewDriverTests {
  @Test func aReviewWithNoAnswersTakesOnlySubmit() {
    var seeds = TestSeeds.bundle
    for index in seeds.interview.questions.indices { seeds.interview.questions[index].when = .mode(.receptionist) }
    let sink = StringSink()
    let driver = InterviewDriver(
      session: InterviewSession(seeds: seeds, voice: .patient, today: TestSeeds.today),
      input: ScriptedLines(["1", "0", "3", "submit"]), output: sink,
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    let completed: Bool
    if case .completed = driver.run() { completed = true } else { completed = false }
    #expect(completed)
    #expect(driver.rejections == 3)
    #expect(sink.text.contains("please type submit."))
    #expect(!sink.text.contains("from 1 to 0"))
    #expect(driver.session.effectiveAnswers.isEmpty)
  }
}
