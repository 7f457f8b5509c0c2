/// The expected wait used by the triage: the route and the kind of care that
/// chose it, and its source, so that the letter prints the one used.
public struct ExpectedWait: Codable, Sendable, Equatable {
  /// Days.
  public var days: Int
  /// The kind of care, in words ("Dental care from another NHS dentist").
  public var care: String
  /// The kind's id in triage.yaml, or `default` when the cautious default was used.
  public var kind: String
  /// Where the figure comes from.
  public var source: String
}

extension ExpectedWait {
  /// The wait in words with its kind of care and source.
  public var text: String { "\(days) days, for \(care) (source: \(source))." }
}
