import Foundation
import SecondOpinionCore

/// Fuzz harness (b): the YAML loader for seeds/ and the case library. The
/// input's first line picks the document: `# triage`, `# letter` or `# case`
/// (a YAML comment, so corpus files stay valid YAML); anything else is read as
/// interview.yaml. The other two files come from the repository's seeds. A
/// bundle that loads is checked (`DefinitionChecker`), its trees are walked
/// with no answers, and, when the checker finds no defect, a short scripted
/// interview is run on it.
enum SeedsHarness {
  nonisolated(unsafe) static var files: [String: String] = [:]

  static func file(_ name: String) -> String {
    if let text = files[name] { return text }
    let text = FuzzSupport.seedsText(name)
    files[name] = text
    return text
  }

  static let script = [
    "none", "1", "Sam Taylor", "25/11/1970", "not sure", "sw1a1aa", "07700 900123", "?", "back", "2",
    "not sure", "prefer not to say", "yes", "no", "1, 2", "", "skip", "14/01/2027", "submit",
  ]

  static func run(_ text: String) {
    let firstLine = text.prefix { $0 != "\n" }
    var interview = file(SeedLoader.interviewFile)
    var triage = file(SeedLoader.triageFile)
    var letter = file(SeedLoader.letterFile)
    switch firstLine {
    case "# case":
      if let definition = try? SeedLoader.testCase(text, file: "cases/fuzz.yaml") {
        _ = definition.lines
      }
      return
    case "# triage": triage = text
    case "# letter": letter = text
    default: interview = text
    }
    let bundle: SeedBundle
    do {
      bundle = try SeedLoader.bundle(interview: interview, triage: triage, letter: letter)
    } catch let error as SeedError {
      FuzzSupport.require(
        [SeedLoader.interviewFile, SeedLoader.triageFile, SeedLoader.letterFile].contains(error.file),
        "a seeds error names no seeds file: \(error)")
      FuzzSupport.require((error.line ?? 1) >= 1, "a seeds error names line \(error.line ?? 0)")
      return
    } catch {
      FuzzSupport.require(false, "SeedLoader.bundle threw something other than SeedError: \(error)")
      return
    }
    let defects = DefinitionChecker(seeds: bundle).defects()
    for voice in Voice.allCases {
      _ = bundle.evaluator.evaluate(AnswerSet(), voice: voice, today: FuzzSupport.today)
    }
    guard defects.isEmpty else { return }
    let driver = InterviewDriver(
      session: InterviewSession(seeds: bundle, voice: .patient, today: FuzzSupport.today),
      input: ScriptedLines(script + script), output: StringSink(),
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    switch driver.run() {
    case .completed, .emergency:
      _ = RecordBuilder(seeds: bundle).build(
        session: driver.session, id: "SO-20261125T100000Z-00000000", createdAt: "2026-11-25T10:00:00Z",
        channel: .pipe, operatorName: nil, shown: driver.shown)
    default: break
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeeds(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  SeedsHarness.run(FuzzSupport.text(data, size))
  return 0
}
