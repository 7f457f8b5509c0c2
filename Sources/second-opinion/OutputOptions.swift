import ArgumentParser
import Foundation
import SecondOpinionCore

/// `--out DIR` and `--format`, shared by the commands that write letters.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .long, help: "The folder for records and letters (default: $SECOND_OPINION_OUT, or ./second-opinion-records)."
  )
  var out: String?

  @Option(name: .long, parsing: .upToNextOption, help: "Letter formats: markdown, text, html, fhir (several allowed).")
  var format: [LetterFormat] = [.markdown]

  /// The folder used.
  var folder: String {
    if let out { return out }
    if let env = ProcessInfo.processInfo.environment["SECOND_OPINION_OUT"], !env.isEmpty { return env }
    return "second-opinion-records"
  }
}

extension LetterFormat: ExpressibleByArgument {}
extension Voice: ExpressibleByArgument {}
