import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

/// Every language's phrase grammars are checked with the rules English has,
/// and a translated language must bring both of its own.
@Suite("Phrase grammars")
struct PhraseGrammarRuleTests {
  static let seeds = TestSeeds.languages

  static func defects(
    _ grammars: [String: LanguageGrammars], translations: [String: Translation] = seeds.translations
  ) -> [SeedError] {
    PhraseGrammarRule.defects(in: DefinitionIndex(seeds: seeds.with(translations: translations, grammars: grammars)))
  }

  @Test func theRepositorysGrammarsInEveryLanguageHaveNoDefects() throws {
    #expect(Self.seeds.grammars["cy"]?.crisis != nil)
    #expect(Self.seeds.grammars["cy"]?.redFlags != nil)
    #expect(Self.defects(Self.seeds.grammars).map(\.description) == [])
    #expect(DefinitionChecker(seeds: Self.seeds).defects().map(\.description) == [])
  }

  @Test func aTranslatedLanguageWithoutItsGrammarsIsRefusedNamingTheFile() throws {
    var grammars = Self.seeds.grammars
    var translations = Self.seeds.translations
    var gaelic = try #require(translations["cy"])
    gaelic.language = "gd"
    translations["gd"] = gaelic
    grammars["cy"]?.redFlags = nil
    let found = Self.defects(grammars, translations: translations)
    #expect(
      found.map(\.file) == ["phrases/red-flags.cy.yaml", "phrases/crisis.gd.yaml", "phrases/red-flags.gd.yaml"])
    #expect(found.allSatisfy { $0.message.contains("is missing: seeds/languages/") })
    // With its grammars, a translation is accepted.
    grammars["cy"]?.redFlags = try TestSeeds.grammar("red-flags", language: "cy")
    #expect(Self.defects(grammars) == [])
  }

  @Test func aWelshGrammarIsCheckedAsEnglishIsNamingItsFile() throws {
    var grammars = Self.seeds.grammars
    var crisis = try TestSeeds.grammar("crisis", language: "cy")
    crisis.concepts[0].patterns.append("<nid_yw_yn_bod> marw")
    crisis.concepts.removeAll { $0.id == "harm_others" }
    var redFlags = try TestSeeds.grammar("red-flags", language: "cy")
    redFlags.language = "en"
    redFlags.concepts.append(PhraseConcept(id: "sepsis", patterns: ["sepsis"]))
    grammars["cy"] = LanguageGrammars(crisis: crisis, redFlags: redFlags)
    let found = Self.defects(grammars).map(\.description)
    #expect(found.contains { $0.contains("phrases/crisis.cy.yaml") && $0.contains("<nid_yw_yn_bod>") })
    #expect(found.contains { $0.contains("`mentions: harm_others`, which phrases/crisis.cy.yaml does not define") })
    #expect(found.contains { $0.contains("phrases/red-flags.cy.yaml") && $0.contains("`language: en`") })
    #expect(found.contains { $0.contains("phrases/red-flags.cy.yaml") && $0.contains("`sepsis` is not a red flag") })
    #expect(
      found.contains {
        $0.contains("phrases/red-flags.cy.yaml")
          && $0.contains("`borrowed: harm_others` is not a concept of phrases/crisis.cy.yaml")
      })
    #expect(!found.contains { $0.contains(".en.yaml") })
  }

  @Test func englishAloneHasNoDefects() {
    #expect(PhraseGrammarRule.defects(in: DefinitionIndex(seeds: TestSeeds.bundle)) == [])
  }
}
