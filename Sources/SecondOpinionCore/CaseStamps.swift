import Foundation
import Synchronization

/// The record id and time a case's record gets, by the case's day: a case
/// runs at 10:00 UTC on its day with the random part of its id 0, so every case
/// of a day gets the same two strings, made once here.
final class CaseStamps: Sendable {
  private let known = Mutex<[String: (id: String, createdAt: String)]>([:])

  /// The id and the time for a case run on `today` (ISO).
  func stamps(for today: String) -> (id: String, createdAt: String) {
    if let stamps = known.withLock({ $0[today] }) { return stamps }
    let date = CaseRunner.instant(for: today)
    let stamps = (RecordID.make(at: date, random: 0), RecordID.iso8601(date))
    known.withLock { $0[today] = stamps }
    return stamps
  }
}
