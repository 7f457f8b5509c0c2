import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("The emergency disposition")
struct EmergencyStopRuleTests {
  @Test func aStopRuleNamingAnUnknownMessageIsNamedAtItsLine() throws {
    var seeds = EditedSeeds()
    seeds.replace("messages: [emergency_physical]", with: "messages: [no_such_message]")
    let found = EmergencyStopRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(
      found.map(\.description) == [
        "interview.yaml:\(seeds.line(of: "  - id: red_flag_physical") ?? 0): stop `red_flag_physical` names unknown message `no_such_message`"
      ])
  }

  @Test func closingMessagesNameKnownMessages() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "closingMessages: [while_you_wait, about_second_opinions]", with: "closingMessages: [while_you_wait, goodbye]")
    let found = EmergencyStopRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
    #expect(found.map(\.message) == ["closingMessages names unknown message `goodbye`"])
  }
}
