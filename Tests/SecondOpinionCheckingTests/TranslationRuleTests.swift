import SecondOpinionChecking
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// `check` refuses a translation with any gap, naming the file and line.
@Suite("Rule: every string in every language")
struct TranslationRuleTests {
  /// The repository's languages are complete.
  @Test func theRepositorysLanguagesAreComplete() {
    #expect(TranslationRule.defects(in: DefinitionIndex(seeds: TestSeeds.languages)) == [])
  }

  /// A question's missing help, a choice without a label, a changed
  /// placeholder and an unknown id are each refused where they are.
  @Test func gapsAreRefusedWhereTheyAre() throws {
    var translation = try #require(TestSeeds.languages.translations["cy"])
    translation.questions?["full_name"]?.help = VoiceText(patient: "Help", receptionist: nil)
    translation.questions?["reason"]?.choices?["cancer"] = nil
    translation.wording?["progress"] = VoiceText("Adran {section}")
    translation.questions?["no_such_question"] = QuestionTranslation(label: "X")
    translation.messages?["emergency_physical"]?.kiosk = nil
    let seeds = TestSeeds.languages.with(translations: ["cy": translation], grammars: TestSeeds.languages.grammars)
    let defects = TranslationRule.defects(in: DefinitionIndex(seeds: seeds))
    let place = try #require(translation.questions?["full_name"])
    #expect(
      defects.contains {
        $0.file == place.file && $0.line == place.line && $0.message.contains("receptionist wording")
          && $0.message.contains("`full_name` help")
      })
    #expect(defects.contains { $0.message.contains("choice `cancer` of question `reason`") })
    #expect(defects.contains { $0.message.contains("wording `progress`") && $0.message.contains("placeholders") })
    #expect(defects.contains { $0.message.contains("no question `no_such_question`") })
    #expect(defects.contains { $0.message.contains("kiosk for message `emergency_physical`") })
  }

  /// A question left out altogether is named with the English line.
  @Test func aMissingQuestionNamesTheEnglishLine() throws {
    var translation = try #require(TestSeeds.languages.translations["cy"])
    translation.questions?["pain"] = nil
    let seeds = TestSeeds.languages.with(translations: ["cy": translation], grammars: TestSeeds.languages.grammars)
    let defects = TranslationRule.defects(in: DefinitionIndex(seeds: seeds))
    let line = try #require(TestSeeds.languages.interview.question("pain")?.line)
    #expect(
      defects == [
        SeedError(
          file: "languages/cy",
          message: "`cy` has no translation of question `pain` (the English is at interview.yaml line \(line))")
      ])
  }
}
