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

extension LetterHeadingRuleTests {
  /// What letter.yaml names must exist: the questions its summary and
  /// headings show, the heading a summary list is made of, and the messages
  /// printed in full.
  @Test func everythingTheLetterNamesExists() throws {
    var seeds = EditedSeeds()
    let letter = SeedLoader.letterFile
    _ = seeds.replace("    answers: [diagnosis]\n", with: "    answers: [diagnosis_given]\n", in: letter)
    _ = seeds.replace("    items: questions\n", with: "    items: the_questions\n", in: letter)
    let line = seeds.replace("    include: [allergies]\n", with: "    include: [allergy]\n", in: letter)
    _ = seeds.replace(
      "adviceInFull: [emergency_physical, mental_health_crisis]", with: "adviceInFull: [emergency]", in: letter)
    let found = LetterHeadingRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.message) == [
        "summary line `Second opinion on` shows question `diagnosis_given`, which interview.yaml does not have",
        "summary line `The patient's questions` lists heading `the_questions`, which letter.yaml does not have",
        "heading `alerts` includes question `allergy`, which interview.yaml does not have",
        "adviceInFull names message `emergency`, which interview.yaml does not have",
      ])
    #expect(found.allSatisfy { $0.file == letter })
    #expect(found[2].line == line - 4)
  }
}
