import Foundation
import SecondOpinionStorage
import Testing

/// `Draft.decode`: a draft file is data, checked field by field.
@Suite("Draft decoding")
struct DraftDecodingTests {
  static let id = "SO-20261125T100000Z-00000000"

  func text(_ edit: (inout [String: Any]) -> Void = { _ in }) -> Data {
    var object: [String: Any] = [
      "schemaVersion": 1, "id": Self.id, "mode": "receptionist", "operator": "Aisha Khan",
      "createdAt": "2026-11-25T10:00:00Z", "savedAt": "2026-11-25T10:04:12Z", "today": "2026-11-25",
      "answers": [["questionId": "red_flags", "typed": "none"]], "reason": "hang-up",
    ]
    edit(&object)
    return try! JSONSerialization.data(withJSONObject: object)
  }

  @Test func aDraftThisVersionWroteIsRead() throws {
    let draft = try Draft.decode(text(), fileID: Self.id)
    #expect(draft.answers == [Draft.Item(questionId: "red_flags", typed: "none")])
    #expect(draft.schemaVersion == Draft.currentSchemaVersion)
    let written = try JSONEncoder().encode(draft)
    #expect(try Draft.decode(written, fileID: Self.id) == draft)
  }

  @Test func theIdOfTheFileNameIsTheOnlyOneTrusted() {
    for id in ["../../x/pwned", "SO-20261125T100500Z-0000000B"] {
      #expect(throws: DraftProblem.self) { try Draft.decode(text { $0["id"] = id }, fileID: Self.id) }
    }
  }

  @Test(arguments: [
    ("today", "yesterday"), ("today", "2026-02-30"), ("today", "2030-01-01"), ("createdAt", "soon"),
    ("savedAt", "\u{1B}]0;x\u{07}"), ("mode", "admin"), ("reason", "because"), ("waitingAt", "../x"),
  ])
  func aFieldWithAValueThisVersionDoesNotWriteIsRefused(_ field: String, _ value: String) {
    #expect(throws: DraftProblem.self) { try Draft.decode(text { $0[field] = value }, fileID: Self.id) }
  }

  @Test func unknownFieldsAndOtherFormatsAreRefused() {
    #expect(throws: DraftProblem.self) { try Draft.decode(text { $0["extra"] = 1 }, fileID: Self.id) }
    #expect(throws: DraftProblem.self) {
      try Draft.decode(text { $0["answers"] = [["questionId": "a", "typed": "b", "c": "d"]] }, fileID: Self.id)
    }
    #expect(throws: DraftProblem.self) { try Draft.decode(text { $0["schemaVersion"] = 2 }, fileID: Self.id) }
    #expect(throws: DraftProblem.self) { try Draft.decode(text { $0["operator"] = nil }, fileID: Self.id) }
    #expect(throws: DraftProblem.self) { try Draft.decode(Data("[]".utf8), fileID: Self.id) }
    #expect(throws: DraftProblem.self) { try Draft.decode(Data(count: Draft.maxBytes + 1), fileID: Self.id) }
  }

  @Test func aDraftWithoutAVersionIsOfTheFirstFormat() throws {
    #expect(try Draft.decode(text { $0["schemaVersion"] = nil }, fileID: Self.id).schemaVersion == 1)
  }

  @Test func everyTextIsMadeInert() throws {
    let draft = try Draft.decode(
      text {
        $0["operator"] = "\u{1B}]0;pwned\u{07}Aisha \u{1B}[2JKhan\u{202E}"
        $0["answers"] = [["questionId": "full_name", "typed": "Sam \u{1B}[31mTaylor\u{9B}2J"]]
      }, fileID: Self.id)
    #expect(draft.operator == "Aisha Khan")
    #expect(draft.answers.first?.typed == "Sam Taylor")
  }

  @Test func aMessageNeverQuotesTheFile() {
    do {
      _ = try Draft.decode(text { $0["\u{1B}]0;pwned\u{07}"] = 1 }, fileID: Self.id)
      Issue.record("an unknown field was accepted")
    } catch {
      #expect(!error.reason.contains("\u{1B}") && !error.reason.contains("pwned"), "\(error.reason)")
    }
  }
}
