import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Letter headings")
struct LetterHeadingRuleTests {
  @Test func aQuestionNamingAHeadingTheLetterDoesNotHave() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace("    heading: medications\n", with: "    heading: medicines\n")
    let found = LetterHeadingRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.message) == [
        "question `medications` names letter heading `medicines`, which letter.yaml does not have"
      ])
    #expect(found.map(\.line) == [line - 2])
  }
}
