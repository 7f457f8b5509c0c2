import Foundation
import SecondOpinionCore

/// Reads seeds/ from disk: finds the folder, loads the bundle and the cases.
public enum SeedsDirectory {
  /// Finds the seeds folder: the one given, else `$SECOND_OPINION_SEEDS`, else
  /// `seeds/` beside or above the executable (a build inside a clone), else
  /// `./seeds`.
  public static func locate(_ given: String?) -> String {
    if let given { return given }
    if let env = ProcessEnvironment.value("SECOND_OPINION_SEEDS"), !env.isEmpty { return env }
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

  /// Loads the bundle from a folder. With a cache, a bundle decoded before
  /// from exactly the same bytes is taken from it, and one decoded now is
  /// stored in it (see `SeedCache`); without, the YAML is always decoded
  /// (`check` does so, for the line numbers of its defects).
  /// With `verify`, seeds that `DefinitionChecker` finds a defect in are
  /// refused (the first defect is thrown, with how many more there are), so
  /// an interview never runs on them; only verified bundles are cached, so a
  /// bundle from the cache was verified when it was stored.
  /// - Throws: `SeedError` naming the file, the same with or without a cache.
  public static func load(_ folder: String, cache: SeedCache? = nil, verify: Bool = false) throws -> SeedBundle {
    try decode(folder, cache: cache, verify: verify)
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

  private static func decode(_ folder: String, cache: SeedCache?, verify: Bool) throws -> SeedBundle {
    guard let cache else {
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
    // The same checks in the same order, on bytes read with POSIX calls
    // (Foundation's FileManager and Data cost more at start-up than the rest).
    var bytes: [[UInt8]] = []
    func read(_ name: String) throws -> String {
      guard let data = readFile(folder + "/" + name) else {
        throw SeedError(file: name, message: "missing or unreadable (looked in \(folder))")
      }
      guard let text = text(utf8: data) else { throw SeedError(file: name, message: "is not UTF-8 text") }
      bytes.append(data)
      return text
    }
    let interview = try read(SeedLoader.interviewFile)
    let triage = try read(SeedLoader.triageFile)
    let letter = try read(SeedLoader.letterFile)
    if let bundle = cache.bundle(interview: bytes[0], triage: bytes[1], letter: bytes[2]) { return bundle }
    let bundle = try SeedLoader.bundle(interview: interview, triage: triage, letter: letter)
    // Only a verified bundle is stored: one taken from the cache needs no check.
    try Self.verify(bundle)
    cache.store(bundle, interview: bytes[0], triage: bytes[1], letter: bytes[2])
    return bundle
  }

  /// A file's bytes, or nil when it cannot be read (missing, a folder,
  /// unreadable), as `FileManager.contents(atPath:)` answers.
  static func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
    // Read straight into an array of the file's size and one byte more (to
    // see the end); a file that is longer than it said goes on in chunks.
    let expected = max(Int(info.st_size), 0) + 1
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
      while initialized < expected {
        let count = read(fd, buffer.baseAddress! + initialized, expected - initialized)
        if count < 0, errno == EINTR { continue }
        if count < 0 { failed = true }
        guard count > 0 else { break }
        initialized += count
      }
    }
    guard !failed else { return nil }
    guard bytes.count == expected else { return bytes }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  /// The text of UTF-8 bytes as `String(data:encoding: .utf8)` gives it: nil
  /// when they are not valid UTF-8, and without a leading byte order mark.
  static func text(utf8 bytes: [UInt8]) -> String? {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    return String(validating: body, as: UTF8.self)
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
