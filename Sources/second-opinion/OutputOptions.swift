import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionLetters

/// `--out DIR` and `--format`, shared by the commands that write letters.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(OutputLocation.help))
  var out: String?

  @Option(name: .long, parsing: .upToNextOption, help: "Letter formats: markdown, text, html, fhir (several allowed).")
  var format: [LetterFormat] = [.markdown]

  /// The folder used.
  var folder: String { OutputLocation.folder(given: out) }
}

extension LetterFormat: ExpressibleByArgument {}
extension Voice: ExpressibleByArgument {}
