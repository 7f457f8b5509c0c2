import ArgumentParser
import Foundation
import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionStorage

/// `second-opinion cases [DIR]`: runs the case library through the same driver
/// a piped interview uses and reports every mismatch. `cases --script FILE`
/// prints the lines one case types instead, so a test can pipe them into the
/// real program. `--language CODE` runs the library in another language of the
/// seeds (the English answers typed as a speaker of it would); `--all-languages`
/// runs it in every one and reports any case whose triage differs from English.
/// Exits 1 when a case fails or differs.
struct CasesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cases", abstract: "Run the case library.",
    discussion:
      "Exits 0 when every case passes (and, with --all-languages, gives the same triage in every language), 1 when one does not, 6 when the seeds or a case cannot be read, 64 for a language the seeds do not have."
  )

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

  @OptionGroup var languageOption: LanguageOption

  @Flag(
    name: .long,
    help:
      "Run the library in every language of the seeds, and report any case whose triage differs from the English run.")
  var allLanguages = false

  @OptionGroup var seedsOption: SeedsOption

  func validate() throws {
    if allLanguages, languageOption.language != nil {
      throw ValidationError("give --language or --all-languages, not both")
    }
    if allLanguages, script != nil {
      throw ValidationError("--script prints one case in one language: give --language")
    }
  }

  func run() throws {
    let seeds = try seedsOption.load()
    let language = try languageOption.code(in: seeds)
    let casesFolder = folder ?? seedsOption.folder + "/cases"
    if let script {
      try printScript(script, casesFolder: casesFolder, seeds: seeds, language: language)
      return
    }
    let cases: [CaseDefinition]
    do {
      cases = try SeedsDirectory.cases(casesFolder)
    } catch let error as SeedError {
      Diagnostics.error("\(error)")
      throw ExitStatus.seedsInvalid
    }
    if allLanguages {
      try runEveryLanguage(cases, seeds: seeds)
      return
    }
    let runner = CaseRunner(seeds: seeds, language: language)
    var failed = 0
    for definition in cases {
      let result = runner.run(definition)
      try write(result, layout: seeds.letter)
      if result.passed {
        if !quiet { print("ok    \(definition.file ?? "?")  \(definition.title)") }
      } else {
        failed += 1
        print("FAIL  \(definition.file ?? "?")  \(definition.title)")
        for mismatch in result.mismatches { print("      - \(mismatch)") }
      }
    }
    let inLanguage = language == SeedBundle.english ? "" : " in \(language) (\(seeds.englishName(of: language)))"
    print("cases\(inLanguage): \(cases.count - failed) passed, \(failed) failed")
    if failed > 0 { throw ExitStatus.defects }
  }

  /// Runs each case in English, then in every other language, and reports a
  /// case that fails in any language or whose triage differs from English.
  private func runEveryLanguage(_ cases: [CaseDefinition], seeds: SeedBundle) throws {
    let languages = seeds.languages
    let runners = languages.map { CaseRunner(seeds: seeds, language: $0) }
    var failed = 0
    var differing = 0
    for definition in cases {
      let results = runners.map { $0.run(definition) }
      var problems: [String] = []
      for result in results {
        try write(result, layout: seeds.letter)
        problems += result.mismatches.map { "\(result.language): \($0)" }
      }
      let differences = results.dropFirst().flatMap { result in
        result.triageDifferences(from: results[0]).map { "\(result.language) triage differs from en: \($0)" }
      }
      if !differences.isEmpty { differing += 1 }
      if problems.isEmpty, differences.isEmpty {
        if !quiet { print("ok    \(definition.file ?? "?")  \(definition.title)") }
      } else {
        failed += 1
        print("FAIL  \(definition.file ?? "?")  \(definition.title)")
        for problem in problems + differences { print("      - \(problem)") }
      }
    }
    print(
      "cases in \(languages.count) languages (\(languages.joined(separator: ", "))): \(cases.count - failed) passed, \(failed) failed, \(differing) with a different triage"
    )
    if failed > 0 { throw ExitStatus.defects }
  }

  /// Writes a result's record and letters into `--records`, if given; a run in
  /// another language than English is named with its code (`010-x.cy.json`).
  private func write(_ result: CaseResult, layout: LetterLayout) throws {
    guard let records, let record = result.record else { return }
    let name = result.definition.file ?? "case"
    try writeOutputs(
      record, name: name, suffix: result.language == SeedBundle.english ? "" : "." + result.language, folder: records,
      layout: layout)
  }

  /// Runs one case and prints the lines it typed.
  private func printScript(_ path: String, casesFolder: String, seeds: SeedBundle, language: String) throws {
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
    let result = CaseRunner(seeds: seeds, language: language).run(definition)
    guard StandardOutput.write(Data(result.typed.map { $0 + "\n" }.joined().utf8)) else {
      Diagnostics.error("could not write to standard output")
      throw ExitStatus.storage
    }
    if !result.passed {
      Diagnostics.error("\(name) does not pass: " + result.mismatches.joined(separator: "; "))
      throw ExitStatus.defects
    }
  }

  private func writeOutputs(_ record: Record, name: String, suffix: String, folder: String, layout: LetterLayout)
    throws
  {
    let base = String(name.split(separator: "/").last ?? "case").replacingOccurrences(of: ".yaml", with: "") + suffix
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
