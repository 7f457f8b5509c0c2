import Foundation
import SecondOpinionCore

/// Prints a record's instants for people: the local date and time in the
/// letter's zone (seeds/letter.yaml `clock`, Europe/London), with the zone's
/// name for that instant ("1 December 2026, 10:30 GMT", "1 June 2026,
/// 11:30 BST"). The record and the FHIR export keep the ISO 8601 instant.
public struct LetterClock: Sendable {
  /// The zone and its names.
  public var clock: LetterLayout.Clock

  /// A clock for a layout's zone.
  public init(_ clock: LetterLayout.Clock) { self.clock = clock }

  /// The instant `iso` (ISO 8601, e.g. `2026-11-25T10:00:00Z`) in local time
  /// with the zone's name; the text itself when it is not an instant; the
  /// date alone (in words) when it has no time.
  public func text(_ iso: String) -> String {
    guard let date = Self.instant(iso), let zone = TimeZone(identifier: clock.zone) else {
      return iso.count == 10 ? CalendarDate.long(iso) : iso
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour,
      let minute = parts.minute
    else { return iso }
    let name = zone.isDaylightSavingTime(for: date) ? clock.daylight : clock.standard
    let time = String(format: "%02d:%02d", hour, minute)
    return "\(CalendarDate.long(CalendarDate.iso(year: year, month: month, day: day))), \(time) \(name)"
  }

  /// The local calendar date (ISO 8601) of the instant `iso`, if it is one.
  public func localDate(_ iso: String) -> String? {
    guard let date = Self.instant(iso), let zone = TimeZone(identifier: clock.zone) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
    return CalendarDate.iso(year: year, month: month, day: day)
  }

  private static func instant(_ iso: String) -> Date? { RecordID.date(fromISO8601: iso) }
}
