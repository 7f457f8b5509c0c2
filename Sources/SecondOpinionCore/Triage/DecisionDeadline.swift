/// When a decision about a dated treatment is needed, and how the expected
/// wait compares.
public struct DecisionDeadline: Codable, Sendable, Equatable {
  /// The planned treatment date, ISO 8601.
  public var treatmentDate: String
  /// The date by which the second opinion should be in hand, ISO 8601.
  public var decideBy: String
  /// Days from today to the treatment date.
  public var daysUntilTreatment: Int
  /// The expected wait for a second opinion on the chosen route, in days.
  public var expectedWaitDays: Int
  /// Whether the expected wait ends after the decide-by date.
  public var waitExceedsDeadline: Bool
  /// The assumption behind the expected wait, in words.
  public var assumption: String
}
