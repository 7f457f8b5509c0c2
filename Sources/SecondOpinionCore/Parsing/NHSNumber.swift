/// NHS numbers: ten digits, the last a Modulus 11 check digit.
public enum NHSNumber {
  /// The outcome of checking an NHS number.
  public enum Outcome: Equatable, Sendable {
    /// Valid; the ten digits with no spaces.
    case valid(String)
    /// Invalid, with the reason (worded by the seeds).
    case invalid(InterfaceReason)
  }

  /// Checks a typed NHS number; spaces and hyphens are allowed between digits.
  public static func check(_ text: String) -> Outcome {
    let compact = text.filter { $0 != " " && $0 != "-" }
    guard compact.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return .invalid(InterfaceReason(.reasonNHSDigitsOnly))
    }
    guard compact.count == 10 else {
      return .invalid(InterfaceReason(.reasonNHSTenDigits, ["count": "\(compact.count)"]))
    }
    let digits = compact.compactMap { $0.wholeNumberValue }
    let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
    var check = 11 - sum % 11
    if check == 11 { check = 0 }
    guard check != 10, check == digits[9] else {
      return .invalid(InterfaceReason(.reasonNHSCheckDigit))
    }
    return .valid(compact)
  }

  /// Formats ten digits as 3-3-4 for reading ("943 476 5919").
  public static func display(_ digits: String) -> String {
    guard digits.count == 10 else { return digits }
    let chars = Array(digits)
    return String(chars[0..<3]) + " " + String(chars[3..<6]) + " " + String(chars[6..<10])
  }
}
