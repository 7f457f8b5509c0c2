import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Wording in both voices")
struct VoiceWordingRuleTests {
  @Test func missingWordingForAVoice() throws {
    var seeds = EditedSeeds()
    seeds.replace("      receptionist: \"What is the patient's full name?\"\n", with: "")
    let found = VoiceWordingRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.description) == [
        "interview.yaml:\(seeds.line(of: "  - id: full_name") ?? 0): question `full_name` has no receptionist wording for its text"
      ])
  }

  @Test func oneStringSharedByBothVoicesIsNotEnoughForAQuestion() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "    help:\n      patient: \"Your own name, as the person answering.\"\n      receptionist: \"The caller's full name, so the practice knows who made the request.\"\n",
      with: "    help: \"The name of the person answering.\"\n")
    let found = VoiceWordingRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.message) == [
        "question `caller_name` has no patient wording for its help",
        "question `caller_name` has no receptionist wording for its help",
      ])
  }
}
