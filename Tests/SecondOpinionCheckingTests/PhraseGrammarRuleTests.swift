import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

/// Every language's phrase grammars are checked with the rules English has,
/// and a translated language must bring both of its own.
@Suite("Phrase grammars")
struct PhraseGrammarRuleTests {
  static func defects(_ files: PhraseGrammarFiles) -> [SeedError] {
    PhraseGrammarRule.defects(in: DefinitionIndex(seeds: TestSeeds.bundle, phraseFiles: files))
  }

  @Test func theRepositorysGrammarsInEveryLanguageHaveNoDefects() throws {
    let files = try TestSeeds.phraseFiles()
    #expect(files.crisis.keys.sorted().contains("cy"))
    #expect(files.redFlags.keys.sorted().contains("cy"))
    #expect(Self.defects(files).map(\.description) == [])
    #expect(DefinitionChecker(seeds: TestSeeds.bundle, phraseFiles: files).defects().map(\.description) == [])
  }

  @Test func aTranslatedLanguageWithoutItsGrammarsIsRefusedNamingTheFile() throws {
    var files = try TestSeeds.phraseFiles()
    files.translations = ["cy", "gd"]
    files.redFlags["cy"] = nil
    let found = Self.defects(files)
    #expect(
      found.map(\.file) == ["phrases/red-flags.cy.yaml", "phrases/crisis.gd.yaml", "phrases/red-flags.gd.yaml"])
    #expect(found.allSatisfy { $0.message.contains("is missing: seeds/languages/") })
    // With its grammars, a translation is accepted.
    files.translations = ["cy"]
    files.redFlags["cy"] = try TestSeeds.grammar("red-flags", language: "cy")
    #expect(Self.defects(files) == [])
  }

  @Test func aWelshGrammarIsCheckedAsEnglishIsNamingItsFile() throws {
    var files = try TestSeeds.phraseFiles()
    var crisis = try TestSeeds.grammar("crisis", language: "cy")
    crisis.concepts[0].patterns.append("<nid_yw_yn_bod> marw")
    crisis.concepts.removeAll { $0.id == "harm_others" }
    files.crisis["cy"] = crisis
    var redFlags = try TestSeeds.grammar("red-flags", language: "cy")
    redFlags.language = "en"
    redFlags.concepts.append(PhraseConcept(id: "sepsis", patterns: ["sepsis"]))
    files.redFlags["cy"] = redFlags
    let found = Self.defects(files).map(\.description)
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

  @Test func withoutTheFilesTheBundlesGrammarsAreChecked() {
    #expect(PhraseGrammarRule.defects(in: DefinitionIndex(seeds: TestSeeds.bundle)) == [])
  }
}
