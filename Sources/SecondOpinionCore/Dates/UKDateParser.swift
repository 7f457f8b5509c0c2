import Foundation

/// Parses dates in the forms people in the UK type: 25/11/1970, 25-11-1970,
/// 25.11.70, 25 Nov 1970, 25 November 1970, 1970-11-25, ordinals (3rd March
/// 1952, March 3rd 1952, the 3rd of March 1952), a day and month without the
/// year (22 Dec), partial dates (March 2019, Nov 2025, 03/2019, 2019-03, 2019)
/// and today/tomorrow. The words (months, ordinal endings, fillers, relative
/// days) come from the seeds (`DateWords`); misspelt month names one edit away
/// are read when only one month is that near.
public enum UKDateParser {
  /// The outcome of parsing a date.
  public enum Outcome: Equatable, Sendable {
    /// A date, ISO 8601 with the precision typed: `2019`, `2019-03` or
    /// `2019-03-03` (a year left out is filled in only as `DatePrecision.day`
    /// says).
    case date(String)
    /// A real date, but less precise than the question takes; the reason
    /// says what is missing.
    case incomplete(InterfaceReason)
    /// Not a date, with the reason (worded by the seeds).
    case invalid(InterfaceReason)
  }

  /// A token of a typed date.
  private enum Token {
    case number(Int, digits: Int, ordinal: Bool)
    case month(Int)
  }

  /// Parses `text`, using `today` (ISO) for two-digit years, a missing year
  /// and relative words.
  /// - Parameters:
  ///   - range: the question's direction. A two-digit year is read as the
  ///     nearest fitting century: for `.past` the latest such date not after
  ///     today, for `.future` the earliest not before today, otherwise no more
  ///     than 20 years ahead. A day and month without a year is the last such
  ///     day up to today (`.past`) or the next from today (`.future`); with
  ///     `.any` it is refused as ambiguous.
  ///   - precision: the least precise date accepted; a less precise answer is
  ///     `.incomplete`, never filled in.
  ///   - words: the seeds' date words.
  public static func parse(
    _ text: String, today: String, range: DateRange = .any, precision: DatePrecision = .day,
    words: DateWords
  ) -> Outcome {
    let folded = AnswerWords.fold(text)
    guard let now = CalendarDate.components(today) else { return .invalid(InterfaceReason(.reasonDateNoToday)) }
    if let offset = words.relativeDays[folded] {
      if let day = CalendarDate.adding(days: offset, to: today) { return .date(day) }
      return .invalid(InterfaceReason(.reasonDateOutsideCalendar))
    }
    var tokens: [Token] = []
    for raw in folded.split(whereSeparator: { " /-.,".contains($0) }).map(String.init) {
      if words.fillers.contains(raw) { continue }
      switch token(raw, words) {
      case .success(let token): tokens.append(token)
      case .failure(let reason): return .invalid(reason.reason)
      }
    }
    let unknownForm = InterfaceReason(.reasonDateUnknownForm)
    var day: Int?
    var month: Int?
    var year: Int?
    var twoDigitYear = false
    func readYear(_ value: Int, _ digits: Int) -> Bool {
      if digits == 4 {
        year = value
      } else if digits == 2 {
        year = now.year / 100 * 100 + value
        twoDigitYear = true
      } else {
        return false
      }
      return true
    }
    switch tokens.count {
    case 3:
      switch (tokens[0], tokens[1], tokens[2]) {
      case (.number(let y, 4, false), .number(let m, let md, false), .number(let d, let dd, _))
      where md <= 2 && dd <= 2:
        (year, month, day) = (y, m, d)
      case (.number(let d, let dd, _), .number(let m, let md, false), .number(let y, let yd, false))
      where dd <= 2 && md <= 2:
        (day, month) = (d, m)
        guard readYear(y, yd) else { return .invalid(unknownForm) }
      case (.number(let d, let dd, _), .month(let m), .number(let y, let yd, false)) where dd <= 2:
        (day, month) = (d, m)
        guard readYear(y, yd) else { return .invalid(unknownForm) }
      case (.month(let m), .number(let d, let dd, _), .number(let y, let yd, false)) where dd <= 2:
        (day, month) = (d, m)
        guard readYear(y, yd) else { return .invalid(unknownForm) }
      default: return .invalid(unknownForm)
      }
    case 2:
      switch (tokens[0], tokens[1]) {
      case (.month(let m), .number(let y, 4, false)), (.number(let m, 1...2, false), .number(let y, 4, false)),
        (.number(let y, 4, false), .number(let m, 1...2, false)), (.number(let y, 4, false), .month(let m)):
        return partial(year: y, month: m, range: range, precision: precision, today: today, words: words)
      case (.number(let d, 1...2, _), .month(let m)), (.month(let m), .number(let d, 1...2, _)),
        (.number(let d, 1...2, _), .number(let m, 1...2, false)):
        return yearless(day: d, month: m, range: range, precision: precision, today: today, words: words)
      default: return .invalid(unknownForm)
      }
    case 1:
      switch tokens[0] {
      case .number(let y, 4, false):
        return partial(year: y, month: nil, range: range, precision: precision, today: today, words: words)
      case .month(let m):
        let key: InterfaceWording =
          precision == .month || precision == .year ? .reasonDateMonthNeedsYear : .reasonDateMonthNeedsYearAndDay
        return .incomplete(InterfaceReason(key, ["month": words.name(of: m)]))
      default: return .invalid(unknownForm)
      }
    default: return .invalid(unknownForm)
    }
    guard let d = day, let m = month, let parsedYear = year else { return .invalid(unknownForm) }
    guard (1...12).contains(m) else { return .invalid(InterfaceReason(.reasonDateNoMonth, ["month": "\(m)"])) }
    var y = parsedYear
    if twoDigitYear {
      let candidate = CalendarDate.iso(year: y, month: m, day: min(d, 28))
      switch range {
      case .past where candidate > today: y -= 100
      case .future where candidate < today: y += 100
      case .any where y > now.year + 20: y -= 100
      default: break
      }
    }
    guard CalendarDate.isReal(year: y, month: m, day: d) else {
      return .invalid(
        InterfaceReason(.reasonDateNoDayInYear, ["month": words.name(of: m), "year": "\(y)", "day": "\(d)"]))
    }
    return .date(CalendarDate.iso(year: y, month: m, day: d))
  }

