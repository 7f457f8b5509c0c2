import Foundation
import SecondOpinionChecking
import SecondOpinionCore

/// The repository's seeds/ text with edits made to it, for tests that need a
/// defect or an addition: each edit names the text it replaces, so a test
/// fails loudly when the seeds move on under it, and says the line it made.
public struct EditedSeeds {
  /// The text of each file, by name (interview.yaml, triage.yaml, letter.yaml).
  public var files: [String: String] = [
    SeedLoader.interviewFile: TestSeeds.text(SeedLoader.interviewFile),
    SeedLoader.triageFile: TestSeeds.text(SeedLoader.triageFile),
    SeedLoader.letterFile: TestSeeds.text(SeedLoader.letterFile),
  ]

  /// The repository's seeds, unedited.
  public init() {}

  /// Replaces the first `old` in `file` with `new`.
  /// - Returns: the line (1-based) the replacement starts on.
  @discardableResult
  public mutating func replace(_ old: String, with new: String, in file: String = SeedLoader.interviewFile) -> Int {
    let text = files[file] ?? ""
    guard let range = text.range(of: old) else {
      preconditionFailure("\(file) no longer has the text this test edits: \(old)")
    }
    files[file] = text.replacingCharacters(in: range, with: new)
    return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
  }

  /// The line number (1-based) of the `occurrence`-th line of `file` that is
  /// exactly `line`.
  public func line(of line: String, occurrence: Int = 1, in file: String = SeedLoader.interviewFile) -> Int? {
    let lines = (files[file] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
    let matching = lines.indices.filter { lines[$0] == line }
    return occurrence <= matching.count ? matching[occurrence - 1] + 1 : nil
  }

  /// The bundle the edited text loads as, with the repository's phrase
  /// grammars, as `TestSeeds.bundle` has them.
  public func bundle() throws -> SeedBundle {
    try SeedLoader.bundle(
      interview: files[SeedLoader.interviewFile] ?? "", triage: files[SeedLoader.triageFile] ?? "",
      letter: files[SeedLoader.letterFile] ?? ""
    ).with(crisis: try TestSeeds.grammar("crisis"), redFlags: try TestSeeds.grammar("red-flags"))
  }

  /// What `check` finds in the definitions (not the cases).
  public func defects() throws -> [SeedError] { DefinitionChecker(seeds: try bundle()).defects() }
}
