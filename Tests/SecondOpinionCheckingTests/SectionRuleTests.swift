import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Sections of the interview")
struct SectionRuleTests {
  @Test func theRepositorysSectionsAreFine() throws {
    #expect(SectionRule.defects(in: DefinitionIndex(seeds: try EditedSeeds().bundle())).isEmpty)
    #expect((TestSeeds.bundle.interview.sections ?? []).count >= 5)
  }

  @Test func aSectionStartingAtNoQuestionOrOutOfOrderIsRefused() throws {
    var seeds = EditedSeeds()
    seeds.replace("    from: symptoms\n", with: "    from: no_such_question\n")
    seeds.replace("    from: hopes\n", with: "    from: reason\n")
    let found = SectionRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.message) == [
        "section `health_now` starts at `no_such_question`, which is not a question",
        "section `wishes` starts at or before the question the section above it starts at",
      ])
    #expect(found.allSatisfy { $0.line != nil && $0.file == SeedLoader.interviewFile })
  }

  @Test func theFirstSectionStartsAtTheFirstQuestionAndEachHasBothTitles() throws {
    var seeds = EditedSeeds()
    seeds.replace("    from: red_flags\n", with: "    from: full_name\n")
    seeds.replace("      receptionist: \"Records and questions\"\n", with: "")
    let found = SectionRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(found.contains { $0.message.hasPrefix("the first section, `safety`, starts at `full_name`") })
    #expect(found.contains { $0.message == "section `records_questions` has no receptionist title" })
    // `check` runs the rule.
    #expect(try seeds.defects().contains { $0.message == "section `records_questions` has no receptionist title" })
  }
}
