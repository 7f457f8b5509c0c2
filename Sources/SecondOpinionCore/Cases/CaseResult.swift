/// The result of running one case.
public struct CaseResult: Sendable {
  /// The case.
  public var definition: CaseDefinition
  /// The record produced, if the interview finished or stopped.
  public var record: Record?
  /// The screen output.
  public var transcript: String
  /// What did not match; empty when the case passes.
  public var mismatches: [String]

  /// Whether the case passed.
  public var passed: Bool { mismatches.isEmpty }
}
