/// The kind of answer a question takes.
public enum QuestionKind: String, Codable, Sendable, CaseIterable {
  /// One of a list of choices, by number or by the start of its word.
  case singleChoice = "single_choice"
  /// Any number of choices, separated by commas or spaces.
  case multipleChoice = "multiple_choice"
  /// Yes or no, with common synonyms.
  case yesNo = "yes_no"
  /// Free text, possibly with a format (NHS number, postcode, phone).
  case text
  /// A calendar date in a common UK form, stored as ISO 8601.
  case date
  /// A whole number within limits.
  case number
}
