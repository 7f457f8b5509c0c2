import Foundation
import SecondOpinionCore
import SecondOpinionStorage

/// The clock and id source. `--now` or `$SECOND_OPINION_NOW` (ISO 8601) fixes
/// the time and makes ids deterministic, for tests and golden files.
struct Clock {
  let now: Date
  let fixed: Bool

  init(fixed text: String?) throws {
    let value = text ?? ProcessEnvironment.value("SECOND_OPINION_NOW")
    guard let value, !value.isEmpty else {
      now = Date()
      fixed = false
      return
    }
    // The usual `yyyy-MM-ddTHH:mm:ssZ` without ICU; any other form as before.
    guard let date = ISODate.parseInternetDateTime(value) ?? ISO8601DateFormatter().date(from: value) else {
      Diagnostics.error("--now / SECOND_OPINION_NOW must be an ISO 8601 time like 2026-11-25T10:00:00Z, not \(value)")
      throw ExitStatus.usage
    }
    now = date
    fixed = true
  }

  var today: String { ISODate.iso(now) ?? CalendarDate.iso(now) }
  var iso: String { RecordID.iso8601(now) }

  func recordID() -> String {
    RecordID.make(at: now, random: fixed ? 0 : UInt64.random(in: 0...UInt64.max))
  }
}
