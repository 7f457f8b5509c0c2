import SecondOpinionCore
import Testing

/// The short reference a person is given, and looking a record up by it.
@Suite("Record reference")
struct RecordReferenceTests {
  static let ids = [
    "SO-20261125T093000Z-K7F3QX2M", "SO-20261125T094500Z-K7F3AB12", "SO-20261126T080000Z-00000001",
  ]

  @Test func theReferenceIsTheEndOfTheIdInTwoGroups() {
    #expect(RecordReference.make(for: "SO-20261125T033549Z-K7F3QX2M") == "K7F3 QX2M")
  }

  @Test(arguments: ["K7F3 QX2M", "k7f3qx2m", "k7f3-qx2m", " K7F3 QX2M ", "SO-20261125T093000Z-K7F3QX2M"])
  func theReferenceOrTheIdFindsTheRecordHoweverTyped(_ typed: String) {
    #expect(RecordReference.resolve(typed, among: Self.ids) == .one(Self.ids[0]))
  }

  @Test func lettersReadAsDigitsAsCrockfordBase32Says() {
    #expect(RecordReference.resolve("oooo ooo1", among: Self.ids) == .one(Self.ids[2]))
    #expect(RecordReference.resolve("0000 000L", among: Self.ids) == .one(Self.ids[2]))
  }

  @Test func aStartOfTheIdIsEnoughWhenUnique() {
    #expect(RecordReference.resolve("SO-20261126", among: Self.ids) == .one(Self.ids[2]))
    #expect(RecordReference.resolve("so-20261125t0945", among: Self.ids) == .one(Self.ids[1]))
    #expect(RecordReference.resolve("SO-20261125", among: Self.ids) == .several([Self.ids[0], Self.ids[1]]))
    #expect(RecordReference.resolve("SO-1999", among: Self.ids) == .none)
    #expect(RecordReference.resolve("", among: Self.ids) == .none)
    // Part of a reference is not a reference: a record is found by the whole of it.
    #expect(RecordReference.resolve("K7F3", among: Self.ids) == .none)
  }
}
