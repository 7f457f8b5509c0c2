import Synchronization

/// A decision tree's look-ups, made once per evaluator rather than per
/// evaluation: the first node with the root's and with each branch's id, and
/// the first leaf with each id (as `DecisionTree.node` and `leaf` find them),
/// the worst outcome past each node's branches (`DecisionTree.worstSeverity`,
/// worked out when a path first needs it), and a number for each node's test
/// that two nodes share exactly when their tests are equal.
final class DecisionTreeIndex: Sendable {
  /// The first leaf with each id.
  let leaves: [String: Int]
  /// For each node, the worst severity from its yes and from its no branch,
  /// once worked out. (Only when an answer is not known: in a tree whose
  /// branches meet again it can take long, so it is not worked out for all.)
  private let worstKnown: Mutex<[(yes: Int, no: Int)?]>
  /// The first node with the root's id, and for each node the first node
  /// with its yes branch's and its no branch's id (nil: none; a leaf, say).
  let root: Int?
  let yes: [Int?]
  let no: [Int?]
  /// For each node, its test's number (see `numberTests`).
  let tests: [Int]
  /// Whether every node has its own id and none is also a leaf's, so a node
  /// on the path is known by its position alone (`check` refuses other trees).
  let isPlain: Bool

  /// Indexes a tree; `tests` are its nodes' test numbers.
  init(_ tree: DecisionTree, tests: [Int]) {
    var nodes: [String: Int] = [:]
    for index in tree.nodes.indices where nodes[tree.nodes[index].id] == nil { nodes[tree.nodes[index].id] = index }
    var leaves: [String: Int] = [:]
    for index in tree.leaves.indices where leaves[tree.leaves[index].id] == nil {
      leaves[tree.leaves[index].id] = index
    }
    self.leaves = leaves
    worstKnown = Mutex(Array(repeating: nil, count: tree.nodes.count))
    root = nodes[tree.root]
    yes = tree.nodes.map { nodes[$0.yes] }
    no = tree.nodes.map { nodes[$0.no] }
    self.tests = tests
    isPlain = nodes.count == tree.nodes.count && nodes.keys.allSatisfy { leaves[$0] == nil }
  }

  /// The worst severity from the yes and from the no branch of the node at
  /// `index` of `tree` (the tree indexed).
  func worst(_ index: Int, in tree: DecisionTree) -> (yes: Int, no: Int) {
    if let known = worstKnown.withLock({ $0[index] }) { return known }
    let worst = (tree.worstSeverity(from: tree.nodes[index].yes), tree.worstSeverity(from: tree.nodes[index].no))
    worstKnown.withLock { $0[index] = worst }
    return worst
  }

  /// Numbers the tests of every node of the trees, in order: equal tests get
  /// the same number, different tests different numbers.
  static func numberTests(_ trees: [DecisionTree]) -> [[Int]] {
    var distinct: [Condition] = []
    return trees.map { tree in
      tree.nodes.map { node in
        if let known = distinct.firstIndex(of: node.test) { return known }
        distinct.append(node.test)
        return distinct.count - 1
      }
    }
  }
}
