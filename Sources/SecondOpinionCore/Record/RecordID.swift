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
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
  }

  /// The time as an ISO 8601 string in UTC.
  public static func iso8601(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle())
  }

  /// Reads an ISO 8601 time with its zone (`2026-11-25T10:00:00Z`,
  /// `2026-11-25T10:00:00.250+01:00`); nil for anything else.
  public static func date(fromISO8601 text: String) -> Date? {
    (try? Date(text, strategy: Date.ISO8601FormatStyle()))
      ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
  }

  /// Whether a string has the shape of an id, `SO-` + 8 digits + `T` + 6
  /// digits + `Z-` + 8 of 0-9 and A-Z (used before using one in a path).
  public static func isValid(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    let shape = Array("SO-ddddddddTddddddZ-xxxxxxxx".utf8)
    guard bytes.count == shape.count else { return false }
    return zip(bytes, shape).allSatisfy { byte, kind in
      switch kind {
      case UInt8(ascii: "d"): return (0x30...0x39).contains(byte)
      case UInt8(ascii: "x"): return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
      default: return byte == kind
      }
    }
  }
}
