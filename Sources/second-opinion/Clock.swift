import Foundation
import SecondOpinionCore

/// The clock and id source. `--now` or `$SECOND_OPINION_NOW` (ISO 8601) fixes
/// the time and makes ids deterministic, for tests and golden files.
struct Clock {
  let now: Date
  let fixed: Bool

  init(fixed text: String?) throws {
    let value = text ?? ProcessInfo.processInfo.environment["SECOND_OPINION_NOW"]
    guard let value, !value.isEmpty else {
      now = Date()
      fixed = false
      return
    }
    guard let date = RecordID.date(fromISO8601: value) else {
      Diagnostics.error("--now / SECOND_OPINION_NOW must be an ISO 8601 time like 2026-11-25T10:00:00Z, not \(value)")
      throw ExitStatus.usage
    }
    now = date
    fixed = true
  }

  var today: String { CalendarDate.iso(now) }
  var iso: String { RecordID.iso8601(now) }

  func recordID() -> String {
    RecordID.make(at: now, random: fixed ? 0 : UInt64.random(in: 0...UInt64.max))
  }
}
