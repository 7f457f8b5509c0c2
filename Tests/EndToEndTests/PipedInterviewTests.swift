import Foundation
import Testing

/// Scripted interviews through the real binary, compared with golden files:
/// the transcript (stdout), the JSON record, and the letters.
@Suite("Piped interviews", .serialized)
struct PipedInterviewTests {
  /// A golden interview: the case in seeds/cases/tests/ that types it, the
  /// golden files' name, and the exit status.
  struct Script: Sendable, CustomTestStringConvertible {
    var name: String
    var status: Int32
    var testDescription: String { name }
  }

  static let scripts = [
    Script(name: "patient-cancer", status: 0),
    Script(name: "receptionist-proxy", status: 0),
    Script(name: "emergency-crisis", status: 3),
  ]

  /// The folder of the cases the end-to-end tests pipe into the program.
  static let cases = BinaryRunner.repository.appendingPathComponent("seeds/cases/tests")

  /// The lines a case of seeds/cases/tests/ types, from `cases --script`: its
  /// answers as the interview asks for them (or its exact input), then submit.
  static func lines(_ name: String) throws -> [String] {
    let result = try BinaryRunner.run(
      ["cases", "--script", cases.appendingPathComponent("\(name).yaml").path], lines: [])
    try #require(result.status == 0, "cases --script \(name).yaml: \(result.stderr)")
    var lines = result.stdout.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The interview arguments a case's mode needs (the receptionist's name).
  static func arguments(_ name: String) throws -> [String] {
    let text = try String(contentsOf: cases.appendingPathComponent("\(name).yaml"), encoding: .utf8)
    guard text.contains("\nmode: receptionist") else { return [] }
    let line = text.split(separator: "\n").first { $0.hasPrefix("operator: ") } ?? "operator: \"A Jones\""
    let name = line.dropFirst("operator: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
    return ["--mode", "receptionist", "--operator", name]
  }

  @Test(arguments: scripts)
  func matchesTheGoldenFiles(_ script: Script) throws {
    let out = BinaryRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try BinaryRunner.run(
      ["interview", "--out", out.path, "--format", "markdown", "text", "html", "fhir"] + Self.arguments(script.name),
      lines: try Self.lines(script.name))
    #expect(result.status == script.status, "stderr: \(result.stderr)")
    let id = "SO-20261125T100000Z-00000000"
    GoldenFile.check(result.stdout.replacingOccurrences(of: out.path, with: "OUT"), "\(script.name).transcript")
    for ext in ["json", "md", "txt", "html", "fhir.json", "patient-copy.txt"] {
      let name = ext == "patient-copy.txt" ? "\(id)-\(ext)" : "\(id).\(ext)"
      let file = out.appendingPathComponent(id).appendingPathComponent(name)
      let text = try String(contentsOf: file, encoding: .utf8)
      GoldenFile.check(text, "\(script.name).\(ext)")
      let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(ext) is not owner-only")
    }
    let folderMode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
    #expect(folderMode == 0o700 || folderMode == 0o755)  // made by the test helper when it exists already
  }

  /// Case 010 (suspected prostate cancer, surgery planned) typed into the
  /// binary: the patient's copy beside its letter, owner-only, as the golden
  /// file has it.
  @Test func theTypicalCaseWritesThePatientsCopyBesideTheLetter() throws {
    let out = BinaryRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let script = try BinaryRunner.run(
      [
        "cases", "--script",
        BinaryRunner.repository.appendingPathComponent(
          "seeds/cases/010-suspected-prostate-cancer-surgery.yaml"
        ).path,
      ], lines: [])
    try #require(script.status == 0, "\(script.stderr)")
    var lines = script.stdout.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    let result = try BinaryRunner.run(["interview", "--out", out.path], lines: lines)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let id = "SO-20261125T100000Z-00000000"
    let file = out.appendingPathComponent(id).appendingPathComponent("\(id)-patient-copy.txt")
    GoldenFile.check(try String(contentsOf: file, encoding: .utf8), "case-010.patient-copy.txt")
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(result.stdout.contains("\(id)-patient-copy.txt"))
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
      ["interview", "--out", out.path], lines: ["purple", "42", "none", "Sam 2", "Sam Taylor", "31/02/1990"])
    #expect(result.status == 4)
    #expect(result.stdout.contains("Sorry, I could not accept that: \"purple\" is not one of the choices."))
    #expect(result.stdout.contains("there is no choice 42"))
    #expect(result.stdout.contains("a name has letters"))
    #expect(result.stdout.contains("February 1990 has no day 31"))
    #expect(result.stdout.contains("For example: 25/11/1970"))
  }

  /// The cases the tests pipe in pass as cases too, so a golden file that
  /// changes is not the first sign that their triage did.
  @Test func theScriptsCasesPass() throws {
    let result = try BinaryRunner.run(["cases", Self.cases.path], lines: [])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("cases: 4 passed, 0 failed"), "\(result.stdout)")
  }

  /// `cases --script` prints what a keyed case types: each answer as it is
  /// asked, a blank line for an optional question it leaves out, then submit.
  @Test func aKeyedCaseScriptEndsWithSubmitAndSkipsWhatItLeavesOut() throws {
    let lines = try Self.lines("receptionist-proxy")
    #expect(lines.first == "none")
    #expect(lines.last == "submit")
    #expect(lines.filter(\.isEmpty).count == 2)  // decision_date and question_2, not answered
    #expect(try Self.lines("emergency-crisis") == ["9"])
  }

  @Test func aScriptOfACaseThatCannotBeAnsweredIsRefused() throws {
    let folder = BinaryRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("no-name.yaml")
    let text = try String(contentsOf: Self.cases.appendingPathComponent("receptionist-proxy.yaml"), encoding: .utf8)
    try text.replacingOccurrences(of: "  full_name: \"Joseph Okafor\"\n", with: "").write(
      to: file, atomically: true, encoding: .utf8)
    let result = try BinaryRunner.run(["cases", "--script", file.path], lines: [])
    #expect(result.status == 1)
    #expect(result.stderr.contains("the case does not answer question `full_name`"), "\(result.stderr)")
    let both = folder.appendingPathComponent("both.yaml")
    try (text + "input: |\n  none\n").write(to: both, atomically: true, encoding: .utf8)
    let refused = try BinaryRunner.run(["cases", "--script", both.path], lines: [])
    #expect(refused.status == 6)
    #expect(refused.stderr.contains("both.yaml"), "\(refused.stderr)")
    #expect(refused.stderr.contains("not both"), "\(refused.stderr)")
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
    let name = "SO-20261125T100000Z-00000000/SO-20261125T100000Z-00000000.json"
    #expect(
      try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)))
  }
}
