/// Which dates a date question accepts, relative to today.
public enum DateRange: String, Codable, Sendable {
  /// Today or earlier (a date of birth, when a diagnosis was given).
  case past
  /// Today or later (a planned treatment date).
  case future
  /// Any real date.
  case any
}
