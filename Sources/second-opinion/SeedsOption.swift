import ArgumentParser
import SecondOpinionCore
import SecondOpinionStorage

/// `--seeds DIR`, shared by the commands that read seeds/.
struct SeedsOption: ParsableArguments {
  @Option(name: .long, help: "The seeds folder (default: $SECOND_OPINION_SEEDS, or seeds/ of this checkout).")
  var seeds: String?

  /// The folder used.
  var folder: String { SeedsDirectory.locate(seeds) }

  /// Loads the bundle, or exits 6 with the defect. With
  /// `verified` (the default), seeds `check` would find a defect in are
  /// refused too: an interview, the kiosk, a resumed draft and the case
  /// library never run on them. `check`, `tree` and `render` inspect seeds and
  /// pass false.
  /// `languages`, when given, are the only translations read.
  func load(verified: Bool = true, languages: Set<String>? = nil) throws -> SeedBundle {
    do {
      return try SeedsDirectory.load(folder, verify: verified, languages: languages)
    } catch let error as SeedError {
      Diagnostics.error("the seeds are not usable: \(error)")
      throw ExitStatus.seedsInvalid
    }
  }
}
