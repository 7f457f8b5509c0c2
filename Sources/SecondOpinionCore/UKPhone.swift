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
}
