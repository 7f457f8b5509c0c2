/// A number derived from an answer, for conditions: days until a date, or
/// whole years since one.
public struct FactDefinition: Codable, Sendable, Equatable {
  /// The fact's name, used by `{fact: NAME, ...}` conditions.
  public var id: String
  /// Days from today until the date answered to this question.
  public var daysUntil: String?
  /// Whole years from the date answered to this question until today.
  public var yearsSince: String?

  /// The question the fact is computed from.
  public var questionID: String { daysUntil ?? yearsSince ?? "" }

  /// Creates a fact.
  public init(id: String, daysUntil: String? = nil, yearsSince: String? = nil) {
    self.id = id
    self.daysUntil = daysUntil
    self.yearsSince = yearsSince
  }
}
