import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// A record of an interview in Welsh: the question as asked, in Welsh; the
/// labels and displayed answers the letter prints, and the advice's English
/// beside what was shown, in English.
@Suite("A record in Welsh")
struct WelshRecordTests {
  @Test func theLetterPartsAreEnglishAndTheQuestionIsAsAsked() throws {
    let seeds = TestSeeds.speaking("cy")
    var session = InterviewSession(seeds: seeds, voice: .patient, today: TestSeeds.today)
    _ = session.apply("dim un")
    _ = session.apply("Sam Taylor")
    let english = seeds.englishInterview
    let shown = try #require(seeds.interview.message("while_you_wait"))
    let record = RecordBuilder(seeds: seeds).build(
      session: session, id: "SO-20261125T100000Z-AAAAAAAA", createdAt: "2026-11-25T10:00:00Z", channel: .kiosk,
      operatorName: nil,
      shown: [ShownMessage(id: shown.id, title: shown.title, text: shown.text(for: .patient, kiosk: true))])
    let flags = try #require(record.answers.first { $0.questionId == "red_flags" })
    #expect(flags.label == english.question("red_flags")?.label)
    #expect(flags.question == seeds.interview.question("red_flags")?.text.text(for: .patient))
    #expect(flags.question != english.question("red_flags")?.text.text(for: .patient))
    #expect(flags.display == english.question("red_flags")?.choice("none")?.label.text(for: .patient))
    #expect(record.language == "cy")
    let advice = try #require(record.safetyAdvice.first)
    #expect(advice.title == shown.title)
    #expect(advice.englishTitle == english.message("while_you_wait")?.title)
    #expect(advice.englishText == english.message("while_you_wait")?.text(for: .patient, kiosk: true))
  }

  /// In English the advice carries no second copy.
  @Test func englishAdviceHasNoEnglishCopy() {
    let seeds = TestSeeds.languages
    let session = InterviewSession(seeds: seeds, voice: .patient, today: TestSeeds.today)
    let record = RecordBuilder(seeds: seeds).build(
      session: session, id: "SO-20261125T100000Z-AAAAAAAA", createdAt: "2026-11-25T10:00:00Z", channel: .kiosk,
      operatorName: nil, shown: [ShownMessage(id: "while_you_wait", title: "While you wait", text: "…")])
    #expect(record.safetyAdvice.first?.englishText == nil)
  }
}
