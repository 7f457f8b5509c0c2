import Foundation
import SecondOpinionCore

/// Loads the repository's seeds/ for tests.
enum TestSeeds {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds")

  static func text(_ name: String) -> String {
    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  static let bundle: SeedBundle = {
    do {
      return try SeedLoader.bundle(
        interview: text(SeedLoader.interviewFile), triage: text(SeedLoader.triageFile),
        letter: text(SeedLoader.letterFile)
      ).with(crisis: try grammar("crisis"), redFlags: try grammar("red-flags"))
    } catch {
      fatalError("the repository's seeds do not load: \(error)")
    }
  }()

  /// A phrase grammar of seeds/phrases/, in English.
  static func grammar(_ name: String) throws -> PhraseGrammar {
    let file = "phrases/\(name).en.yaml"
    return try SeedLoader.decode(text(file), file: file)
  }

  static let today = "2026-11-25"
}
