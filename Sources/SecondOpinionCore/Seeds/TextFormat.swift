/// A checked shape for a free-text answer.
public enum TextFormat: String, Codable, Sendable {
  /// Any printable text within the length limit.
  case plain
  /// A person's name: letters, spaces, hyphens and apostrophes.
  case name
  /// An NHS number: 10 digits with a Modulus 11 check digit.
  case nhsNumber = "nhs_number"
  /// A UK postcode, stored in upper case with one space.
  case postcode
  /// A UK telephone number, stored as digits with a leading 0 or +44.
  case phone
}
