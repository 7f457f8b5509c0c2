/// Draws the triage trees for clinical review, as Graphviz DOT or Mermaid.
public enum TreeDiagram {
  /// Both trees in DOT.
  public static func dot(_ triage: TriageDefinition) -> String {
    var out = "digraph triage {\n  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
    for (name, tree) in [("urgency", triage.urgency), ("delayRisk", triage.delayRisk)] {
      out += "  subgraph cluster_\(name) {\n    label=\"\(name == "urgency" ? "Urgency" : "Delay risk")\";\n"
      for node in tree.nodes {
        out += "    \"\(name).\(node.id)\" [shape=diamond, label=\"\(quote(node.ask))\"];\n"
      }
      for leaf in tree.leaves {
        let level = leaf.urgency?.rawValue ?? leaf.delayRisk?.rawValue ?? "?"
        out +=
          "    \"\(name).\(leaf.id)\" [shape=box, style=filled, fillcolor=\"\(colour(leaf))\", label=\"\(level.uppercased())\\n\(quote(leaf.id))\"];\n"
      }
      for node in tree.nodes {
        out += "    \"\(name).\(node.id)\" -> \"\(name).\(node.yes)\" [label=\"yes\"];\n"
        out += "    \"\(name).\(node.id)\" -> \"\(name).\(node.no)\" [label=\"no\"];\n"
      }
      out += "  }\n"
    }
    return out + "}\n"
  }

  /// Both trees in Mermaid flowchart syntax.
  public static func mermaid(_ triage: TriageDefinition) -> String {
    var out = "flowchart TD\n"
    for (name, tree) in [("urgency", triage.urgency), ("delayRisk", triage.delayRisk)] {
      out += "  subgraph \(name)[\"\(name == "urgency" ? "Urgency" : "Delay risk")\"]\n"
      for node in tree.nodes { out += "    \(name)_\(node.id){\"\(mermaidQuote(node.ask))\"}\n" }
      for leaf in tree.leaves {
        let level = leaf.urgency?.rawValue ?? leaf.delayRisk?.rawValue ?? "?"
        out += "    \(name)_\(leaf.id)[\"\(level.uppercased()): \(mermaidQuote(leaf.id))\"]\n"
      }
      for node in tree.nodes {
        out += "    \(name)_\(node.id) -->|yes| \(name)_\(node.yes)\n"
        out += "    \(name)_\(node.id) -->|no| \(name)_\(node.no)\n"
      }
      out += "  end\n"
    }
    return out
  }

  private static func colour(_ leaf: TreeLeaf) -> String {
    switch leaf.severity {
    case 3: return "#f4a6a6"
    case 2: return "#f8c89b"
    case 1: return "#fbe7a1"
    default: return "#c9e7c4"
    }
  }

  private static func quote(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }

  private static func mermaidQuote(_ text: String) -> String {
    text.replacingOccurrences(of: "\"", with: "#quot;")
  }
}
