import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("UK dates")
struct UKDateParserTests {
  /// The seeds' date words (month names, ordinal endings, fillers, relative days).
  static let words = TestSeeds.bundle.interview.answerWords.dates
  static let today = "2026-11-25"

  func parse(_ text: String, range: DateRange = .any, precision: DatePrecision = .day) -> UKDateParser.Outcome {
    UKDateParser.parse(text, today: Self.today, range: range, precision: precision, words: Self.words)
  }

  /// Real-world phrasings of a full date, each labelled with the form it is.
  static let fullDates: [(label: String, typed: String, iso: String)] = [
    ("slashes", "25/11/1970", "1970-11-25"), ("hyphens", "25-11-1970", "1970-11-25"),
    ("dots", "25.11.1970", "1970-11-25"), ("short month", "25 Nov 1970", "1970-11-25"),
    ("full month", "25 November 1970", "1970-11-25"), ("ISO", "1970-11-25", "1970-11-25"),
    ("two-digit year", "5/1/70", "1970-01-05"), ("leap day", "29/02/2024", "2024-02-29"),
    ("sept", "1 sept 2026", "2026-09-01"), ("today", "today", "2026-11-25"), ("tomorrow", "tomorrow", "2026-11-26"),
    ("yesterday", "Yesterday", "2026-11-24"), ("two-digit this year", "25/11/26", "2026-11-25"),
    ("ordinal first", "3rd March 1952", "1952-03-03"), ("ordinal after month", "March 3rd 1952", "1952-03-03"),
    ("the ordinal of", "the 3rd of March 1952", "1952-03-03"), ("ordinal with comma", "March 3rd, 1952", "1952-03-03"),
    ("1st", "1st January 2000", "2000-01-01"), ("2nd", "2nd Feb 1999", "1999-02-02"),
    ("22nd", "22nd Dec 1980", "1980-12-22"), ("31st", "31st Oct 2001", "2001-10-31"),
    ("upper-case ordinal", "4TH JULY 1976", "1976-07-04"), ("month first, no ordinal", "March 3 1952", "1952-03-03"),
    ("missing letter", "3 Febuary 1990", "1990-02-03"), ("swapped letters", "3 Novmeber 1990", "1990-11-03"),
    ("extra letter", "3 Novembre 1990", "1990-11-03"), ("wrong letter", "3 Septenber 1990", "1990-09-03"),
    ("missing letter, long", "3 Decmber 1990", "1990-12-03"), ("swapped, short month", "3 Agust 1990", "1990-08-03"),
    ("start of a month", "3 janu 1990", "1990-01-03"), ("curly-free trailing stop", "3 March 1952.", "1952-03-03"),
  ]

  @Test(arguments: fullDates.map { ($0.label, $0.typed, $0.iso) })
  func readsFullDates(_ label: String, _ typed: String, _ iso: String) {
    #expect(parse(typed) == .date(iso), "\(label): \(typed)")
  }

  /// Partial dates, at the precision typed, where the question takes them.
  static let partialDates: [(label: String, typed: String, iso: String)] = [
    ("month name and year", "March 2019", "2019-03"), ("short month and year", "Nov 2025", "2025-11"),
    ("numeric month and year", "03/2019", "2019-03"), ("one-digit month", "3/2019", "2019-03"),
    ("ISO month", "2019-03", "2019-03"), ("year first, month name", "2019 March", "2019-03"),
    ("misspelt month and year", "Febuary 2020", "2020-02"), ("year alone", "2019", "2019"),
  ]

  @Test(arguments: partialDates.map { ($0.label, $0.typed, $0.iso) })
  func keepsPartialDatesAtTheirPrecision(_ label: String, _ typed: String, _ iso: String) {
    #expect(parse(typed, range: .past, precision: .year) == .date(iso), "\(label): \(typed)")
    #expect(DatePrecision.of(iso) == (iso.count == 4 ? .year : .month))
  }

  @Test func aPartialDateIsNeverMadeIntoADay() {
    // Where the question needs the day, a month and year is refused, not filled in.
    guard case .incomplete(let reason) = parse("March 2019", range: .past, precision: .day) else {
      Issue.record("March 2019 was accepted as a day")
      return
    }
    #expect(TestSeeds.reason(reason).contains("the day is needed"))
    guard case .incomplete(let year) = parse("2019", range: .past, precision: .month) else {
      Issue.record("2019 was accepted where the month is needed")
      return
    }
    #expect(TestSeeds.reason(year).contains("the month is needed"))
    #expect(parse("Nov 2025", precision: .full) != .date("2025-11"))
  }

