import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Choices where they belong")
struct ChoiceListRuleTests {
  @Test func aChoiceQuestionWithoutChoices() throws {
    var seeds = EditedSeeds()
    seeds.replace("    choices:\n      - id: self\n", with: "    chooses:\n      - id: self\n")
    let found = ChoiceListRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.description) == [
        "interview.yaml:\(seeds.line(of: "  - id: caller_relationship") ?? 0): choice question `caller_relationship` has no choices"
      ])
  }

  @Test func aTextQuestionWithChoices() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "    format: name\n    maxLength: 100\n    when: {answer: caller_relationship, isNot: self}\n",
      with:
        "    format: name\n    maxLength: 100\n    when: {answer: caller_relationship, isNot: self}\n    choices:\n      - {id: a, label: \"A\"}\n"
    )
    let found = ChoiceListRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(found.map(\.message) == ["question `caller_name` is text but lists choices"])
  }
}
