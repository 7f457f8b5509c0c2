import ArgumentParser
import SecondOpinionCore
import SecondOpinionStorage

/// `--language CODE`, for `interview` and `resume`: the language of the
/// screen and the patient's copy (the clinician's letter is in English).
struct LanguageOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The language of the screen: en (English), or a language of seeds/languages (cy: Cymraeg). The letter is in English.",
      valueName: "code"))
  var language: String?

  /// The code asked for, English by default.
  var code: String { language ?? SeedBundle.english }

  /// The code asked for, when `seeds` (with every language read) have it;
  /// else exits 64 naming the languages they have.
  func code(in seeds: SeedBundle) throws -> String {
    guard seeds.languages.contains(code) else {
      Diagnostics.error(
        "there is no language `\(InertText.lines(code))` in the seeds; use one of: "
          + seeds.languages.joined(separator: ", "))
      throw ExitStatus.usage
    }
    return code
  }

  /// The seeds speaking the language asked for, reading only that language's
  /// files (an English interview reads none of seeds/languages/), or exits 64
  /// naming the languages the seeds have.
  func load(_ seeds: SeedsOption) throws -> SeedBundle {
    let available = (try? SeedsDirectory.languageCodes(in: seeds.folder)) ?? [SeedBundle.english]
    guard available.contains(code), let spoken = try seeds.load(languages: [code]).speaking(code) else {
      Diagnostics.error(
        "there is no language `\(InertText.lines(code))` in the seeds; use one of: "
          + available.joined(separator: ", "))
      throw ExitStatus.usage
    }
    return spoken
  }
}
