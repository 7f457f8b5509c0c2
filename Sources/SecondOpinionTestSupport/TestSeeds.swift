import Foundation
import SecondOpinionChecking
import SecondOpinionCore

/// Loads the repository's seeds/ for tests: the folder beside Sources/.
public enum TestSeeds {
  /// The repository's seeds/ folder.
  public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds")

  /// The text of a file in seeds/, or "" when it cannot be read.
  public static func text(_ name: String) -> String {
    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  /// The repository's seeds, loaded; stops the test run when they do not load.
  public static let bundle: SeedBundle = {
    do {
      return try SeedLoader.bundle(
        interview: text(SeedLoader.interviewFile), triage: text(SeedLoader.triageFile),
        letter: text(SeedLoader.letterFile)
      ).with(crisis: try grammar("crisis"), redFlags: try grammar("red-flags"))
    } catch {
      fatalError("the repository's seeds do not load: \(error)")
    }
  }()

  /// A phrase grammar of seeds/phrases/ (`crisis`, `red-flags`), in a
  /// language (English unless told).
  public static func grammar(_ name: String, language: String = PhraseGrammar.baseLanguage) throws -> PhraseGrammar {
    let file = "phrases/\(name).\(language).yaml"
    return try SeedLoader.decode(text(file), file: file)
  }

  /// The grammars of that name a session in `language` reads, its own first
  /// (`PhraseGrammar.languagesRead(in:)`).
  public static func grammars(_ name: String, language: String) throws -> [PhraseGrammar] {
    try PhraseGrammar.languagesRead(in: language).map { try grammar(name, language: $0) }
  }

  /// The fixed day the tests' dates are relative to.
  public static let today = "2026-11-25"

  /// The words that start every refused answer, in the seeds' English
  /// (`wording.sorry`).
  public static var rejectionMarker: String { bundle.interview.say(.sorry, .patient) }

  /// A parser's reason (`NHSNumber`, `UKDateParser`) in the seeds' English
  /// wording, as the patient is shown it.
  public static func reason(_ reason: InterfaceReason) -> String {
    reason.text(in: bundle.interview.wording, .patient)
  }
}
