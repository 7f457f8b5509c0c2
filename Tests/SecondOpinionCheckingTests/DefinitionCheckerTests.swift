import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

/// The checker as `check` and `SeedsDirectory.verify` use it: every rule, in
/// order. Each rule's own cases are in its `...RuleTests` file.
@Suite("Checking the definitions")
struct DefinitionCheckerTests {
  @Test func theRepositorysSeedsHaveNoDefects() {
    #expect(DefinitionChecker(seeds: TestSeeds.bundle).defects().map(\.description) == [])
  }

  /// `defects()` is every rule's defects, rule after rule.
  @Test func defectsAreEveryRulesInOrder() throws {
    var seeds = EditedSeeds()
    seeds.replace("  - id: diagnosis_date\n", with: "  - id: diagnosis\n")
    seeds.replace("      receptionist: \"What is the patient's full name?\"\n", with: "")
    seeds.replace("\"no\": u_red_flag_mental", with: "\"no\": u_nowhere", in: SeedLoader.triageFile)
    let bundle = try seeds.bundle()
    let definitions = DefinitionIndex(seeds: bundle)
    let byRule = DefinitionChecker.rules.map { $0.defects(in: definitions) }
    #expect(DefinitionChecker(seeds: bundle).defects() == byRule.flatMap { $0 })
    #expect(byRule.filter { !$0.isEmpty }.count >= 3)
  }

  /// Every defect names a seeds file, and one the loader placed names a line.
  @Test func everyDefectNamesItsFile() throws {
    var seeds = EditedSeeds()
    seeds.replace("messages: [emergency_physical]", with: "messages: [no_such_message]")
    seeds.replace("  - id: research\n", with: "  - id: attachments\n", in: SeedLoader.letterFile)
    let found = try seeds.defects()
    #expect(found.count == 3)
    let files = [SeedLoader.interviewFile, SeedLoader.triageFile, SeedLoader.letterFile]
    #expect(found.allSatisfy { files.contains($0.file) && $0.line != nil })
  }
}
