import Foundation
import Testing

@testable import SecondOpinionCore
@testable import SecondOpinionStorage

@Suite("Seed cache")
struct SeedCacheTests {
  /// Whether two bundles hold the same definitions, field by field.
  static func same(_ a: SeedBundle, _ b: SeedBundle) -> Bool {
    let (x, y) = (a.interview, b.interview)
    return x.version == y.version && x.title == y.title && x.introduction == y.introduction
      && x.questions == y.questions && x.stops == y.stops && x.messages == y.messages
      && x.closingMessages == y.closingMessages && x.facts == y.facts && x.wording == y.wording
      && a.triage.version == b.triage.version && a.triage.assumptions == b.triage.assumptions
      && a.triage.decisionMarginDays == b.triage.decisionMarginDays && a.triage.mappings == b.triage.mappings
      && a.triage.urgency == b.triage.urgency && a.triage.delayRisk == b.triage.delayRisk && a.letter == b.letter
  }

  static func bytes(_ name: String) -> [UInt8] { Array(TestSeeds.text(name).utf8) }

  static func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("seed-cache-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func theBinaryFormRoundTripsEveryField() throws {
    let bundle = TestSeeds.bundle
    let decoded = try #require(SeedBundleCoding.decode(SeedBundleCoding.encode(bundle)))
    #expect(Self.same(bundle, decoded))
    // Shared wording (one string in YAML) and line numbers survive.
    #expect(decoded.interview.questions.contains { $0.choices?.contains { $0.label.shared } ?? false })
    #expect(decoded.interview.questions.allSatisfy { $0.line != nil })
    #expect(decoded.triage.urgency.nodes.allSatisfy { $0.line != nil })
  }

