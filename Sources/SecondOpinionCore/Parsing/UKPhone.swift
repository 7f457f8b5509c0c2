/// UK telephone numbers: checked for shape and stored as digits, starting 0.
public enum UKPhone {
  /// Normalises a phone number (spaces, hyphens, brackets and +44 allowed),
  /// or returns nil when it is not the shape of a UK number.
  public static func normalise(_ text: String) -> String? {
    var compact = text.filter { !" -()".contains($0) }
    if compact.hasPrefix("+44") {
      compact = "0" + compact.dropFirst(3).drop { $0 == "0" }
    } else if compact.hasPrefix("0044") {
      compact = "0" + compact.dropFirst(4).drop { $0 == "0" }
    }
    guard compact.allSatisfy({ $0.isASCII && $0.isNumber }), compact.hasPrefix("0"),
      !compact.hasPrefix("00")
    else { return nil }
    // UK numbers are 10 or 11 digits with the leading 0 (a few 01 numbers have 10).
    guard compact.count == 11 || (compact.count == 10 && compact.hasPrefix("01")) else { return nil }
    return compact
  }

  /// Groups digits for reading: 07700 900123, 020 7946 0000, 0113 496 0000.
  public static func display(_ digits: String) -> String {
    let c = Array(digits)
    guard c.count == 11 else { return digits }
    if digits.hasPrefix("02") { return String(c[0..<3]) + " " + String(c[3..<7]) + " " + String(c[7...]) }
    if digits.hasPrefix("011") || digits.hasPrefix("01") && c[3] == "1" {
      return String(c[0..<4]) + " " + String(c[4..<7]) + " " + String(c[7...])
    }
    return String(c[0..<5]) + " " + String(c[5...])
  }
}
