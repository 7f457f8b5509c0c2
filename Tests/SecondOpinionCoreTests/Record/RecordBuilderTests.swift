import Foundation
import SecondOpinionCases
import SecondOpinionCore
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
    for heading in TestSeeds.bundle.letter.headings where heading.mandatory {
      #expect(letter.contains("## \(heading.title)"), "missing heading \(heading.title)")
    }
    #expect(letter.contains("does not replace, a clinician's judgement"))
    // No answer is dropped: every answer's label and value appear in the letter.
    for answer in record.answers {
      #expect(letter.contains(MarkdownLetter.escape(answer.label)), "missing \(answer.label)")
      #expect(letter.contains(MarkdownLetter.escape(answer.display)), "missing answer to \(answer.questionId)")
    }
  }
}
