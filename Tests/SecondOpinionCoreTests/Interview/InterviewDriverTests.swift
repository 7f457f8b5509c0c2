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

/// The screen: wrapping to its width, the review paged by section with only
/// the changed answer shown after an edit, and `back` showing the earlier answer.
@Suite("Interview driver on a screen")
struct InterviewDriverScreenTests {
  /// The lines that answer every question of a patient interview, up to the review.
  static let answers: [String] = {
    let (session, refused) = KeyedSession.run(.patient, [:], stopAt: nil)
    precondition(refused.isEmpty && session.isComplete)
    return session.history.compactMap { session.answers[$0]?.typed }
  }()

  func run(_ lines: [String], columns: Int = 76, rows: Int? = nil) -> (InterviewDriver, StringSink, DriverOutcome) {
    let sink = StringSink(columns: columns, rows: rows)
    let driver = InterviewDriver(
      session: InterviewSession(seeds: TestSeeds.bundle, voice: .patient, today: TestSeeds.today),
      input: ScriptedLines(lines), output: sink, options: DriverOptions(channel: .pipe, maxAttempts: 20))
    let outcome = driver.run()
    return (driver, sink, outcome)
  }

  @Test func textIsWrappedToTheScreenWithoutBreakingWords() {
    let (_, sink, _) = run(["none", "Sam Taylor"], columns: 40)
    for line in sink.text.split(separator: "\n") where !line.hasPrefix("!!") {
      #expect(TextWrapper.columns(line) <= 40, "\(line)")
    }
    let words = TestSeeds.bundle.interview.introduction.text(for: .patient).split(whereSeparator: \.isWhitespace)
    let shown = sink.text.split(whereSeparator: \.isWhitespace)
    #expect(words.allSatisfy { shown.contains($0) }, "a word of the introduction was broken")
  }

  @Test func backShowsTheEarlierAnswer() {
    let (_, sink, _) = run(["none", "Sam Taylor", "back"])
    let afterBack = sink.text.components(separatedBy: "(question 2)]").last ?? ""
    #expect(afterBack.contains("Your answer before was: Sam Taylor"))
  }

  @Test func theProgressLineNamesTheSection() {
    let (_, sink, _) = run(["none"])
    let sections = TestSeeds.bundle.interview.sections ?? []
    #expect(
      sink.text.contains("[Section 1 of \(sections.count): \(sections[0].title.text(for: .patient)) (question 1)]"))
    #expect(
      sink.text.contains("[Section 2 of \(sections.count): \(sections[1].title.text(for: .patient)) (question 2)]"))
  }

  @Test func theReviewPagesToTheScreenGroupedBySection() throws {
    let (_, sink, outcome) = run(Self.answers + ["", "", "", "submit"], columns: 79, rows: 25)
    guard case .completed = outcome else {
      Issue.record("not submitted: \(outcome)")
      return
    }
    let review = try #require(sink.text.components(separatedBy: "Please check your answers").dropFirst().first)
    let firstPage = try #require(review.components(separatedBy: "\n> ").first)
    // The first page fits the screen with its title and prompt: the name and
    // the date of birth are on it, under their section.
    // Rows: the blank line before the title, then the title's row (the first
    // element here), the page, the prompt, and the row typed on (the last).
    #expect(1 + firstPage.split(separator: "\n", omittingEmptySubsequences: false).count <= 25)
    #expect(firstPage.contains("About you\n  2. Name: "))
    #expect(firstPage.contains("  3. Date of birth: "))
    let pages = try #require(firstPage.firstMatch(of: /Page 1 of (\d+)\./).map { Int($0.1)! })
    #expect(pages >= 2)
    // Enter shows each page in turn, and after the last the first again.
    for page in 2...pages { #expect(sink.text.contains("Page \(page) of \(pages).")) }
    let titles = (TestSeeds.bundle.interview.sections ?? []).map { $0.title.text(for: .patient) }
    for title in titles { #expect(sink.text.contains("\n\(title)\n"), "\(title)") }
  }

  @Test func afterAChangeOnlyTheChangedAnswerIsShownAgain() throws {
    let (driver, sink, outcome) = run(Self.answers + ["2", "Alex Morgan", "list", "submit"])
    guard case .completed = outcome else {
      Issue.record("not submitted: \(outcome)")
      return
    }
    #expect(driver.session.answers["full_name"]?.typed == "Alex Morgan")
    let afterChange = try #require(sink.text.components(separatedBy: "Changed:").dropFirst().first)
    let shownAgain = try #require(afterChange.components(separatedBy: "Please check your answers").first)
    #expect(shownAgain.contains("  2. Name: Alex Morgan"))
    #expect(!shownAgain.contains("Date of birth"), "the whole list was shown again")
    // `list` shows the whole review again.
    #expect(afterChange.contains("Please check your answers") && afterChange.contains("Date of birth"))
  }

  /// The hint under a question is worded by the seeds (`wording:` `hint_...`).
  @Test func theHintIsWordedByTheSeeds() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "    patient: \"? for help, back to go back\"\n", with: "    patient: \"? for help; back goes back\"\n")
    let bundle = try seeds.bundle()
    let question = try #require(bundle.interview.question("full_name"))
    let shown = QuestionPresenter(question: question, voice: .patient, definition: bundle.interview).render()
    #expect(shown.contains("(? for help; back goes back)"))
    let unedited = QuestionPresenter(question: question, voice: .patient, definition: TestSeeds.bundle.interview)
      .render()
    #expect(unedited.contains("(? for help, back to go back)"))
  }
}
