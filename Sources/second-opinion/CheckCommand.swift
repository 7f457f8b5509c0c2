import ArgumentParser
import SecondOpinionCases
import SecondOpinionChecking
import SecondOpinionCore
import SecondOpinionStorage

/// `second-opinion check`: finds defects in seeds/, and leaves or questions
/// that no case reaches.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Check seeds/ for defects.")

  @Flag(name: .long, help: "Skip the case-coverage checks (definitions only).")
  var noCases = false

  @OptionGroup var seedsOption: SeedsOption

  func run() throws {
    let seeds = try seedsOption.load(verified: false)
    var defects: [SeedError] = []
    let checker = DefinitionChecker(seeds: seeds)
    defects += checker.defects()
    if !noCases {
      do {
        let cases = try SeedsDirectory.cases(seedsOption.folder + "/cases")
        let runner = CaseRunner(seeds: seeds)
        let results = cases.map(runner.run)
        for result in results where !result.passed {
          defects.append(
            SeedError(
              file: result.definition.file ?? "cases",
              message: "case fails: " + result.mismatches.joined(separator: "; ")))
        }
        defects += checker.coverageDefects(results)
      } catch let error as SeedError {
        defects.append(error)
      }
    }
    for defect in defects { print(defect) }
    if defects.isEmpty {
      print(
        "check: no defects (\(seeds.interview.questions.count) questions, \(seeds.triage.urgency.leaves.count + seeds.triage.delayRisk.leaves.count) leaves)"
      )
    } else {
      print("check: \(defects.count) defects")
      throw ExitStatus.defects
    }
  }
}
