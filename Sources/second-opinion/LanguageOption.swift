import ArgumentParser
import SecondOpinionCore

/// `--language CODE`, for `interview` and `resume`: the language of the
/// screen and the patient's copy (the clinician's letter is in English).
struct LanguageOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The language of the screen: en (English), or a language of seeds/languages (cy: Cymraeg). The letter is in English.",
      valueName: "code"))
  var language: String?

  /// The bundle speaking the language asked for (or `otherwise`, English by
  /// default), or exits 64 naming the languages the seeds have.
  func speaking(_ seeds: SeedBundle, otherwise: String = SeedBundle.english) throws -> SeedBundle {
    let code = language ?? otherwise
    guard let spoken = seeds.speaking(code) else {
      Diagnostics.error(
        "there is no language `\(InertText.lines(code))` in the seeds; use one of: "
          + seeds.languages.map { "\($0) (\(seeds.name(of: $0)))" }.joined(separator: ", "))
      throw ExitStatus.usage
    }
    return spoken
  }
}
