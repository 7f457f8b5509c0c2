import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Trees are trees")
struct TreeShapeRuleTests {
  func defects(_ seeds: EditedSeeds) throws -> [SeedError] {
    TreeShapeRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
  }

  @Test func aRootPastTheFirstNodesLeavesThemUnreachable() throws {
    var seeds = EditedSeeds()
    seeds.replace("  root: u_red_flag_physical", with: "  root: u_pain", in: SeedLoader.triageFile)
    let found = try defects(seeds)
    #expect(found.contains { $0.message == "urgency tree: `u_red_flag_physical` can never be reached from the root" })
    #expect(found.allSatisfy { $0.file == SeedLoader.triageFile && $0.line != nil })
  }

  @Test func aBranchToAnUnknownID() throws {
    var seeds = EditedSeeds()
    seeds.replace("\"no\": u_red_flag_mental", with: "\"no\": u_nowhere", in: SeedLoader.triageFile)
    let found = try defects(seeds)
    #expect(found.first?.message == "urgency node `u_red_flag_physical` leads to unknown id `u_nowhere`")
    #expect(found.first?.line == seeds.line(of: "    - id: u_red_flag_physical", in: SeedLoader.triageFile))
  }

  @Test func aBranchIntoTheOtherTreeIsUnknown() throws {
    var seeds = EditedSeeds()
    seeds.replace("\"no\": u_red_flag_mental", with: "\"no\": d_cancer", in: SeedLoader.triageFile)
    #expect(try defects(seeds).first?.message == "urgency node `u_red_flag_physical` leads to unknown id `d_cancer`")
  }

  @Test func anUnknownAssumption() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "        belowAssumption: expected_wait_days\n      because: \"The decision is due before",
      with: "        belowAssumption: expected_waits\n      because: \"The decision is due before",
      in: SeedLoader.triageFile)
    #expect(
      try defects(seeds).map(\.message) == ["urgency node `u_before_wait` uses unknown assumption `expected_waits`"])
  }
}
