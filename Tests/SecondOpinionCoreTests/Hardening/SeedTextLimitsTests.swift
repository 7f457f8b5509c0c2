import Foundation
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// `SeedTextLimits`: what a seeds or case file may be before it is decoded.
@Suite("Seed text limits")
struct SeedTextLimitsTests {
  @Test(arguments: ["interview.yaml", "triage.yaml", "letter.yaml"])
  func theRepositorysSeedsAreWithinTheLimits(_ name: String) {
    let text = TestSeeds.text(name)
    #expect(!text.isEmpty)
    #expect(SeedTextLimits.problem(in: text, file: name) == nil)
  }

  @Test func theRepositorysCasesAreWithinTheLimits() throws {
    let folder = TestSeeds.folder.appendingPathComponent("cases")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
      #expect(SeedTextLimits.problem(in: TestSeeds.text("cases/" + name), file: name) == nil, "\(name)")
    }
  }

  @Test func anAliasOrAnAnchorIsRefusedWithItsLine() throws {
    let alias = try #require(SeedTextLimits.problem(in: "a: 1\nb: &x [1]\nc: *x\n", file: "interview.yaml"))
    #expect(alias.line == 2 && alias.message.contains("an anchor (&x)") && alias.file == "interview.yaml")
    let aliasOnly = try #require(SeedTextLimits.problem(in: "a: 1\nc: *x\n", file: "f"))
    #expect(aliasOnly.message.contains("alias") || aliasOnly.line != nil)
    let chain = (1...8000).map { "c\($0): &a\($0) [*a\($0 - 1)]" }.joined(separator: "\n")
    #expect(SeedTextLimits.problem(in: "c0: &a0 x\n" + chain, file: "f")?.line == 1)
  }

  @Test func textThatMerelyHoldsTheSigilsIsFine() {
    let text = "a: \"*not an alias*\"\nb: 'x & y'\nc: 5*3 & more\nd: |\n  *literal* &text\n# *comment* &c\n"
    #expect(SeedTextLimits.problem(in: text, file: "f") == nil)
  }

  @Test func nestingDeeperThanTheLimitIsRefused() {
    let ok =
      "x: " + String(repeating: "[", count: SeedTextLimits.maxDepth - 1)
      + String(repeating: "]", count: SeedTextLimits.maxDepth - 1)
    #expect(SeedTextLimits.problem(in: ok, file: "f") == nil)
    let deep = "x: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(SeedTextLimits.problem(in: deep, file: "f")?.message.contains("nested more than") == true)
  }

  @Test func aFileOverTheSizeLimitIsRefused() {
    let big = "# " + String(repeating: "x", count: SeedTextLimits.maxBytes)
    #expect(SeedTextLimits.problem(in: big, file: "f")?.message.contains("at most") == true)
  }

  @Test func aSyntaxErrorIsLeftToTheDecoder() {
    #expect(SeedTextLimits.problem(in: "a: [unclosed\n", file: "f") == nil)
    #expect(SeedTextLimits.problem(in: "a: &x 1\nb: [unclosed\n", file: "f") != nil)
  }
}