  /// A reason a word cannot be read, as an `Error` for `Result`.
  private struct Reason: Error { var reason: InterfaceReason }

  /// Reads one token: a number (with an ordinal ending where it has one) or a
  /// month's name.
  private static func token(_ raw: String, _ words: DateWords) -> Result<Token, Reason> {
    if raw.allSatisfy(\.isASCIIDigit) {
      guard raw.count <= 4, let value = Int(raw) else {
        return .failure(Reason(reason: InterfaceReason(.reasonDateTooLong, ["word": raw])))
      }
      return .success(.number(value, digits: raw.count, ordinal: false))
    }
    for suffix in words.ordinalSuffixes where raw.hasSuffix(suffix) {
      let digits = raw.dropLast(suffix.count)
      if !digits.isEmpty, digits.count <= 2, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) {
        return .success(.number(value, digits: digits.count, ordinal: true))
      }
    }
    switch words.month(raw) {
    case .month(let m)?: return .success(.month(m))
    case .ambiguous(let months)?:
      let names = months.map { words.name(of: $0) }
      return .failure(
        Reason(
          reason: InterfaceReason(
            .reasonDateAmbiguousMonth,
            ["word": raw, "months": names.dropLast().joined(separator: ", "), "last": names.last ?? ""])))
    case nil:
      return .failure(Reason(reason: InterfaceReason(.reasonDateUnknownWord, ["word": raw])))
    }
  }

  /// A month and year, or a year alone, kept at that precision.
  private static func partial(
    year: Int, month: Int?, range: DateRange, precision: DatePrecision, today: String, words: DateWords
  ) -> Outcome {
    guard (1...9999).contains(year) else { return .invalid(InterfaceReason(.reasonDateNoYear, ["year": "\(year)"])) }
    guard let month else {
      switch precision {
      case .year: return .date(String(format: "%04d", year))
      case .month: return .incomplete(InterfaceReason(.reasonDateMonthNeeded, ["year": "\(year)"]))
      case .day, .full: return .incomplete(InterfaceReason(.reasonDateDayMonthNeeded, ["year": "\(year)"]))
      }
    }
    guard (1...12).contains(month) else {
      return .invalid(InterfaceReason(.reasonDateNoMonth, ["month": "\(month)"]))
    }
    switch precision {
    case .month, .year: return .date(String(format: "%04d-%02d", year, month))
    case .day, .full:
      return .incomplete(InterfaceReason(.reasonDateDayNeeded, ["month": words.name(of: month), "year": "\(year)"]))
    }
  }

  /// A day and month without a year: the last one up to today for a past
  /// date, the next one from today for a future date.
  private static func yearless(
    day: Int, month: Int, range: DateRange, precision: DatePrecision, today: String, words: DateWords
  ) -> Outcome {
    guard (1...12).contains(month) else {
      return .invalid(InterfaceReason(.reasonDateNoMonth, ["month": "\(month)"]))
    }
    let values = ["month": words.name(of: month), "day": "\(day)"]
    // 2000 was a leap year: a day no year has is refused at once.
    guard CalendarDate.isReal(year: 2000, month: month, day: day) else {
      return .invalid(InterfaceReason(.reasonDateNoDay, values))
    }
    if precision == .full { return .incomplete(InterfaceReason(.reasonDateYearNeededBirth, values)) }
    guard let now = CalendarDate.components(today), range != .any else {
      return .incomplete(InterfaceReason(.reasonDateYearNeeded, values))
    }
    let step = range == .past ? -1 : 1
    var year = now.year
    // Eight years reach the next 29 February.
    for _ in 0..<9 {
      if CalendarDate.isReal(year: year, month: month, day: day) {
        let iso = CalendarDate.iso(year: year, month: month, day: day)
        if range == .past ? iso <= today : iso >= today { return .date(iso) }
      }
      year += step
    }
    return .invalid(InterfaceReason(.reasonDateNoDay, values))
  }
}

extension Character {
  /// An ASCII digit, 0 to 9 (not other scripts' digits).
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }
}
