import SecondOpinionCore

/// The seeds being checked, with the lookups every `DefinitionRule` shares,
/// worked out once.
public struct DefinitionIndex: Sendable {
  /// The seeds checked.
  public let seeds: SeedBundle

  /// Each question id's position (its first, if used twice), so looking a
  /// question up is not a linear search: with one per condition, that made
  /// `check` grow with the square of the number of questions.
  private let positions: [String: Int]

  /// Indexes the seeds.
  public init(seeds: SeedBundle) {
    self.seeds = seeds
    var positions: [String: Int] = [:]
    for (index, question) in seeds.interview.questions.enumerated() where positions[question.id] == nil {
      positions[question.id] = index
    }
    self.positions = positions
  }

  /// The interview definition.
  public var interview: InterviewDefinition { seeds.interview }

  /// The position of a question, as `interview.index(of:)` gives it.
  public func index(of id: String) -> Int? { positions[id] }

  /// The question with this id, as `interview.question(_:)` gives it.
  public func question(_ id: String) -> Question? { positions[id].map { interview.questions[$0] } }

  /// Both trees, with the names defects give them.
  public var trees: [(name: String, tree: DecisionTree)] {
    [("urgency", seeds.triage.urgency), ("delayRisk", seeds.triage.delayRisk)]
  }

  /// Every condition in the seeds, in file order: the questions' `when`, the
  /// stop rules', then each tree's node tests.
  public var conditions: [ConditionSite] {
    var sites: [ConditionSite] = []
    for (index, question) in interview.questions.enumerated() {
      guard let condition = question.when else { continue }
      sites.append(
        ConditionSite(
          condition: condition, owner: question.id, file: SeedLoader.interviewFile, line: question.line,
          askedBefore: index))
    }
    for rule in interview.stops {
      sites.append(
        ConditionSite(condition: rule.when, owner: "stop \(rule.id)", file: SeedLoader.interviewFile, line: rule.line))
    }
    for (name, tree) in trees {
      for node in tree.nodes {
        sites.append(
          ConditionSite(
            condition: node.test, owner: "\(name) node \(node.id)", file: SeedLoader.triageFile, line: node.line)
        )
      }
    }
    return sites
  }
}
