import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Conditions name what exists")
struct ConditionRuleTests {
  func defects(_ seeds: EditedSeeds) throws -> [SeedError] {
    ConditionRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
  }

  @Test func anUnknownIDIsNamedWithFileAndLine() throws {
    var seeds = EditedSeeds()
    seeds.replace("when: {answer: reason, includes: cancer}", with: "when: {answer: reasons, includes: cancer}")
    let defect = try #require(try defects(seeds).first)
    #expect(defect.message == "`cancer_status` tests unknown question id `reasons`")
    #expect(defect.file == SeedLoader.interviewFile)
    #expect(defect.line == seeds.line(of: "  - id: cancer_status"))
  }

  @Test func aConditionTestingAValueTheQuestionCannotGive() throws {
    var seeds = EditedSeeds()
    seeds.replace("when: {answer: reason, includes: cancer}", with: "when: {answer: reason, includes: cancerous}")
    #expect(try defects(seeds).contains { $0.message.contains("for `cancerous`, which it cannot give") })
  }

  @Test func aQuestionMayOnlyTestQuestionsAskedBeforeIt() throws {
    var seeds = EditedSeeds()
    seeds.replace("when: {answer: reason, includes: cancer}", with: "when: {answer: hopes, state: answered}")
    #expect(try defects(seeds).map(\.message) == ["`cancer_status` tests `hopes`, which is not asked before it"])
  }

  /// A stop rule's condition is named at the stop rule's line.
  @Test func aStopRuleTestingAnUnknownQuestionIsNamedAtItsLine() throws {
    var seeds = EditedSeeds()
    seeds.replace("      answer: self_harm_check\n", with: "      answer: self_harm_checks\n")
    let defect = try #require(try defects(seeds).first)
    #expect(defect.message == "`stop self_harm_confirmed` tests unknown question id `self_harm_checks`")
    #expect(defect.line == seeds.line(of: "  - id: self_harm_confirmed"))
  }

  @Test func aTreeNodeTestingAnUnknownFactIsNamedAtItsLine() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "        fact: days_left_to_decide\n        below: 7\n", with: "        fact: days_to_go\n        below: 7\n",
      in: SeedLoader.triageFile)
    let defect = try #require(try defects(seeds).first)
    #expect(
      defect.description
        == "triage.yaml:\(seeds.line(of: "    - id: u_imminent", in: SeedLoader.triageFile) ?? 0): `urgency node u_imminent` uses unknown fact `days_to_go`"
    )
  }
}
