import Foundation

/// Calendar arithmetic on ISO 8601 dates (yyyy-mm-dd) in the proleptic
/// Gregorian calendar, free of time zones.
public enum CalendarDate {
  private static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar
  }()

  /// The parts of an ISO date, if it is a real date.
  public static func components(_ iso: String) -> (year: Int, month: Int, day: Int)? {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      isReal(year: year, month: month, day: day)
    else { return nil }
    return (year, month, day)
  }

  /// Whether the day exists in that month and year.
  public static func isReal(year: Int, month: Int, day: Int) -> Bool {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
    return day <= daysIn(month: month, year: year)
  }

  /// The number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Formats parts as an ISO date.
  public static func iso(year: Int, month: Int, day: Int) -> String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// The ISO date of an instant, in UTC.
  public static func iso(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return iso(year: parts.year!, month: parts.month!, day: parts.day!)
  }

  private static func date(_ iso: String) -> Date? {
    guard let parts = components(iso) else { return nil }
    return calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day))
  }

  /// Days from one ISO date to another (negative when `to` is earlier).
  public static func days(from: String, to: String) -> Int? {
    guard let start = date(from), let end = date(to) else { return nil }
    return calendar.dateComponents([.day], from: start, to: end).day
  }

  /// Whole years from one ISO date to another (an age).
  public static func wholeYears(from: String, to: String) -> Int? {
    guard let start = date(from), let end = date(to) else { return nil }
    return calendar.dateComponents([.year], from: start, to: end).year
  }

  /// The ISO date a number of days after another; nil when either is not a
  /// real date of the years 1 to 9999.
  public static func adding(days: Int, to iso: String) -> String? {
    guard (-3_700_000...3_700_000).contains(days), let start = date(iso),
      let end = calendar.date(byAdding: .day, value: days, to: start)
    else { return nil }
    let parts = calendar.dateComponents([.era, .year, .month, .day], from: end)
    guard parts.era == 1, let year = parts.year, let month = parts.month, let day = parts.day,
      isReal(year: year, month: month, day: day)
    else { return nil }
    return self.iso(year: year, month: month, day: day)
  }

  /// The months' names as the clinician-facing letter prints them (the
  /// letters stay in English); what a person may type is in the seeds
  /// (`DateWords`).
  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// A date in figures at its precision, the same in every language:
  /// "25/11/2026", "03/2019" (ISO `2019-03`) or "2019"; anything else as it is.
  public static func numeric(_ iso: String) -> String {
    switch DatePrecision.of(iso) {
    case .day?:
      guard let parts = components(iso) else { return iso }
      return String(format: "%02d/%02d/%04d", parts.day, parts.month, parts.year)
    case .month?:
      guard let month = Int(iso.suffix(2)), (1...12).contains(month) else { return iso }
      return String(format: "%02d/", month) + iso.prefix(4)
    case .year?, .full?, nil:
      return iso
    }
  }

  /// A date written out for a letter at its precision: "25 November 2026",
  /// "March 2019" (ISO `2019-03`) or "2019"; anything else as it is.
  public static func long(_ iso: String) -> String { long(iso, months: monthNames) }

  /// As `long(_:)`, with the months' names given (January first), such as
  /// a language's own (`DateWords.names`).
  public static func long(_ iso: String, months monthNames: [String]) -> String {
    guard monthNames.count == 12 else { return long(iso) }
    switch DatePrecision.of(iso) {
    case .day?:
      guard let parts = components(iso) else { return iso }
      return "\(parts.day) \(monthNames[parts.month - 1]) \(parts.year)"
    case .month?:
      guard let month = Int(iso.suffix(2)), (1...12).contains(month) else { return iso }
      return "\(monthNames[month - 1]) \(iso.prefix(4))"
    case .year?, .full?, nil:
      return iso
    }
  }
}
