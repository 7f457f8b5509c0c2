/// UK postcodes: checked for shape and stored upper case with one space.
public enum UKPostcode {
  /// Normalises a postcode, or returns nil when its shape is not a UK postcode.
  public static func normalise(_ text: String) -> String? {
    PrintableASCII.withBytes(text, normaliseASCII) ?? normaliseCharacters(text)
  }

  /// `normalise` on characters, for any text.
  static func normaliseCharacters(_ text: String) -> String? {
    let compact = text.uppercased().filter { $0 != " " }
    guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    else { return nil }
    let inward = compact.suffix(3)
    let outward = compact.dropLast(3)
    let i = Array(inward)
    guard i[0].isNumber, i[1].isLetter, i[2].isLetter else { return nil }
    // Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
    let shape = String(outward.map { $0.isLetter ? "A" : "9" })
    guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { return nil }
    return String(outward) + " " + String(inward)
  }

  /// `normalise` for printable ASCII, on bytes.
  private static func normaliseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var compact: [UInt8] = []
    compact.reserveCapacity(8)
    for byte in bytes where byte != UInt8(ascii: " ") {
      guard PrintableASCII.isLetter(byte) || PrintableASCII.isDigit(byte), compact.count < 7 else { return nil }
      compact.append(PrintableASCII.upper(byte))
    }
    guard compact.count >= 5 else { return nil }
    let split = compact.count - 3
    guard PrintableASCII.isDigit(compact[split]), PrintableASCII.isLetter(compact[split + 1]),
      PrintableASCII.isLetter(compact[split + 2])
    else { return nil }
    // Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
    var shape: [UInt8] = []
    for byte in compact[..<split] { shape.append(PrintableASCII.isLetter(byte) ? 0x41 : 0x39) }
    guard Self.shapes.contains(shape) else { return nil }
    return PrintableASCII.string(compact[..<split]) + " " + PrintableASCII.string(compact[split...])
  }

  private static let shapes: [[UInt8]] = ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].map { Array($0.utf8) }
}
