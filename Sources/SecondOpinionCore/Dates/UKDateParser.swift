import Foundation

/// Parses dates in the forms people in the UK type: 25/11/1970, 25-11-1970,
/// 25.11.70, 25 Nov 1970, 25 November 1970, 1970-11-25, and today/tomorrow.
public enum UKDateParser {
  /// Full month names, January first.
  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// The outcome of parsing a date.
  public enum Outcome: Equatable, Sendable {
    /// A real date, ISO 8601.
    case date(String)
    /// Not a date, with the reason in words.
    case invalid(String)
  }

  /// Parses `text`, using `today` (ISO) for two-digit years and relative words.
  /// A two-digit year is read as the nearest fitting century: for `.past` the
  /// latest such date not after today, for `.future` the earliest not before
  /// today, otherwise no more than 20 years ahead.
  public static func parse(_ text: String, today: String, range: DateRange = .any) -> Outcome {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard let now = CalendarDate.components(today) else { return .invalid("today's date is not set") }
    if trimmed == "today" { return .date(today) }
    if trimmed == "tomorrow", let next = CalendarDate.adding(days: 1, to: today) { return .date(next) }
    if trimmed == "yesterday", let last = CalendarDate.adding(days: -1, to: today) { return .date(last) }
    let tokens = trimmed.split(whereSeparator: { " /-.,".contains($0) }).map(String.init)
    guard tokens.count == 3 else {
      return .invalid("that is not a date in a form I know")
    }
    var day: Int?
    var month: Int?
    var year: Int?
    var twoDigitYear = false
    if tokens[0].count == 4, let y = Int(tokens[0]) {
      year = y
      month = Int(tokens[1])
      day = Int(tokens[2])
    } else {
      day = Int(tokens[0])
      month = Int(tokens[1]) ?? monthNumber(tokens[1])
      if let y = Int(tokens[2]) {
        if tokens[2].count == 4 {
          year = y
        } else if tokens[2].count == 2 {
          year = now.year / 100 * 100 + y
          twoDigitYear = true
        }
      }
    }
    guard let d = day, let m = month, let parsedYear = year else {
      return .invalid("that is not a date in a form I know")
    }
    guard (1...12).contains(m) else { return .invalid("there is no month \(m)") }
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
      return .invalid("\(monthNames[m - 1]) \(y) has no day \(d)")
    }
    return .date(CalendarDate.iso(year: y, month: m, day: d))
  }

  private static func monthNumber(_ word: String) -> Int? {
    guard word.count >= 3 else { return nil }
    let index = monthNames.firstIndex { $0.lowercased().hasPrefix(word) }
    if let index { return index + 1 }
    if word == "sept" { return 9 }
    return nil
  }
}
