import Foundation
import SecondOpinionCore
import Testing

@Suite("Records and letters")
struct RecordTests {
  @Test func idsAreTimeSortableAndWellFormed() {
    let early = RecordID.make(at: Date(timeIntervalSince1970: 1_700_000_000), random: .max)
    let late = RecordID.make(at: Date(timeIntervalSince1970: 1_700_000_001), random: 0)
    #expect(early < late)
    #expect(RecordID.isValid(early) && RecordID.isValid(late))
    #expect(!RecordID.isValid("../../etc/passwd"))
  }

  @Test func theEmbeddedSchemaIsTheCheckedInFile() throws {
    let file = TestSeeds.folder.deletingLastPathComponent().appendingPathComponent(
      "docs/schema/record-1.0.0.schema.json")
    #expect(try String(contentsOf: file, encoding: .utf8) == RecordSchema.json)
    #expect(try JSONSerialization.jsonObject(with: Data(RecordSchema.json.utf8)) is [String: Any])
  }

  @Test func aCaseRecordRoundTripsThroughJSON() throws {
    let definition = try SeedLoader.testCase(
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

  @Test func markdownEscapesAPersonsText() {
    let escaped = MarkdownLetter.escape("[x](http://e) <b>**y**</b> #")
    #expect(escaped.hasPrefix("\\[x\\]("))
    #expect(!escaped.contains("http://"))  // no bare autolink
    #expect(!escaped.contains("<b>") && !escaped.contains("**"))
    #expect(escaped.hasSuffix("\\#"))
    #expect(HTMLLetter.escape("<script>\"'&") == "&lt;script&gt;&quot;&#39;&amp;")
  }

  @Test func wrapsTo80Columns() {
    let text = TextWrapper.wrap(String(repeating: "word ", count: 60), width: 80, hangingIndent: "  ")
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }
}
