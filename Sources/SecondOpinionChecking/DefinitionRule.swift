import SecondOpinionCore

/// One rule `second-opinion check` applies to seeds/, as swift-argument-parser
/// lays out its validators: each rule looks for one kind of defect, in its own
/// file, and `DefinitionChecker` runs them in turn.
public protocol DefinitionRule {
  /// Every defect of this rule's kind in the seeds, in file order; empty when
  /// the seeds keep the rule. Each names its file and, where the loader knows
  /// it, the line.
  static func defects(in definitions: DefinitionIndex) -> [SeedError]
}
