/// A binary decision tree: nodes with a test and two branches, ending in leaves.
public struct DecisionTree: Codable, Sendable, Equatable {
  /// The first node's id.
  public var root: String
  /// The decision nodes.
  public var nodes: [TreeNode]
  /// The outcomes.
  public var leaves: [TreeLeaf]

  /// The node with this id.
  public func node(_ id: String) -> TreeNode? { nodes.first { $0.id == id } }
  /// The leaf with this id.
  public func leaf(_ id: String) -> TreeLeaf? { leaves.first { $0.id == id } }

  /// The most severe outcome reachable from a node or leaf id (cycle-safe).
  public func worstSeverity(from id: String, visited: Set<String> = []) -> Int {
    if let leaf = leaf(id) { return leaf.severity }
    guard let node = node(id), !visited.contains(id) else { return 0 }
    let seen = visited.union([id])
    return max(worstSeverity(from: node.yes, visited: seen), worstSeverity(from: node.no, visited: seen))
  }
}
