import SecondOpinionCore

/// Each triage tree is a tree: its root is a node, every branch leads to a
/// node or leaf of the same tree, its tests use known assumptions, every leaf
/// gives an outcome on the tree's axis (an urgency, or a delay risk), and
/// every node and leaf is reached from the root with no cycle.
public enum TreeShapeRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    definitions.trees.flatMap { defects(of: $0.tree, name: $0.name, in: definitions) }
  }

  private static func defects(of tree: DecisionTree, name: String, in definitions: DefinitionIndex) -> [SeedError] {
    let file = SeedLoader.triageFile
    var found: [SeedError] = []
    let ids = Set(tree.nodes.map(\.id) + tree.leaves.map(\.id))
    if tree.node(tree.root) == nil {
      found.append(SeedError(file: file, message: "\(name) tree: root `\(tree.root)` is not a node"))
    }
    let assumptions = Set(definitions.seeds.triage.assumptions.map(\.id))
    for node in tree.nodes {
      for target in [node.yes, node.no] where !ids.contains(target) {
        found.append(
          SeedError(file: file, line: node.line, message: "\(name) node `\(node.id)` leads to unknown id `\(target)`"))
      }
      for assumption in node.test.assumptionNames where !assumptions.contains(assumption) {
        found.append(
          SeedError(
            file: file, line: node.line, message: "\(name) node `\(node.id)` uses unknown assumption `\(assumption)`"))
      }
    }
    for leaf in tree.leaves {
      if name == "urgency", leaf.urgency == nil {
        found.append(SeedError(file: file, line: leaf.line, message: "urgency leaf `\(leaf.id)` has no urgency"))
      }
      if name == "delayRisk", leaf.delayRisk == nil {
        found.append(SeedError(file: file, line: leaf.line, message: "delay-risk leaf `\(leaf.id)` has no delayRisk"))
      }
    }
    var reached: Set<String> = []
    var stack = [(tree.root, [String]())]
    while let (id, trail) = stack.popLast() {
      if trail.contains(id) {
        found.append(
          SeedError(
            file: file, line: tree.node(id)?.line,
            message: "\(name) tree has a cycle: \((trail + [id]).joined(separator: " -> "))"))
        continue
      }
      reached.insert(id)
      if let node = tree.node(id) {
        stack.append((node.yes, trail + [id]))
        stack.append((node.no, trail + [id]))
      }
    }
    for id in ids.subtracting(reached).sorted() {
      found.append(
        SeedError(
          file: file, line: tree.node(id)?.line ?? tree.leaf(id)?.line,
          message: "\(name) tree: `\(id)` can never be reached from the root"))
    }
    return found
  }
}
