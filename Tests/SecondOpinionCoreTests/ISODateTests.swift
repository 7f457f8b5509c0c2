import Foundation
import SecondOpinionCore
import Testing

@Suite("Integer dates")
struct ISODateTests {
  static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  static func iso(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }

  /// Dates around leap days, month ends and centuries, and random ones.
  static func dates() -> [(Int, Int, Int)] {
    var generator = SeededGenerator(seed: 11)
    var dates: [(Int, Int, Int)] = []
    for year in [1583, 1600, 1700, 1900, 1999, 2000, 2001, 2024, 2025, 2026, 2027, 2028, 2100, 2400, 9999] {
      for month in 1...12 {
        let last = CalendarDate.daysIn(month: month, year: year)
        for day in [1, 2, 15, last - 1, last] { dates.append((year, month, day)) }
      }
    }
    for _ in 0..<200 {
      let year = Int.random(in: 1583...9999, using: &generator)
      let month = Int.random(in: 1...12, using: &generator)
      dates.append((year, month, Int.random(in: 1...CalendarDate.daysIn(month: month, year: year), using: &generator)))
    }
    return dates
  }

  @Test func dateArithmeticIsFoundationsGregorianCalendar() {
    let dates = Self.dates()
    var generator = SeededGenerator(seed: 12)
    for a in dates {
      let start = Self.calendar.date(from: DateComponents(year: a.0, month: a.1, day: a.2))!
      let from = Self.iso(a.0, a.1, a.2)
      for _ in 0..<25 {
        let b = dates[Int.random(in: 0..<dates.count, using: &generator)]
        let end = Self.calendar.date(from: DateComponents(year: b.0, month: b.1, day: b.2))!
        let to = Self.iso(b.0, b.1, b.2)
        #expect(ISODate.days(from: from, to: to) == Self.calendar.dateComponents([.day], from: start, to: end).day)
        #expect(
          ISODate.wholeYears(from: from, to: to) == Self.calendar.dateComponents([.year], from: start, to: end).year,
          "\(from) to \(to)")
      }
      for days in [-366, -1, 1, 28, 365, 10_000] {
        let expected = Self.calendar.date(byAdding: .day, value: days, to: start).map {
          let p = Self.calendar.dateComponents([.year, .month, .day], from: $0)
          return Self.iso(p.year!, p.month!, p.day!)
        }
        if let sum = ISODate.adding(days: days, to: from) { #expect(sum == expected) }
      }
    }
    #expect(ISODate.wholeYears(from: "2000-02-29", to: "2001-02-28") == 1)
    #expect(ISODate.days(from: "1582-10-15", to: "2026-11-25") == nil)
    #expect(ISODate.components("2026-02-29") == nil && ISODate.components("2026-2-28") == nil)
  }

  @Test func timestampsAreThoseOfTheFormatterAndTheCalendar() {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    var generator = SeededGenerator(seed: 13)
    var instants: [Double] = [0, -0.5, 1_795_000_000.9995, 1_795_000_000.99949, -12_212_553_600, 253_402_300_799.9]
    for _ in 0..<3000 {
      let seconds = Double(Int.random(in: -12_212_553_600...253_402_300_000, using: &generator))
      instants.append(seconds + [0, 0.25, 0.999, 0.9995, 0.99951].randomElement(using: &generator)!)
    }
    for seconds in instants {
      let date = Date(timeIntervalSince1970: seconds)
      let p = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
      let compact = String(
        format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
      #expect(ISODate.compact(date) == compact)
      #expect(ISODate.internetDateTime(date) == formatter.string(from: date), "\(seconds)")
      #expect(ISODate.iso(date) == Self.iso(p.year!, p.month!, p.day!))
      let whole = Date(timeIntervalSince1970: seconds.rounded(.down))
      #expect(ISODate.parseInternetDateTime(formatter.string(from: whole)) == whole)
    }
    #expect(ISODate.compact(Date(timeIntervalSince1970: -12_212_553_601)) == nil)
    #expect(ISODate.parseInternetDateTime("2026-11-25T10:00:00+00:00") == nil)
    #expect(ISODate.parseInternetDateTime("2026-11-25T24:00:00Z") == nil)
    let early = Date(timeIntervalSince1970: -20_000_000_000)
    #expect(RecordID.iso8601(early) == formatter.string(from: early))
  }
}
