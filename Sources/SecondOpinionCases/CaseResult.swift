import SecondOpinionCore

/// The result of running one case.
public struct CaseResult: Sendable {
  /// The case.
  public var definition: CaseDefinition
  /// The language it ran in (BCP 47: `en`, `cy`).
  public var language: String = SecondOpinionCore.SeedBundle.english
  /// The record produced, if the interview finished or stopped.
  public var record: Record?
  /// The screen output.
  public var transcript: String
  /// What did not match; empty when the case passes.
  public var mismatches: [String]
  /// The lines typed, in order, as they would be piped to stdin: the answers
  /// the interview asked for and `submit` at the review for a case given by
  /// `answers`; the lines read for a case given by `input`.
  public var typed: [String] = []

  /// Whether the case passed.
  public var passed: Bool { mismatches.isEmpty }
}
