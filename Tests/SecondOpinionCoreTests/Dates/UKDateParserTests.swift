import SecondOpinionCore
import Testing

@Suite("UK dates")
struct UKDateParserTests {
  @Test(arguments: [
    ("25/11/1970", "1970-11-25"), ("25-11-1970", "1970-11-25"), ("25.11.1970", "1970-11-25"),
    ("25 Nov 1970", "1970-11-25"), ("25 November 1970", "1970-11-25"), ("1970-11-25", "1970-11-25"),
    ("5/1/70", "1970-01-05"), ("29/02/2024", "2024-02-29"), ("1 sept 2026", "2026-09-01"),
    ("today", "2026-11-25"), ("tomorrow", "2026-11-26"), ("25/11/26", "2026-11-25"),
  ])
  func parsesCommonForms(_ text: String, _ iso: String) {
    #expect(UKDateParser.parse(text, today: "2026-11-25") == .date(iso))
  }

  @Test func twoDigitYearsFollowTheQuestion() {
    #expect(UKDateParser.parse("26/11/26", today: "2026-11-25", range: .past) == .date("1926-11-26"))
    #expect(UKDateParser.parse("14/1/27", today: "2026-11-25", range: .future) == .date("2027-01-14"))
    #expect(UKDateParser.parse("1/1/26", today: "2026-11-25", range: .future) == .date("2126-01-01"))
    #expect(UKDateParser.parse("5/1/70", today: "2026-11-25", range: .past) == .date("1970-01-05"))
  }

  @Test(arguments: [
    ("31/02/1990", "has no day 31"), ("29/02/2023", "has no day 29"), ("1/13/1990", "no month 13"),
    ("hello", "not a date"), ("25 Novembre 1970", "not a date"), ("0/1/2000", "has no day 0"),
  ])
  func rejectsImpossibleDatesWithTheReason(_ text: String, _ reason: String) {
    guard case .invalid(let message) = UKDateParser.parse(text, today: "2026-11-25") else {
      Issue.record("accepted \(text)")
      return
    }
    #expect(message.contains(reason))
  }

  @Test func calendarArithmeticCrossesLeapYears() {
    #expect(CalendarDate.days(from: "2024-02-28", to: "2024-03-01") == 2)
    #expect(CalendarDate.days(from: "2026-11-25", to: "2027-01-14") == 50)
    #expect(CalendarDate.wholeYears(from: "1970-11-26", to: "2026-11-25") == 55)
    #expect(CalendarDate.wholeYears(from: "1970-11-25", to: "2026-11-25") == 56)
    #expect(CalendarDate.adding(days: -7, to: "2027-01-03") == "2026-12-27")
  }
}
