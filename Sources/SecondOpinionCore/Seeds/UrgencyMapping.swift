/// How an urgency level maps onto public scales, held in seeds/triage.yaml and
/// copied into every record.
public struct UrgencyMapping: Codable, Sendable, Equatable {
  /// The level mapped.
  public var level: Urgency
  /// What it means, in words.
  public var meaning: String
  /// The time frame, in words ("within 2 weeks").
  public var timeframe: String
  /// The NICE NG12 term.
  public var nice: String
  /// The NHS e-Referral Service priority type.
  public var eReferral: String
  /// The FHIR R4 request-priority code (routine | urgent | asap | stat).
  public var fhir: String
  /// Why the e-Referral and FHIR priorities differ from the level, in words
  /// (each scale has fewer or other steps); printed once in the letter.
  public var why: String?
}
