import Foundation
import Testing

/// The other commands: cases, check, explain, tree, render, schema.
@Suite("Commands", .serialized)
struct CommandTests {
  static let seeds = BinaryRunner.repository.appendingPathComponent("seeds")

  /// A copy of seeds/ in a temporary folder, with an optional edit to one file.
  func seedsCopy(editing file: String? = nil, _ edit: (String) -> String = { $0 }) throws -> URL {
    let folder = BinaryRunner.temporaryFolder().appendingPathComponent("seeds")
    try FileManager.default.copyItem(at: Self.seeds, to: folder)
    if let file {
      let url = folder.appendingPathComponent(file)
      try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test func casesPassAndAFailingCaseIsReported() throws {
    let passing = try BinaryRunner.run(["cases", "--quiet"], lines: [])
    #expect(passing.status == 0, "\(passing.stdout)")
    let folder = try seedsCopy(editing: "cases/001-red-flag-chest-pain.yaml") {
      $0.replacingOccurrences(of: "urgency: emergency", with: "urgency: routine")
    }
    let failing = try BinaryRunner.run(["cases", "--seeds", folder.path], lines: [])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("FAIL  cases/001-red-flag-chest-pain.yaml"))
    #expect(failing.stdout.contains("urgency: expected routine, got emergency"))
  }

  /// `cases --all-languages` runs the library in English and Welsh; a Welsh
  /// label two choices share is caught as a different triage, named by case,
  /// language and the first difference.
  @Test func casesRunInEveryLanguageAndADifferentTriageIsReported() throws {
    let passing = try BinaryRunner.run(["cases", "--quiet", "--all-languages"], lines: [])
    #expect(passing.status == 0, "\(passing.stdout)")
    #expect(
      passing.stdout.range(
        of: #"cases in 2 languages \(en, cy\): [0-9]+ passed, 0 failed, 0 with a different triage"#,
        options: .regularExpression) != nil, "\(passing.stdout)")
    let welsh = try BinaryRunner.run(["cases", "--quiet", "--language", "cy"], lines: [])
    #expect(welsh.status == 0, "\(welsh.stdout)")
    #expect(welsh.stdout.contains("cases in cy (Welsh): "))
    #expect(try BinaryRunner.run(["cases", "--language", "xx"], lines: []).status == 64)
    #expect(try BinaryRunner.run(["cases", "--language", "cy", "--all-languages"], lines: []).status == 64)
    // A Welsh label two choices share: "no" is shown as "Ie" too, so a Welsh
    // speaker who answers no is read as yes.
    let no = """
            "no":
              label: "Na"
      """
    let file = "languages/cy/questions-1-safety-about-you.yaml"
    #expect(try String(contentsOf: Self.seeds.appendingPathComponent(file), encoding: .utf8).contains(no))
    let folder = try seedsCopy(editing: file) {
      $0.replacingOccurrences(of: no, with: no.replacingOccurrences(of: "\"Na\"", with: "\"Ie\""))
    }
    let failing = try BinaryRunner.run(["cases", "--quiet", "--all-languages", "--seeds", folder.path], lines: [])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("FAIL  cases/020-confirmed-breast-cancer-mastectomy.yaml"), "\(failing.stdout)")
    #expect(
      failing.stdout.contains("- cy triage differs from en: question answered 10: en `reason`, cy `pregnancy_weeks`"),
      "\(failing.stdout)")
    #expect(
      failing.stdout.contains(
        "- cy triage differs from en: answer `pregnant`: en \"no\" (answered, typed \"no\"), cy \"yes\" (answered, typed \"Ie\")"
      ), "\(failing.stdout)")
    #expect(!failing.stdout.contains("- en: "), "\(failing.stdout)")
  }

  @Test func checkReportsADefectWithItsFileAndLine() throws {
    let folder = try seedsCopy(editing: "interview.yaml") {
      $0.replacingOccurrences(
        of: "when: {answer: reason, includes: cancer}", with: "when: {answer: nope, includes: cancer}")
    }
    let result = try BinaryRunner.run(["check", "--no-cases", "--seeds", folder.path], lines: [])
    #expect(result.status == 1)
    #expect(
      result.stdout.range(
        of: #"interview\.yaml:[0-9]+: `cancer_status` tests unknown question id `nope`"#, options: .regularExpression)
        != nil)
  }

  @Test func brokenOrMissingSeedsExitSix() throws {
    let missing = try seedsCopy()
    try FileManager.default.removeItem(at: missing.appendingPathComponent("triage.yaml"))
    let result = try BinaryRunner.run(["interview", "--seeds", missing.path], lines: ["none"])
    #expect(result.status == 6)
    #expect(result.stderr.contains("triage.yaml"))
    let broken = try seedsCopy(editing: "letter.yaml") { $0 + "\n  - [unclosed\n" }
    let second = try BinaryRunner.run(["check", "--seeds", broken.path], lines: [])
    #expect(second.status == 6)
    #expect(second.stderr.contains("letter.yaml"))
  }

  @Test func explainTreeRenderAndSchema() throws {
    let out = BinaryRunner.temporaryFolder()
    let lines = try PipedInterviewTests.lines("patient-cancer")
    _ = try BinaryRunner.run(["interview", "--out", out.path], lines: lines)
    let record = out.appendingPathComponent("SO-20261125T100000Z-00000000/SO-20261125T100000Z-00000000.json").path
    let explain = try BinaryRunner.run(["explain", record], lines: [])
    #expect(explain.status == 0)
    #expect(explain.stdout.contains("Urgency: urgent"))
    #expect(explain.stdout.contains("Cancer confirmed or suspected? YES"))
    #expect(explain.stdout.lowercased().contains("decision deadline: decide by 7 january 2027"))
    let dot = try BinaryRunner.run(["tree", "--format", "dot"], lines: [])
    #expect(dot.stdout.hasPrefix("digraph triage {"))
    #expect(dot.stdout.contains("\"urgency.u_cancer\" -> \"urgency.u_urgent_cancer\" [label=\"yes\"]"))
    let mermaid = try BinaryRunner.run(["tree", "--format", "mermaid"], lines: [])
    #expect(mermaid.stdout.hasPrefix("flowchart TD"))
    let markdown = try BinaryRunner.run(["render", record, "--format", "markdown"], lines: [])
    let written = try String(
      contentsOf: out.appendingPathComponent("SO-20261125T100000Z-00000000/SO-20261125T100000Z-00000000.md"),
      encoding: .utf8)
    #expect(markdown.stdout == written)
    let schema = try BinaryRunner.run(["schema"], lines: [])
    let file = try String(
      contentsOf: BinaryRunner.repository.appendingPathComponent("docs/schema/record-1.0.0.schema.json"),
      encoding: .utf8)
    #expect(schema.stdout == file)
    let notARecord = try BinaryRunner.run(["explain", "/etc/hostname"], lines: [])
    #expect(notARecord.status == 1)
  }
}
