/// UK postcodes: checked for shape and stored upper case with one space.
public enum UKPostcode {
  /// Normalises a postcode, or returns nil when its shape is not a UK postcode.
  public static func normalise(_ text: String) -> String? {
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
}
