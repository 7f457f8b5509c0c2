import ArgumentParser
import SecondOpinionCore

/// `second-opinion tree --format dot|mermaid`: draws the decision trees.
struct TreeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "tree", abstract: "Draw the triage trees for review.")

  enum Format: String, ExpressibleByArgument { case dot, mermaid }

  @Option(name: .long, help: "dot (Graphviz) or mermaid.")
  var format: Format = .dot

  @OptionGroup var seedsOption: SeedsOption

  func run() throws {
    let seeds = try seedsOption.load(verified: false)
    switch format {
    case .dot: print(TreeDiagram.dot(seeds.triage), terminator: "")
    case .mermaid: print(TreeDiagram.mermaid(seeds.triage), terminator: "")
    }
  }
}
