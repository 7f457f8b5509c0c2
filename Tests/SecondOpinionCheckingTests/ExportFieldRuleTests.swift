import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Fields the exports read")
struct ExportFieldRuleTests {
  @Test func theRepositorysSeedsHaveThem() throws {
    #expect(ExportFieldRule.defects(in: DefinitionIndex(seeds: TestSeeds.bundle)).isEmpty)
  }

  @Test func aRequirementsQuestionWithoutTheInterpreterChoice() throws {
    var seeds = EditedSeeds()
    seeds.replace("      - id: interpreter\n        label: \"An interpreter\"\n", with: "")
    let found = ExportFieldRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.description) == [
        "interview.yaml:\(seeds.line(of: "  - id: requirements") ?? 0): question `requirements` has the field `patient.requirements` but no choice `interpreter`, so an interpreter need could not be recorded"
      ])
  }

  @Test func noQuestionWithTheReasonField() throws {
    var seeds = EditedSeeds()
    seeds.replace("    field: referral.reason\n", with: "")
    let found = ExportFieldRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.message) == ["no question has the field `referral.reason`, which the letter and the exports read"])
  }
}
