import Foundation

/// UTC dates and times by integer arithmetic (days from 1970-01-01, after
/// Howard Hinnant's `days_from_civil` and `civil_from_days`), without
/// Foundation's `Calendar` or `ISO8601DateFormatter`, which load ICU's
/// time-zone and locale data (about 4 to 5 MiB and 3 ms each).
///
/// The results are those of Foundation's Gregorian calendar in UTC. That
/// calendar is Julian before 15 October 1582, so every function here answers
/// only for the years 1583 to 9999 and returns nil outside them; callers fall
/// back to Foundation there.
public enum ISODate {
  /// The first year handled here (the Gregorian calendar throughout).
  public static let firstYear = 1583
  /// The last year handled here.
  public static let lastYear = 9999

  /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
  public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date of a number of days from 1970-01-01.
  public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day)
  }

  /// The UTC parts of an instant (seconds rounded down), or nil outside the
  /// years 1583 to 9999.
  public static func parts(_ date: Date)
    -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)?
  {
    let interval = date.timeIntervalSince1970.rounded(.down)
    // 1583-01-01 and 10000-01-01, in seconds from 1970.
    guard interval >= -12_212_553_600, interval < 253_402_300_800 else { return nil }
    let seconds = Int(interval)
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let time = seconds - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    return (year, month, day, time / 3600, time / 60 % 60, time % 60)
  }

  /// The instant at a UTC time of the years 1583 to 9999; nil for any part
  /// out of range.
  public static func instant(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0)
    -> Date?
  {
    guard let days = days(year: year, month: month, day: day), (0...23).contains(hour),
      (0...59).contains(minute), (0...59).contains(second)
    else { return nil }
    return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
  }

  /// `yyyy-mm-dd` of an instant in UTC, or nil outside the years 1583 to 9999.
  public static func iso(_ date: Date) -> String? {
    guard let p = parts(date) else { return nil }
    var text = ""
    text.reserveCapacity(10)
    append(p.year, width: 4, to: &text)
    text.append("-")
    append(p.month, width: 2, to: &text)
    text.append("-")
    append(p.day, width: 2, to: &text)
    return text
  }

  /// `yyyy-MM-ddTHH:mm:ssZ` of an instant in UTC (as `ISO8601DateFormatter`
  /// with `.withInternetDateTime` writes it), or nil outside 1583 to 9999.
  public static func internetDateTime(_ date: Date) -> String? {
    // The formatter (CFDateFormatter, then ICU) rounds to the nearest
    // millisecond before it takes the second: the same here.
    let milliseconds = ((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down)
    guard let p = parts(Date(timeIntervalSince1970: (milliseconds / 1000).rounded(.down))) else { return nil }
    var text = ""
    text.reserveCapacity(20)
    append(p.year, width: 4, to: &text)
    text.append("-")
    append(p.month, width: 2, to: &text)
    text.append("-")
    append(p.day, width: 2, to: &text)
    text.append("T")
    append(p.hour, width: 2, to: &text)
    text.append(":")
    append(p.minute, width: 2, to: &text)
    text.append(":")
    append(p.second, width: 2, to: &text)
    text.append("Z")
    return text
  }

  /// `yyyyMMddTHHmmssZ` of an instant in UTC, or nil outside 1583 to 9999.
  public static func compact(_ date: Date) -> String? {
    guard let p = parts(date) else { return nil }
    var text = ""
    text.reserveCapacity(16)
    append(p.year, width: 4, to: &text)
    append(p.month, width: 2, to: &text)
    append(p.day, width: 2, to: &text)
    text.append("T")
    append(p.hour, width: 2, to: &text)
    append(p.minute, width: 2, to: &text)
    append(p.second, width: 2, to: &text)
    text.append("Z")
    return text
  }

  /// Reads exactly `yyyy-MM-ddTHH:mm:ssZ` (a real UTC time of the years 1583
  /// to 9999); nil for anything else, which callers hand to Foundation.
  public static func parseInternetDateTime(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      bytes[19] == UInt8(ascii: "Z"), let year = number(bytes, 0, 4), let month = number(bytes, 5, 2),
      let day = number(bytes, 8, 2), let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
      let second = number(bytes, 17, 2)
    else { return nil }
    return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
  }

  /// The parts of `yyyy-mm-dd` when it is a real date of the years 1583 to 9999.
  public static func components(_ iso: String) -> (year: Int, month: Int, day: Int)? {
    var iso = iso
    return iso.withUTF8 { bytes -> (year: Int, month: Int, day: Int)? in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
        let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
        self.days(year: year, month: month, day: day) != nil
      else { return nil }
      return (year, month, day)
    }
  }

  /// Days from one `yyyy-mm-dd` to another (negative when `to` is earlier),
  /// or nil unless both are real dates of the years 1583 to 9999.
  public static func days(from: String, to: String) -> Int? {
    guard let start = components(from), let end = components(to) else { return nil }
    return daysFromCivil(year: end.year, month: end.month, day: end.day)
      - daysFromCivil(year: start.year, month: start.month, day: start.day)
  }

  /// Whole years from one `yyyy-mm-dd` to another (an age; negative when `to`
  /// is earlier), or nil unless both are real dates of the years 1583 to 9999.
  /// A year from 29 February ends on 28 February, as in Foundation.
  public static func wholeYears(from: String, to: String) -> Int? {
    guard let start = components(from), let end = components(to) else { return nil }
    var years = end.year - start.year
    if years > 0 {
      // Not yet a whole year when the start's anniversary in the end year (29
      // February becoming 28 February) is after the end.
      if (end.month, end.day) < anniversary(start, in: end.year) { years -= 1 }
    } else if years < 0 {
      if (end.month, end.day) > anniversary(start, in: end.year) { years += 1 }
    }
    return years
  }

  /// The `yyyy-mm-dd` a number of days after another, or nil unless both are
  /// in the years 1583 to 9999.
  public static func adding(days: Int, to iso: String) -> String? {
    guard (-3_700_000...3_700_000).contains(days), let start = components(iso) else { return nil }
    let end = civil(fromDays: daysFromCivil(year: start.year, month: start.month, day: start.day) + days)
    guard (firstYear...lastYear).contains(end.year) else { return nil }
    var text = ""
    text.reserveCapacity(10)
    append(end.year, width: 4, to: &text)
    text.append("-")
    append(end.month, width: 2, to: &text)
    text.append("-")
    append(end.day, width: 2, to: &text)
    return text
  }

  /// Days from 1970 when the date is real and in the years 1583 to 9999.
  private static func days(year: Int, month: Int, day: Int) -> Int? {
    guard (firstYear...lastYear).contains(year), (1...12).contains(month), day >= 1,
      day <= daysIn(month: month, year: year)
    else { return nil }
    return daysFromCivil(year: year, month: month, day: day)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The month and day of a date's anniversary in a year.
  private static func anniversary(_ date: (year: Int, month: Int, day: Int), in year: Int) -> (Int, Int) {
    (date.month, min(date.day, daysIn(month: date.month, year: year)))
  }

  private static func number<C: RandomAccessCollection>(_ bytes: C, _ start: Int, _ count: Int) -> Int?
  where C.Element == UInt8, C.Index == Int {
    var value = 0
    for index in start..<start + count {
      let byte = bytes[bytes.startIndex + index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func append(_ value: Int, width: Int, to text: inout String) {
    let digits = String(value)
    if digits.utf8.count < width { text.append(String(repeating: "0", count: width - digits.utf8.count)) }
    text.append(digits)
  }
}
