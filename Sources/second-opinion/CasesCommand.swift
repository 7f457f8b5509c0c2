import ArgumentParser
import SecondOpinionCore
import SecondOpinionStorage

/// `second-opinion cases [DIR]`: runs the case library through the same driver
/// a piped interview uses and reports every mismatch.
struct CasesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "cases", abstract: "Run the case library.")

  @Argument(help: "The cases folder (default: cases/ in the seeds folder).")
  var folder: String?

  @Flag(name: .long, help: "Print only failures and the summary.")
  var quiet = false

  @OptionGroup var seedsOption: SeedsOption

  func run() throws {
    let seeds = try seedsOption.load()
    let cases: [CaseDefinition]
    do {
      cases = try SeedsDirectory.cases(folder ?? seedsOption.folder + "/cases")
    } catch let error as SeedError {
      Diagnostics.error("\(error)")
      throw ExitStatus.seedsInvalid
    }
    let runner = CaseRunner(seeds: seeds)
    var failed = 0
    for definition in cases {
      let result = runner.run(definition)
      if result.passed {
        if !quiet { print("ok    \(definition.file ?? "?")  \(definition.title)") }
      } else {
        failed += 1
        print("FAIL  \(definition.file ?? "?")  \(definition.title)")
        for mismatch in result.mismatches { print("      - \(mismatch)") }
      }
    }
    print("cases: \(cases.count - failed) passed, \(failed) failed")
    if failed > 0 { throw ExitStatus.defects }
  }
}
