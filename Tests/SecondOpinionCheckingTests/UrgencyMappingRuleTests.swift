import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Urgency mappings")
struct UrgencyMappingRuleTests {
  @Test func aMappingThatIsNotAFHIRCodeIsNamedAtItsLine() throws {
    var seeds = EditedSeeds()
    seeds.replace("    fhir: urgent\n", with: "    fhir: soonish\n", in: SeedLoader.triageFile)
    let found = UrgencyMappingRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.description) == [
        "triage.yaml:\(seeds.line(of: "  - level: soon", in: SeedLoader.triageFile) ?? 0): urgency `soon` maps to `soonish`, not a FHIR request-priority code"
      ])
  }

  @Test func aLevelWithNoMapping() throws {
    var seeds = EditedSeeds()
    seeds.replace("  - level: routine\n", with: "  - level: soon\n", in: SeedLoader.triageFile)
    let found = UrgencyMappingRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(found.map(\.message) == ["urgency `routine` has no mapping"])
  }
}