  @Test func aDayAndMonthWithoutAYearFollowsTheQuestionsDirection() {
    #expect(parse("22 Dec", range: .past) == .date("2025-12-22"))
    #expect(parse("22 Dec", range: .future) == .date("2026-12-22"))
    #expect(parse("Dec 22nd", range: .future) == .date("2026-12-22"))
    #expect(parse("the 1st of March", range: .past) == .date("2026-03-01"))
    #expect(parse("1 March", range: .future) == .date("2027-03-01"))
    #expect(parse("25 Nov", range: .past) == .date("2026-11-25"))
    #expect(parse("25 Nov", range: .future) == .date("2026-11-25"))
    #expect(parse("22/12", range: .future) == .date("2026-12-22"))
    // 29 February: the last or next year that has one.
    #expect(parse("29 Feb", range: .past) == .date("2024-02-29"))
    #expect(parse("29 Feb", range: .future) == .date("2028-02-29"))
    // Either way round is possible when the question takes any date, and a
    // date of birth needs its year.
    if case .incomplete(let reason) = parse("22 Dec", range: .any) {
      #expect(TestSeeds.reason(reason).contains("year"))
    } else {
      Issue.record("22 Dec accepted with no direction")
    }
    if case .incomplete(let reason) = parse("22 Dec", range: .past, precision: .full) {
      #expect(TestSeeds.reason(reason).contains("year"))
    } else {
      Issue.record("22 Dec accepted as a full date")
    }
  }

  @Test func twoDigitYearsFollowTheQuestion() {
    #expect(parse("26/11/26", range: .past) == .date("1926-11-26"))
    #expect(parse("14/1/27", range: .future) == .date("2027-01-14"))
    #expect(parse("1/1/26", range: .future) == .date("2126-01-01"))
    #expect(parse("5/1/70", range: .past) == .date("1970-01-05"))
  }

  @Test(arguments: [
    ("31/02/1990", "has no day 31"), ("29/02/2023", "has no day 29"), ("1/13/1990", "no month 13"),
    ("hello", "not a month or a number"), ("25 Nobembar 1970", "not a month"), ("0/1/2000", "has no day 0"),
    ("13/2019", "no month 13"), ("2019-13", "no month 13"), ("31 Sept", "has no day 31"),
    ("3 Juny 2019", "could be June or July"), ("3 Marc 1990 1", "not a date"), ("12345", "too long"),
  ])
  func rejectsImpossibleDatesWithTheReason(_ text: String, _ reason: String) {
    switch parse(text, range: .past, precision: .year) {
    case .invalid(let message):
      #expect(TestSeeds.reason(message).contains(reason), "\(text): \(TestSeeds.reason(message))")
    case let other: Issue.record("\(text) gave \(other)")
    }
  }

  @Test func withoutTheSeedsWordsAMonthsNameIsRefusedNotGuessed() {
    let none = DateWords()
    #expect(UKDateParser.parse("25/11/1970", today: Self.today, words: none) == .date("1970-11-25"))
    if case .invalid = UKDateParser.parse("25 Nov 1970", today: Self.today, words: none) {
    } else {
      Issue.record("a month's name was read without the seeds' words")
    }
  }

  @Test func theSeedsMonthsAreCheckedWhenLoaded() {
    #expect(Self.words.problem == nil)
    #expect(DateWords(months: [["january"]]).problem?.contains("not 12") == true)
    var twice = Self.words.months
    twice[1].append("jan")
    #expect(DateWords(months: twice).problem?.contains("names month 1 and month 2") == true)
  }

  @Test func lettersWriteADateAtItsPrecision() {
    #expect(CalendarDate.long("2019-03-03") == "3 March 2019")
    #expect(CalendarDate.long("2019-03") == "March 2019")
    #expect(CalendarDate.long("2019") == "2019")
    #expect(DatePrecision.of("2019-3") == nil)
  }

  @Test func calendarArithmeticCrossesLeapYears() {
    #expect(CalendarDate.days(from: "2024-02-28", to: "2024-03-01") == 2)
    #expect(CalendarDate.days(from: "2026-11-25", to: "2027-01-14") == 50)
    #expect(CalendarDate.wholeYears(from: "1970-11-26", to: "2026-11-25") == 55)
    #expect(CalendarDate.wholeYears(from: "1970-11-25", to: "2026-11-25") == 56)
    #expect(CalendarDate.adding(days: -7, to: "2027-01-03") == "2026-12-27")
    // A partial date is no day: arithmetic on it has no answer (a fact on it is unknown).
    #expect(CalendarDate.days(from: "2026-11-25", to: "2027-01") == nil)
    #expect(CalendarDate.wholeYears(from: "1970", to: "2026-11-25") == nil)
  }
}