  /// A new field in a seed type must be added to `SeedBundleCoding` (and its
  /// version changed): this fails until the counts here are updated with it.
  @Test func theBinaryFormKnowsEveryField() throws {
    let interview = TestSeeds.bundle.interview
    let question = try #require(interview.questions.first)
    let triage = TestSeeds.bundle.triage
    let letter = TestSeeds.bundle.letter
    let counts: [(Any, Int)] = [
      (interview, 9), (question.fields, 20), (question.text, 3), (Choice(id: "a", label: VoiceText("a")), 4),
      (try #require(interview.stops.first), 4), (try #require(interview.messages.first), 5),
      (FactDefinition(id: "a"), 4), (triage, 6), (try #require(triage.assumptions.first), 6),
      (try #require(triage.mappings.first), 6), (triage.urgency, 3), (try #require(triage.urgency.nodes.first), 9),
      (try #require(triage.urgency.leaves.first), 7), (letter, 4), (try #require(letter.headings.first), 5),
    ]
    for (value, count) in counts {
      #expect(Mirror(reflecting: value).children.count == count, "\(type(of: value)) has a new field")
    }
  }

  @Test func damagedBytesAreRefusedNotTrusted() throws {
    let bytes = SeedBundleCoding.encode(TestSeeds.bundle)
    for length in stride(from: 0, to: bytes.count, by: 97) {
      #expect(SeedBundleCoding.decode(Array(bytes[..<length])) == nil)
    }
    #expect(SeedBundleCoding.decode(bytes + [0]) == nil)
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<300 {
      var damaged = bytes
      damaged[Int.random(in: 0..<damaged.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
      _ = SeedBundleCoding.decode(damaged)  // must not trap
    }
  }

  @Test func aStoredBundleIsFoundOnlyForTheSameBytes() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = SeedCache(folder: folder + "/cache")
    let (interview, triage, letter) = (
      Self.bytes("interview.yaml"), Self.bytes("triage.yaml"), Self.bytes("letter.yaml")
    )
    #expect(cache.bundle(interview: interview, triage: triage, letter: letter) == nil)
    cache.store(TestSeeds.bundle, interview: interview, triage: triage, letter: letter)
    let found = try #require(cache.bundle(interview: interview, triage: triage, letter: letter))
    #expect(Self.same(found, TestSeeds.bundle))
    #expect(cache.bundle(interview: interview + [10], triage: triage, letter: letter) == nil)
    #expect(cache.bundle(interview: interview, triage: letter, letter: triage) == nil)
    var info = stat()
    #expect(stat(folder + "/cache", &info) == 0 && info.st_mode & 0o777 == 0o700)
  }

  @Test func aDamagedOrForeignCacheFileIsIgnored() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = SeedCache(folder: folder + "/cache")
    let (interview, triage, letter) = (
      Self.bytes("interview.yaml"), Self.bytes("triage.yaml"), Self.bytes("letter.yaml")
    )
    cache.store(TestSeeds.bundle, interview: interview, triage: triage, letter: letter)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/cache")
    let file = folder + "/cache/" + (try #require(names.first))
    let good = try #require(FileManager.default.contents(atPath: file))
    var info = stat()
    #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)

    var damaged = good
    damaged[damaged.count - 100] ^= 0x40
    try damaged.write(to: URL(fileURLWithPath: file))
    #expect(cache.bundle(interview: interview, triage: triage, letter: letter) == nil)

    try good.prefix(good.count - 3).write(to: URL(fileURLWithPath: file))
    #expect(cache.bundle(interview: interview, triage: triage, letter: letter) == nil)

    try good.write(to: URL(fileURLWithPath: file))
    chmod(file, 0o666)
    #expect(cache.bundle(interview: interview, triage: triage, letter: letter) == nil)
    chmod(file, 0o600)
    #expect(cache.bundle(interview: interview, triage: triage, letter: letter) != nil)
    chmod(folder + "/cache", 0o777)
    #expect(cache.bundle(interview: interview, triage: triage, letter: letter) == nil)
  }

  @Test func loadingThroughTheCacheGivesTheSameBundleAndTheSameErrors() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = SeedCache(folder: folder + "/cache")
    let plain = try SeedsDirectory.load(TestSeeds.folder.path)
    let first = try SeedsDirectory.load(TestSeeds.folder.path, cache: cache)
    let second = try SeedsDirectory.load(TestSeeds.folder.path, cache: cache)
    #expect(Self.same(plain, first) && Self.same(plain, second))

    let seeds = folder + "/seeds"
    try FileManager.default.createDirectory(atPath: seeds, withIntermediateDirectories: true)
    for name in ["interview.yaml", "triage.yaml", "letter.yaml"] {
      try Data(Self.bytes(name)).write(to: URL(fileURLWithPath: seeds + "/" + name))
    }
    _ = try SeedsDirectory.load(seeds, cache: cache)
    try Data("version: [".utf8).write(to: URL(fileURLWithPath: seeds + "/triage.yaml"))
    let errors = [nil, cache].map { cache -> String in
      do {
        _ = try SeedsDirectory.load(seeds, cache: cache)
        return "loaded"
      } catch {
        return "\(error)"
      }
    }
    #expect(errors[0] == errors[1] && errors[0] != "loaded")
  }

  @Test func theStandardCacheFollowsXDGAndCanBeTurnedOff() {
    func standard(_ variables: [String: String]) -> SeedCache? { SeedCache.standard(environment: { variables[$0] }) }
    #expect(standard(["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.folder == "/x/second-opinion")
    #expect(standard(["HOME": "/h"])?.folder == "/h/.cache/second-opinion")
    #expect(standard(["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.folder == "/h/.cache/second-opinion")
    #expect(standard([:]) == nil)
    #expect(standard(["HOME": "/h", "SECOND_OPINION_SEED_CACHE": "off"]) == nil)
  }

  @Test func anEnvironmentVariableIsReadAsProcessInfoReadsIt() {
    for name in ["PATH", "HOME", "SECOND_OPINION_UNSET_VARIABLE", "LC_ALL"] {
      #expect(ProcessEnvironment.value(name) == ProcessInfo.processInfo.environment[name])
    }
  }

  /// The cached path reads seed files with POSIX calls: the same bytes, the same
  /// failures and the same text as FileManager and `String(data:encoding:)`.
  @Test func seedFilesAreReadAsFoundationReadsThem() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var generator = SeededGenerator(seed: 21)
    var samples: [[UInt8]] = [
      [], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x61], [0x61, 0xEF, 0xBB, 0xBF], [0xC0, 0x80],
    ]
    samples.append(Self.bytes("interview.yaml"))
    samples.append([UInt8](repeating: 0x61, count: 200_000))
    for _ in 0..<300 {
      let pool: [UInt8] = [0x61, 0x0A, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0xFF, 0x80, 0xE2, 0x82, 0xAC, 0x00]
      samples.append(
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
    }
    for (index, sample) in samples.enumerated() {
      let path = folder + "/\(index).yaml"
      try Data(sample).write(to: URL(fileURLWithPath: path))
      let data = FileManager.default.contents(atPath: path)
      let bytes = SeedsDirectory.readFile(path)
      #expect(bytes == data.map { [UInt8]($0) })
      #expect(SeedsDirectory.text(utf8: sample) == String(data: Data(sample), encoding: .utf8), "\(sample)")
    }
    for path in [folder, folder + "/missing.yaml", "/proc/self/status"] {
      #expect((SeedsDirectory.readFile(path) == nil) == (FileManager.default.contents(atPath: path) == nil), "\(path)")
    }
  }
}
