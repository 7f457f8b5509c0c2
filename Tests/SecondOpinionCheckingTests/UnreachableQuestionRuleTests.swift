import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Every question can be asked")
struct UnreachableQuestionRuleTests {
  @Test func aQuestionWhoseConditionCanNeverHold() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "when: {answer: reason, includes: mental_health}\n    text:\n      patient: \"Are you under",
      with: "when: {always: false}\n    text:\n      patient: \"Are you under")
    let found = UnreachableQuestionRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.description) == [
        "interview.yaml:\(seeds.line(of: "  - id: mental_health_team") ?? 0): question `mental_health_team` can never be asked: its condition can never hold"
      ])
  }

  @Test func twoAnswersOfOneSingleAnswerQuestionContradict() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "when: {answer: reason, includes: cancer}",
      with: "when: {all: [{answer: care_setting, is: nhs}, {answer: care_setting, is: private}]}")
    let found = UnreachableQuestionRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(found.first?.message == "question `cancer_status` can never be asked: its condition can never hold")
  }
}
