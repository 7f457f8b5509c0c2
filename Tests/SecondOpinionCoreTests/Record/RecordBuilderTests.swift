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
}
