import SecondOpinionCore

/// One condition in seeds/ and where it is: a question's `when`, a stop
/// rule's `when` or a tree node's `test`.
public struct ConditionSite: Sendable {
  /// The condition, as the loader left it (red-flag tests bound).
  public var condition: Condition
  /// Who owns it, as defects name it: a question id, `stop ID`, or
  /// `urgency node ID` / `delayRisk node ID`.
  public var owner: String
  /// The file it is in.
  public var file: String
  /// The line its owner starts on, where known.
  public var line: Int?
  /// For a question's condition, the question's position: it may test only
  /// questions asked before it. Nil for stop rules and tree nodes, which may
  /// test any question.
  public var askedBefore: Int?
}
