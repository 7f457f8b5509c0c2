import Foundation
import SecondOpinionCore

/// Reads seeds/ from disk: finds the folder, loads the bundle and the cases.
public enum SeedsDirectory {
  /// Finds the seeds folder: the one given, else `$SECOND_OPINION_SEEDS`, else
  /// `seeds/` beside or above the executable (a build inside a clone), else
  /// `./seeds`.
  public static func locate(_ given: String?) -> String {
    if let given { return given }
    if let env = ProcessInfo.processInfo.environment["SECOND_OPINION_SEEDS"], !env.isEmpty { return env }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      url = URL(fileURLWithPath: exe).deletingLastPathComponent()
    }
    for _ in 0..<6 {
      let candidate = url.appendingPathComponent("seeds")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(SeedLoader.interviewFile).path) {
        return candidate.path
      }
      url.deleteLastPathComponent()
    }
    return "seeds"
  }

  /// Loads the bundle from a folder. With `verify`, seeds that
  /// `DefinitionChecker` finds a defect in are refused (the first defect is
  /// thrown, with how many more there are), so an interview never runs on them.
  /// - Throws: `SeedError` naming the file.
  public static func load(_ folder: String, verify: Bool = false) throws -> SeedBundle {
    func read(_ name: String) throws -> String {
      let path = folder + "/" + name
      guard let data = FileManager.default.contents(atPath: path) else {
        throw SeedError(file: name, message: "missing or unreadable (looked in \(folder))")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw SeedError(file: name, message: "is not UTF-8 text")
      }
      return text
    }
    let bundle = try SeedLoader.bundle(
      interview: try read(SeedLoader.interviewFile), triage: try read(SeedLoader.triageFile),
      letter: try read(SeedLoader.letterFile))
    if verify { try Self.verify(bundle) }
    return bundle
  }

  /// Throws the first defect `DefinitionChecker` finds, if any.
  public static func verify(_ bundle: SeedBundle) throws {
    let defects = DefinitionChecker(seeds: bundle).defects()
    guard var first = defects.first else { return }
    if defects.count > 1 {
      first.message += " (and \(defects.count - 1) more defects: run `second-opinion check` to list them all)"
    }
    throw first
  }

  /// Loads every `*.yaml` case in a folder, sorted by name.
  public static func cases(_ folder: String) throws -> [CaseDefinition] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw SeedError(file: folder, message: "the cases folder is missing")
    }
    return try names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { name in
      guard let data = FileManager.default.contents(atPath: folder + "/" + name),
        let text = String(data: data, encoding: .utf8)
      else { throw SeedError(file: "cases/" + name, message: "unreadable") }
      return try SeedLoader.testCase(text, file: "cases/" + name)
    }
  }
}
