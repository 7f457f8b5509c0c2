/// One step of a path through a decision tree, with its reason.
public struct PathStep: Codable, Sendable, Equatable {
  /// Which tree: `urgency` or `delayRisk`.
  public var tree: String
  /// The node or leaf id.
  public var node: String
  /// The test in words, for a node; the outcome for a leaf.
  public var ask: String
  /// `yes`, `no`, `unknown` (safer branch taken) or `leaf`.
  public var result: String
  /// The reason, in words a GP would accept.
  public var reason: String

  /// Creates a step.
  public init(tree: String, node: String, ask: String, result: String, reason: String) {
    self.tree = tree
    self.node = node
    self.ask = ask
    self.result = result
    self.reason = reason
  }
}

extension PathStep {
  /// The steps that decided one tree's outcome, given that tree's path: each
  /// test that held or was unknown (the safer branch), or the leaf when none did.
  public static func deciding(_ steps: [PathStep]) -> [PathStep] {
    let deciding = steps.filter { $0.result == "yes" || $0.result == "unknown" }
    return deciding.isEmpty ? steps.last.map { [$0] } ?? [] : deciding
  }
}
