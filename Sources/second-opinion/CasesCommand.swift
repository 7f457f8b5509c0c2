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

  @Option(
    name: .long,
    help: "Also write each case's record and letters (all formats) into this folder, named after the case file.")
  var records: String?

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
