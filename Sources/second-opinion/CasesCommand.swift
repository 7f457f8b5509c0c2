import ArgumentParser
import Foundation
import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionStorage

/// `second-opinion cases [DIR]`: runs the case library through the same driver
/// a piped interview uses and reports every mismatch. `cases --script FILE`
/// prints the lines one case types instead, so a test can pipe them into the
/// real program.
struct CasesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "cases", abstract: "Run the case library.")

  @Argument(help: "The cases folder (default: cases/ in the seeds folder).")
  var folder: String?

  @Flag(name: .long, help: "Print only failures and the summary.")
  var quiet = false

  @Option(
    name: .long,
    help: "Also write each case's record and letters (all formats) into this folder, named after the case file.")
  var records: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Print the lines this case types, one a line (ending with submit at the review), instead of running the library.",
      discussion:
        "FILE is a path, or a file name in the cases folder. Exits 1, with the mismatches on standard error, when the case does not pass.",
      valueName: "FILE"))
  var script: String?

  @OptionGroup var seedsOption: SeedsOption

  func run() throws {
    let seeds = try seedsOption.load()
    let casesFolder = folder ?? seedsOption.folder + "/cases"
    if let script {
      try printScript(script, casesFolder: casesFolder, seeds: seeds)
      return
    }
    let cases: [CaseDefinition]
    do {
      cases = try SeedsDirectory.cases(casesFolder)
    } catch let error as SeedError {
      Diagnostics.error("\(error)")
      throw ExitStatus.seedsInvalid
    }
    let runner = CaseRunner(seeds: seeds)
    var failed = 0
    for definition in cases {
      let result = runner.run(definition)
      if let records, let record = result.record {
        try writeOutputs(record, name: definition.file ?? "case", folder: records, layout: seeds.letter)
      }
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

  /// Runs one case and prints the lines it typed.
  private func printScript(_ path: String, casesFolder: String, seeds: SeedBundle) throws {
    // A path, or a bare name looked up in the cases folder (named as `cases` names it).
    let inFolder = !path.contains("/") && !FileManager.default.fileExists(atPath: path)
    let url = URL(fileURLWithPath: inFolder ? casesFolder + "/" + path : path)
    let name = inFolder ? "cases/" + path : path
    let definition: CaseDefinition
    do {
      // Read as `cases` reads the library: a trusted regular file within the seeds' limits.
      let text = try SeedsDirectory.text(of: url.lastPathComponent, in: url.deletingLastPathComponent().path)
      definition = try CaseDefinition.load(text, file: name)
    } catch var error as SeedError {
      if error.file == url.lastPathComponent { error.file = name }
      Diagnostics.error("\(error)")
      throw ExitStatus.seedsInvalid
    }
    let result = CaseRunner(seeds: seeds).run(definition)
    guard StandardOutput.write(Data(result.typed.map { $0 + "\n" }.joined().utf8)) else {
      Diagnostics.error("could not write to standard output")
      throw ExitStatus.storage
    }
    if !result.passed {
      Diagnostics.error("\(name) does not pass: " + result.mismatches.joined(separator: "; "))
      throw ExitStatus.defects
    }
  }

  private func writeOutputs(_ record: Record, name: String, folder: String, layout: LetterLayout) throws {
    let base = String(name.split(separator: "/").last ?? "case").replacingOccurrences(of: ".yaml", with: "")
    do {
      try AtomicFileWriter.ensureFolder(folder)
      try AtomicFileWriter.write(try RecordBuilder.encode(record), to: base + ".json", in: folder, replace: true)
      for format in LetterFormat.allCases {
        let data = try LetterRenderer.render(record, layout: layout, as: format)
        try AtomicFileWriter.write(data, to: base + "." + format.fileExtension, in: folder, replace: true)
      }
    } catch let error as StorageError {
      Diagnostics.error("\(error)")
      throw ExitStatus.storage
    }
  }
}
