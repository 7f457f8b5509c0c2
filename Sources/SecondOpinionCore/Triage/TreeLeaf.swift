/// An outcome of a decision tree.
public struct TreeLeaf: Codable, Sendable, Equatable {
  /// Stable id, named by cases that reach it.
  public var id: String
  /// The urgency given, in the urgency tree.
  public var urgency: Urgency?
  /// The delay risk given, in the delay-risk tree.
  public var delayRisk: DelayRisk?
  /// The reason recorded for the outcome.
  public var reason: String
  /// A more specific NHS e-Referral priority for this outcome (e.g. Two Week
  /// Wait for suspected cancer), replacing the level's general one.
  public var eReferral: String?
  /// A more specific NICE NG12 term for this outcome.
  public var nice: String?
  /// A more specific time frame for this outcome ("within days: contact the
  /// treating team now"), replacing the level's in the record and the letter.
  public var timeframe: String?
  /// Line in the YAML file (filled by the loader).
  public var line: Int?

  /// The severity of the outcome, whichever axis it is on.
  public var severity: Int { urgency?.severity ?? delayRisk?.severity ?? 0 }
}
