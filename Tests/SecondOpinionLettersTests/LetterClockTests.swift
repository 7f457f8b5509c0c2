import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionTestSupport
import Testing

/// Times for people are UK local time with the zone's name for that instant.
@Suite("Letter clock")
struct LetterClockTests {
  let clock = LetterClock(TestSeeds.bundle.letter.clock)

  @Test(arguments: [
    ("2026-12-01T10:30:00Z", "1 December 2026, 10:30 GMT"),
    ("2026-06-01T10:30:00Z", "1 June 2026, 11:30 BST"),
    ("2026-06-30T23:30:00Z", "1 July 2026, 00:30 BST"),  // the local date, not the UTC one
    ("2026-03-29T00:59:00Z", "29 March 2026, 00:59 GMT"),  // the last minute before the clocks go forward
    ("2026-03-29T01:00:00Z", "29 March 2026, 02:00 BST"),
    ("2026-10-25T00:59:00Z", "25 October 2026, 01:59 BST"),
    ("2026-10-25T01:00:00Z", "25 October 2026, 01:00 GMT"),
  ])
  func anInstantIsPrintedInLocalTimeWithItsZone(iso: String, expected: String) {
    #expect(clock.text(iso) == expected)
  }

  @Test func aDateAloneOrNonsenseIsNotGivenATime() {
    #expect(clock.text("2026-12-01") == "1 December 2026")
    #expect(clock.text("not a time") == "not a time")
    #expect(clock.localDate("2026-06-30T23:30:00Z") == "2026-07-01")
  }
}
