import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("No cycle of conditions")
struct ConditionCycleRuleTests {
  @Test func aCycleBetweenConditions() throws {
    var seeds = EditedSeeds()
    seeds.replace("when: {answer: question_2, state: answered}", with: "when: {answer: hopes, state: answered}")
    seeds.replace(
      "  - id: hopes\n    type: text\n    heading: concerns\n    label: \"What the patient hopes for\"\n",
      with:
        "  - id: hopes\n    type: text\n    heading: concerns\n    label: \"What the patient hopes for\"\n    when: {answer: question_3, state: answered}\n"
    )
    let found = ConditionCycleRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    let cycle = try #require(found.first)
    #expect(cycle.message.hasPrefix("conditions form a cycle: "))
    #expect(cycle.message.contains("question_3") && cycle.message.contains("hopes"))
    #expect(cycle.line != nil)
  }
}
