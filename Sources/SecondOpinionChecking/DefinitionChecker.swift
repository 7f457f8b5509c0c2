import SecondOpinionCases
import SecondOpinionCore

/// Checks seeds/ for defects a reviewer would otherwise find the hard way:
/// ids used twice, missing wording for either voice, conditions testing
/// unknown ids or answers a question cannot give, cycles, unreachable
/// questions, stop rules and headings that name nothing, tree nodes out of
/// severity order (which could under-triage), missing mappings, and red flags
/// that do not agree with their declaration. Each kind of defect is one
/// `DefinitionRule`, in its own file; `rules` lists them in the order they run.
public struct DefinitionChecker: Sendable {
  /// The seeds checked.
  public var seeds: SeedBundle

  /// Creates a checker.
  public init(seeds: SeedBundle) {
    self.seeds = seeds
  }

  /// The rules `defects()` runs, in order.
  public static var rules: [any DefinitionRule.Type] {
    [
      DuplicateIDRule.self,
      VoiceWordingRule.self,
      ChoiceListRule.self,
      ConditionRule.self,
      FactRule.self,
      ConditionCycleRule.self,
      UnreachableQuestionRule.self,
      EmergencyStopRule.self,
      LetterHeadingRule.self,
      TreeShapeRule.self,
      TreeSeverityOrderRule.self,
      UrgencyMappingRule.self,
      RedFlagRule.self,
      PhraseGrammarRule.self,
      SectionRule.self,
      TranslationRule.self,
      ExportFieldRule.self,
    ]
  }

  /// Every defect the definitions have, rule by rule (see `rules`), each
  /// naming its file and, where known, its line. Empty when the seeds are fit
  /// to run an interview on; `SeedsDirectory.verify` refuses them otherwise.
  public func defects() -> [SeedError] {
    let definitions = DefinitionIndex(seeds: seeds)
    return Self.rules.flatMap { $0.defects(in: definitions) }
  }

  /// Leaves no case reaches, questions no case asks and red flags no case
  /// reports, given the results of running every case (see `CaseCoverageRule`).
  public func coverageDefects(_ results: [CaseResult]) -> [SeedError] {
    CaseCoverageRule.defects(in: DefinitionIndex(seeds: seeds), results: results)
  }
}
