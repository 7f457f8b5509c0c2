import Foundation
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Record schema")
struct RecordSchemaTests {
  @Test func theEmbeddedSchemaIsTheCheckedInFile() throws {
    let file = TestSeeds.folder.deletingLastPathComponent().appendingPathComponent(
      "docs/schema/record-1.0.0.schema.json")
    #expect(try String(contentsOf: file, encoding: .utf8) == RecordSchema.json)
    #expect(try JSONSerialization.jsonObject(with: Data(RecordSchema.json.utf8)) is [String: Any])
  }
}
