import Testing

@testable import second_opinion

@Suite("Fast start")
struct FastStartTests {
  /// What a parsed interview command holds.
  static func summary(_ command: InterviewCommand) -> [String?] {
    [
      command.mode.rawValue, command.operator, command.now, command.seedsOption.seeds, command.output.out,
      command.output.format.map(\.rawValue).joined(separator: ","),
    ]
  }

  /// Every command line the fast start takes, ArgumentParser parses to the same interview command.
  @Test func itParsesWhatItTakesAsArgumentParserDoes() throws {
    let taken: [[String]] = [
      ["interview", "--out", "/tmp/x"], [], ["interview"], ["--out", "records"],
      ["interview", "--mode", "receptionist", "--operator", "A Jones", "--out", "o"],
      ["--now", "2026-11-25T10:00:00Z", "--seeds", "seeds", "--mode", "patient"],
      ["interview", "--operator", "x", "--out", "a b"], ["interview", "--out", "interview"],
      ["interview", "--out", "help"], ["interview", "--seeds", "check", "--now", "x"],
    ]
    for arguments in taken {
      let fast = try #require(FastStart.interviewCommand(arguments), "\(arguments)")
      let parsed = try #require(try SecondOpinion.parseAsRoot(arguments) as? InterviewCommand)
      #expect(Self.summary(fast) == Self.summary(parsed), "\(arguments)")
    }
  }

  /// Anything else is left to ArgumentParser.
  @Test func itLeavesEverythingElseToArgumentParser() {
    let left: [[String]] = [
      ["--help"], ["interview", "--help"], ["-h"], ["check"], ["--out", "check"], ["interview", "--out"],
      ["interview", "--out", "-x"], ["interview", "--out", ""], ["interview", "--out=x"],
      ["interview", "--out", "a", "--out", "b"], ["interview", "--mode", "doctor"], ["interview", "--format", "text"],
      ["interview", "--mode", "receptionist"], ["interview", "--mode", "receptionist", "--operator", " "],
      ["interview", "extra"], ["interview", "--", "--out", "x"], ["kiosk"], ["help", "interview"],
      ["--version"], ["interview", "--generate-completion-script", "bash"], ["interview", "--out", "x", "extra"],
    ]
    for arguments in left { #expect(FastStart.interviewCommand(arguments) == nil, "\(arguments)") }
  }
}
