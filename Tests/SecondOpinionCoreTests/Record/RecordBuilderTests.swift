import Foundation
import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionTestSupport
import Testing

@Suite("Record builder")
struct RecordBuilderTests {
  @Test func aCaseRecordRoundTripsThroughJSON() throws {
    let definition = try CaseDefinition.load(
      TestSeeds.text("cases/010-suspected-prostate-cancer-surgery.yaml"), file: "cases/010")
    let result = CaseRunner(seeds: TestSeeds.bundle).run(definition)
    #expect(result.passed, "\(result.mismatches)")
    let record = try #require(result.record)
    let data = try RecordBuilder.encode(record)
    #expect(try RecordBuilder.decode(data) == record)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"schemaVersion\" : \"1.0.0\""))
    let letter = MarkdownLetter.render(LetterModel(record: record, layout: TestSeeds.bundle.letter))
    let layout = TestSeeds.bundle.letter
    for heading in layout.headings where heading.mandatory && heading.shownIn == nil {
      #expect(letter.contains("## \(heading.title)"), "missing heading \(heading.title)")
    }
    #expect(letter.contains("does not replace, a clinician's judgement"))
    // No answer that says something is dropped: its label (but in the
    // summary's list) and value appear in the letter. A skipped or "none of
    // these" answer is left out, as padding.
    let inSummary = Set(layout.headings.filter { $0.shownIn != nil }.map(\.id))
    #expect(record.answers.contains { !LetterModel.shows($0, layout: layout) })
    for answer in record.answers {
      let label = "**\(MarkdownLetter.escape(answer.label)):**"
      if LetterModel.shows(answer, layout: layout) {
        if !inSummary.contains(answer.heading) { #expect(letter.contains(label), "missing \(answer.label)") }
        #expect(letter.contains(MarkdownLetter.escape(answer.display)), "missing answer to \(answer.questionId)")
      } else {
        #expect(!letter.contains(label), "padding: \(answer.label)")
      }
    }
  }

  static func caseRecord(_ file: String, language: String? = nil) throws -> Record {
    let definition = try CaseDefinition.load(TestSeeds.text("cases/\(file)"), file: file)
    var record = try #require(CaseRunner(seeds: TestSeeds.bundle).run(definition).record)
    if let language { record.language = language }
    return record
  }

  /// The language the interview was held in is kept, `en` unless the
  /// builder is told otherwise; a record written before it was kept reads as
  /// `en`; the interpreter need comes from the requirements answer.
  @Test func theLanguageAndTheInterpreterNeedAreKept() throws {
    let english = try Self.caseRecord("010-suspected-prostate-cancer-surgery.yaml")
    #expect(english.language == "en")
    #expect(english.interpreterNeeded == false)  // "None of these"
    let welsh = try Self.caseRecord("010-suspected-prostate-cancer-surgery.yaml", language: "cy")
    #expect(try RecordBuilder.decode(RecordBuilder.encode(welsh)).language == "cy")
    #expect(String(decoding: try RecordBuilder.encode(welsh), as: UTF8.self).contains("\"language\" : \"cy\""))
    var old = try #require(try JSONSerialization.jsonObject(with: RecordBuilder.encode(welsh)) as? [String: Any])
    old["language"] = nil
    #expect(try RecordBuilder.decode(JSONSerialization.data(withJSONObject: old)).language == "en")
    #expect(try Self.caseRecord("043-hysterectomy-abroad-route-fixed-date.yaml").interpreterNeeded == true)
    // Declined: nothing is claimed either way.
    let declined = try Self.caseRecord("069-prefer-not-to-say-answers.yaml")
    if declined.answer("requirements")?.state == .declined { #expect(declined.interpreterNeeded == nil) }
  }

  @Test func theBuilderRecordsTheLanguageItIsGiven() throws {
    let seeds = TestSeeds.bundle
    var session = InterviewSession(seeds: seeds, voice: .patient, today: TestSeeds.today)
    _ = session.apply("none")
    let record = RecordBuilder(seeds: seeds).build(
      session: session, id: "SO-20261125T100000Z-00000000", createdAt: "2026-11-25T10:00:00Z", channel: .pipe,
      operatorName: nil, shown: [], language: "cy")
    #expect(record.language == "cy")
    let plain = RecordBuilder(seeds: seeds).build(
      session: session, id: "SO-20261125T100000Z-00000000", createdAt: "2026-11-25T10:00:00Z", channel: .pipe,
      operatorName: nil, shown: [])
    #expect(plain.language == "en")
  }
}
