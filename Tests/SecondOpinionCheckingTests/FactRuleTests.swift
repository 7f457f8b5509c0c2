import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Facts")
struct FactRuleTests {
  @Test func theDecisionMarginOnlyComesOffDaysUntilADate() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace(
      "  - id: age_years\n    yearsSince: date_of_birth\n",
      with: "  - id: age_years\n    yearsSince: date_of_birth\n    lessDecisionMargin: true\n")
    #expect(
      try seeds.defects().map(\.description) == [
        "interview.yaml:\(line): fact `age_years`: lessDecisionMargin takes days off a `daysUntil` fact only"
      ])
  }

  @Test func aFactIsComputedFromADateQuestion() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace("    yearsSince: date_of_birth\n", with: "    yearsSince: full_name\n")
    let found = FactRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.description) == [
        "interview.yaml:\(line - 1): fact `age_years` must be computed from a date question, not `full_name`"
      ])
  }
}
