/// UK telephone numbers: checked for shape and stored as digits, starting 0.
public enum UKPhone {
  /// Normalises a phone number (spaces, hyphens, brackets and +44 allowed),
  /// or returns nil when it is not the shape of a UK number.
  public static func normalise(_ text: String) -> String? {
    PrintableASCII.withBytes(text, normaliseASCII) ?? normaliseCharacters(text)
  }

  /// `normalise` on characters, for any text.
  static func normaliseCharacters(_ text: String) -> String? {
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

  /// `normalise` for printable ASCII, on bytes.
  private static func normaliseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var compact: [UInt8] = []
    compact.reserveCapacity(bytes.count + 1)
    for byte in bytes where !(byte == 0x20 || byte == 0x2D || byte == 0x28 || byte == 0x29) { compact.append(byte) }
    func starts(_ prefix: String) -> Bool { compact.starts(with: prefix.utf8) }
    if starts("+44") {
      compact = [0x30] + compact[3...].drop { $0 == 0x30 }
    } else if starts("0044") {
      compact = [0x30] + compact[4...].drop { $0 == 0x30 }
    }
    guard compact.allSatisfy(PrintableASCII.isDigit), starts("0"), !starts("00") else { return nil }
    // UK numbers are 10 or 11 digits with the leading 0 (a few 01 numbers have 10).
    guard compact.count == 11 || (compact.count == 10 && starts("01")) else { return nil }
    return PrintableASCII.string(compact)
  }

  /// Groups digits for reading: 07700 900123, 020 7946 0000, 0113 496 0000.
  public static func display(_ digits: String) -> String {
    let quick = PrintableASCII.withBytes(digits) { c -> String in
      guard c.count == 11 else { return digits }
      let text = { (range: Range<Int>) in PrintableASCII.string(c[range]) }
      // As the general path: "02…"; "011…", or "01…" with a 1 fourth.
      if c[0] == 0x30, c[1] == 0x32 { return text(0..<3) + " " + text(3..<7) + " " + text(7..<11) }
      if c[0] == 0x30, c[1] == 0x31, c[2] == 0x31 || c[3] == 0x31 {
        return text(0..<4) + " " + text(4..<7) + " " + text(7..<11)
      }
      return text(0..<5) + " " + text(5..<11)
    }
    return quick ?? displayCharacters(digits)
  }

  /// `display` on characters, for any text.
  static func displayCharacters(_ digits: String) -> String {
    let c = Array(digits)
    guard c.count == 11 else { return digits }
    if digits.hasPrefix("02") { return String(c[0..<3]) + " " + String(c[3..<7]) + " " + String(c[7...]) }
    if digits.hasPrefix("011") || digits.hasPrefix("01") && c[3] == "1" {
      return String(c[0..<4]) + " " + String(c[4..<7]) + " " + String(c[7...])
    }
    return String(c[0..<5]) + " " + String(c[5...])
  }
}
