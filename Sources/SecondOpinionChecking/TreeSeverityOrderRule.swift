import SecondOpinionCore

/// Never under-triage: at every node, whatever the yes branch can give is at
/// least as severe as anything the no branch could give, so the rules of each
/// tree run most severe first and a case matching several gets the most
/// severe of them.
public enum TreeSeverityOrderRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    var found: [SeedError] = []
    for (name, tree) in definitions.trees {
      let ids = Set(tree.nodes.map(\.id) + tree.leaves.map(\.id))
      for node in tree.nodes
      where ids.contains(node.yes) && ids.contains(node.no)
        && leastSeverity(tree, from: node.yes) < tree.worstSeverity(from: node.no)
      {
        found.append(
          SeedError(
            file: SeedLoader.triageFile, line: node.line,
            message:
              "\(name) node `\(node.id)`: its yes branch can give a less severe outcome than its no branch, so a case matching a later rule could be under-triaged; order the rules by severity"
          ))
      }
    }
    return found
  }

  /// The least severe outcome reachable from a node or leaf id (cycle-safe).
  private static func leastSeverity(_ tree: DecisionTree, from id: String, visited: Set<String> = []) -> Int {
    if let leaf = tree.leaf(id) { return leaf.severity }
    guard let node = tree.node(id), !visited.contains(id) else { return Int.max }
    let seen = visited.union([id])
    return min(
      leastSeverity(tree, from: node.yes, visited: seen), leastSeverity(tree, from: node.no, visited: seen))
  }
}
