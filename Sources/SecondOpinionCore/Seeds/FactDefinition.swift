/// A number derived from answers, for conditions: days until a date (less
/// the triage's decision margin, when asked for), whole years since one, or
/// the earliest of other facts.
public struct FactDefinition: Codable, Sendable, Equatable {
  /// The fact's name, used by `{fact: NAME, ...}` conditions.
  public var id: String
  /// Days from today until the date answered to this question.
  public var daysUntil: String?
  /// Whole years from the date answered to this question until today.
  public var yearsSince: String?
  /// Whether the triage's `decisionMarginDays` is taken off a `daysUntil`
  /// fact: the days left to decide before a treatment date, so that the tree
  /// compares the expected wait with the same deadline the letter prints.
  public var lessDecisionMargin: Bool?
  /// The smallest of these facts (declared earlier in the list): unknown when
  /// any of them is unknown (it could be the earliest), none when none has a
  /// value. So "the days left to decide" is the earliest of a decision date
  /// and a treatment date less the margin.
  public var earliestOf: [String]?
  /// The line in the YAML file where the fact starts (filled by the loader).
  public var line: Int?

  /// The question the fact is computed from (none for an `earliestOf` fact).
  public var questionID: String { daysUntil ?? yearsSince ?? "" }

  /// Whether the fact counts days until its date less the decision margin.
  public var takesOffMargin: Bool { lessDecisionMargin == true && daysUntil != nil }

  /// Creates a fact.
  public init(
    id: String, daysUntil: String? = nil, yearsSince: String? = nil, lessDecisionMargin: Bool? = nil,
    earliestOf: [String]? = nil
  ) {
    self.id = id
    self.daysUntil = daysUntil
    self.yearsSince = yearsSince
    self.lessDecisionMargin = lessDecisionMargin
    self.earliestOf = earliestOf
  }
}
