import SecondOpinionCore

/// What a case expects.
public struct CaseExpectation: Codable, Sendable {
  /// The urgency.
  public var urgency: Urgency
  /// The delay risk.
  public var delayRisk: DelayRisk
  /// `complete` or `emergency` (default: emergency when urgency is, else complete).
  public var status: String?
  /// The urgency tree leaf that must be reached, if named.
  public var urgencyLeaf: String?
  /// The delay-risk tree leaf that must be reached, if named.
  public var delayRiskLeaf: String?
  /// Text the Markdown letter must contain.
  public var letterContains: [String]?
  /// Text the screen output must contain (wherever its wrapping breaks lines).
  public var screenContains: [String]?
  /// How many typed lines are rejected and asked again (default 0), so a
  /// script that drifts out of step with the questions fails loudly.
  public var rejectedAnswers: Int?

  /// Creates an expectation.
  public init(
    urgency: Urgency, delayRisk: DelayRisk, status: String? = nil, urgencyLeaf: String? = nil,
    delayRiskLeaf: String? = nil, letterContains: [String]? = nil, screenContains: [String]? = nil,
    rejectedAnswers: Int? = nil
  ) {
    self.urgency = urgency
    self.delayRisk = delayRisk
    self.status = status
    self.urgencyLeaf = urgencyLeaf
    self.delayRiskLeaf = delayRiskLeaf
    self.letterContains = letterContains
    self.screenContains = screenContains
    self.rejectedAnswers = rejectedAnswers
  }
}
