import Foundation
import SecondOpinionCore
import Testing

@Suite("Record ids")
struct RecordIDTests {
  @Test func idsAreTimeSortableAndWellFormed() {
    let early = RecordID.make(at: Date(timeIntervalSince1970: 1_700_000_000), random: .max)
    let late = RecordID.make(at: Date(timeIntervalSince1970: 1_700_000_001), random: 0)
    #expect(early < late)
    #expect(RecordID.isValid(early) && RecordID.isValid(late))
    #expect(!RecordID.isValid("../../etc/passwd"))
  }
}
