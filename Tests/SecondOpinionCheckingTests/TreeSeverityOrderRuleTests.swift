import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Trees never under-triage")
struct TreeSeverityOrderRuleTests {
  @Test func aTreeOutOfSeverityOrderCouldUnderTriage() throws {
    var seeds = EditedSeeds()
    seeds.replace("      \"yes\": u_urgent_cancer", with: "      \"yes\": u_soon_pain", in: SeedLoader.triageFile)
    let found = TreeSeverityOrderRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    let defect = try #require(found.first)
    #expect(defect.message.hasPrefix("urgency node `u_cancer`: its yes branch can give a less severe outcome"))
    #expect(defect.message.hasSuffix("order the rules by severity"))
    #expect(defect.line == seeds.line(of: "    - id: u_cancer", in: SeedLoader.triageFile))
  }

  @Test func theRepositorysTreesRunMostSevereFirst() {
    #expect(TreeSeverityOrderRule.defects(in: DefinitionIndex(seeds: TestSeeds.bundle)) == [])
  }
}
