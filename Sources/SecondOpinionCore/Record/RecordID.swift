import Foundation

/// Record ids: collision-free and time-sortable, e.g. `SO-20261125T033549Z-K7F3QX2M`
/// (UTC time to the second, then 40 random bits in Crockford base32).
public enum RecordID {
  private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  /// Makes an id for an instant with the given random bits.
  public static func make(at date: Date, random: UInt64) -> String {
    var suffix = ""
    var bits = random
    for _ in 0..<8 {
      suffix.append(alphabet[Int(bits & 31)])
      bits >>= 5
    }
    return "SO-\(compactTimestamp(date))-\(suffix)"
  }

  /// The time as yyyyMMdd'T'HHmmss'Z' in UTC.
  public static func compactTimestamp(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
  }

  /// The time as an ISO 8601 string in UTC.
  public static func iso8601(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  /// Whether a string has the shape of an id (used before using one in a path).
  public static func isValid(_ id: String) -> Bool {
    id.range(of: #"^SO-[0-9]{8}T[0-9]{6}Z-[0-9A-Z]{8}$"#, options: .regularExpression) != nil
  }
}
