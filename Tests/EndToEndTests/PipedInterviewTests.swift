import Foundation
import Testing

/// Scripted interviews through the real binary, compared with golden files:
/// the transcript (stdout), the JSON record, and the letters.
@Suite("Piped interviews", .serialized)
struct PipedInterviewTests {
  struct Script: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var testDescription: String { name }
  }

  static let scripts = [
    Script(name: "patient-cancer", arguments: [], status: 0),
    Script(name: "receptionist-proxy", arguments: ["--mode", "receptionist", "--operator", "Aisha Khan"], status: 0),
    Script(name: "emergency-crisis", arguments: [], status: 3),
  ]

  static func lines(_ name: String) throws -> [String] {
    let url = GoldenFile.folder.deletingLastPathComponent().appendingPathComponent("Scripts/\(name).txt")
    var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  @Test(arguments: scripts)
  func matchesTheGoldenFiles(_ script: Script) throws {
    let out = BinaryRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try BinaryRunner.run(
      ["interview", "--out", out.path, "--format", "markdown", "text", "html", "fhir"] + script.arguments,
      lines: try Self.lines(script.name))
    #expect(result.status == script.status, "stderr: \(result.stderr)")
    let id = "SO-20261125T100000Z-00000000"
    GoldenFile.check(result.stdout.replacingOccurrences(of: out.path, with: "OUT"), "\(script.name).transcript")
    for ext in ["json", "md", "txt", "html", "fhir.json"] {
      let file = out.appendingPathComponent("\(id).\(ext)")
      let text = try String(contentsOf: file, encoding: .utf8)
      GoldenFile.check(text, "\(script.name).\(ext)")
      let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(ext) is not owner-only")
    }
    let folderMode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
    #expect(folderMode == 0o700 || folderMode == 0o755)  // made by the test helper when it exists already
  }

  @Test func aScriptThatEndsEarlyIsAnErrorAndWritesNothing() throws {
    let out = BinaryRunner.temporaryFolder().appendingPathComponent("records")
    let all = try Self.lines("patient-cancer")
    for cut in [0, 1, 5, all.count - 1] {
      let result = try BinaryRunner.run(["interview", "--out", out.path], lines: Array(all.prefix(cut)))
      #expect(result.status == 4, "cut at \(cut)")
      #expect(result.stderr.contains("ended before the interview was complete"))
      #expect(result.stderr.contains(cut == all.count - 1 ? "final review" : "question `"))
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
  }

  @Test func wrongAnswersArePromptedAgainWithAReason() throws {
    let out = BinaryRunner.temporaryFolder()
    let result = try BinaryRunner.run(
      ["interview", "--out", out.path], lines: ["maybe", "42", "none", "Sam 2", "Sam Taylor", "31/02/1990"])
    #expect(result.status == 4)
    #expect(result.stdout.contains("Sorry, I could not accept that: \"maybe\" is not one of the choices."))
    #expect(result.stdout.contains("there is no choice 42"))
    #expect(result.stdout.contains("a name has letters"))
    #expect(result.stdout.contains("February 1990 has no day 31"))
    #expect(result.stdout.contains("For example: 25/11/1970"))
  }

  @Test func receptionistModeNeedsAnOperator() throws {
    let result = try BinaryRunner.run(["interview", "--mode", "receptionist"], lines: [])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--operator"))
  }

  @Test func theSameScriptGivesTheSameBytes() throws {
    let first = BinaryRunner.temporaryFolder()
    let second = BinaryRunner.temporaryFolder()
    let lines = try Self.lines("patient-cancer")
    _ = try BinaryRunner.run(["interview", "--out", first.path], lines: lines)
    _ = try BinaryRunner.run(["interview", "--out", second.path], lines: lines)
    let name = "SO-20261125T100000Z-00000000.json"
    #expect(
      try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)))
  }
}
