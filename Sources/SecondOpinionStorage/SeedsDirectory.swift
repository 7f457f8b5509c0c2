import Foundation
import SecondOpinionCases
import SecondOpinionChecking
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
  /// The folder and each file are refused when someone else could change
  /// them (`FolderSafety`), and each file's text when it breaks
  /// `SeedTextLimits` (size, anchors and aliases, nesting), before it is decoded.
  /// - Throws: `SeedError` naming the file.
  /// `languages`, when given, are the only translations read (English always
  /// is): an interview in English does not read, nor wait for, the Welsh.
  public static func load(_ folder: String, verify: Bool = false, languages: Set<String>? = nil) throws -> SeedBundle {
    try checkFolder(folder)
    let bundle = try SeedLoader.bundle(
      interview: try text(of: SeedLoader.interviewFile, in: folder),
      triage: try text(of: SeedLoader.triageFile, in: folder),
      letter: try text(of: SeedLoader.letterFile, in: folder)
    ).with(
      translations: try translations(in: folder, only: languages), grammars: try grammars(in: folder, only: languages))
    if verify { try Self.verify(bundle) }
    return bundle
  }

  /// One phrase grammar of seeds/phrases/ in English (the interview's
  /// language), or nil when the file is not there.
  /// - Throws: `SeedError` naming the file.
  public static func phrases(_ name: String, in folder: String, language: String = "en") throws -> PhraseGrammar? {
    let file = "phrases/\(name).\(language).yaml"
    try checkFolder(folder + "/phrases")
    guard FileManager.default.fileExists(atPath: folder + "/" + file) else { return nil }
    return try SeedLoader.decode(try text(of: file, in: folder), file: file)
  }

  /// The translations of seeds/languages/: one folder per language code,
  /// each of `*.yaml` files merged by `SeedLoader.translation`, read as every
  /// seeds file is (`text(of:in:)`). None when there is no languages folder.
  /// - Throws: `SeedError` naming the file.
  public static func translations(in folder: String, only: Set<String>? = nil) throws -> [String: Translation] {
    let root = folder + "/" + SeedLoader.languagesFolder
    guard FileManager.default.fileExists(atPath: root) else { return [:] }
    try checkFolder(root)
    var result: [String: Translation] = [:]
    for code in try names(in: root, file: SeedLoader.languagesFolder) where only?.contains(code) ?? true {
      let languageFolder = SeedLoader.languagesFolder + "/" + code
      guard isLanguageCode(code) else {
        throw SeedError(file: languageFolder, message: "is not a language code (such as cy, or pt-BR)")
      }
      try checkFolder(folder + "/" + languageFolder)
      let files = try names(in: folder + "/" + languageFolder, file: languageFolder).filter {
        $0.hasSuffix(".yaml") || $0.hasSuffix(".yml")
      }
      guard !files.isEmpty else { throw SeedError(file: languageFolder, message: "has no .yaml files") }
      let texts = try files.map { name in
        (name: languageFolder + "/" + name, text: try text(of: languageFolder + "/" + name, in: folder))
      }
      result[code] = try SeedLoader.translation(code: code, files: texts)
    }
    return result
  }

  /// Every language's phrase grammars: English's, and each translation's
  /// (seeds/phrases/NAME.CODE.yaml) that exist.
  /// - Throws: `SeedError` naming the file.
  public static func grammars(in folder: String, only: Set<String>? = nil) throws -> [String: LanguageGrammars] {
    let codes = try languageCodes(in: folder).filter { $0 == SeedBundle.english || only?.contains($0) ?? true }
    var result: [String: LanguageGrammars] = [:]
    for code in codes {
      result[code] = LanguageGrammars(
        crisis: try phrases("crisis", in: folder, language: code),
        redFlags: try phrases("red-flags", in: folder, language: code))
    }
    return result
  }

  /// The codes of every language the seeds folder has: English, then the
  /// folders of seeds/languages/ in order (without reading them).
  /// - Throws: `SeedError` when the languages folder cannot be listed.
  public static func languageCodes(in folder: String) throws -> [String] {
    let root = folder + "/" + SeedLoader.languagesFolder
    guard FileManager.default.fileExists(atPath: root) else { return [SeedBundle.english] }
    return [SeedBundle.english] + (try names(in: root, file: SeedLoader.languagesFolder).filter(isLanguageCode))
  }

  /// The visible entries of a folder, sorted.
  private static func names(in path: String, file: String) throws -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      throw SeedError(file: file, message: "could not be listed")
    }
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// Whether a folder name is a language code: two or three lower-case
  /// letters, then optional `-` parts of letters and digits.
  static func isLanguageCode(_ name: String) -> Bool {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase })
    else { return false }
    return parts.dropFirst().allSatisfy {
      !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  /// Refuses a seeds folder (or cases folder) someone else could change. A
  /// missing folder, or a file in its place, is left to the reads that
  /// follow, which name the file they looked for.
  /// - Throws: `SeedError`.
  public static func checkFolder(_ folder: String) throws {
    var info = stat()
    guard lstat(FolderSafety.trimmed(folder), &info) == 0 else { return }
    if info.st_mode & S_IFMT == S_IFREG { return }
    if let problem = FolderSafety.problem(info, path: folder, kind: .folder) {
      throw SeedError(file: folder, message: "refused: \(problem)")
    }
  }

  /// The text of one seeds file (`name` relative to `folder`, as messages
  /// name it): a regular file, not a link, trusted (`FolderSafety`), UTF-8,
  /// and within `SeedTextLimits`. For every YAML file the program reads from
  /// seeds/.
  /// - Throws: `SeedError` naming the file.
  public static func text(of name: String, in folder: String) throws -> String {
    let data: Data
    do {
      data = try SafeFile.read(folder + "/" + name, limit: SeedTextLimits.maxBytes, trusted: true)
    } catch {
      if error.missing { throw SeedError(file: name, message: "missing or unreadable (looked in \(folder))") }
      throw SeedError(file: name, message: error.reason)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SeedError(file: name, message: "is not UTF-8 text")
    }
    if let problem = SeedTextLimits.problem(in: text, file: name) { throw problem }
    return text
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

  /// Loads every `*.yaml` case in a folder, sorted by name, each read as
  /// seeds files are (`text(of:in:)`).
  public static func cases(_ folder: String) throws -> [CaseDefinition] {
    try checkFolder(folder)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw SeedError(file: folder, message: "the cases folder is missing")
    }
    return try names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted().map {
      name in
      let text: String
      do {
        text = try Self.text(of: name, in: folder)
      } catch var error as SeedError {
        error.file = "cases/" + error.file
        throw error
      }
      return try CaseDefinition.load(text, file: "cases/" + name)
    }
  }
}
