import Foundation
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The red-flag grammar against what people type at the red-flag screen,
/// written by someone who did not see it (Tests/corpus/red-flags-en.yaml):
/// every flag said is found, or the flags are walked one by one; doubt is
/// never read as none. Flags found where none were said are reported.
@Suite("Red-flag corpus")
struct RedFlagCorpusTests {
  struct Corpus: Decodable {
    struct Phrasing: Decodable {
      var text: String
      var flags: [String]
      var note: String?
    }
    var phrasings: [Phrasing]
    var pastOrDenied: [Phrasing]?

    enum CodingKeys: String, CodingKey {
      case phrasings
      case pastOrDenied = "past_or_denied"
    }
  }

  static func reader(_ language: String) throws -> RedFlagReader {
    func grammar(_ name: String) throws -> PhraseGrammar {
      let file = "phrases/\(name).\(language).yaml"
      return try SeedLoader.decode(
        try String(contentsOf: TestSeeds.folder.appendingPathComponent(file), encoding: .utf8), file: file)
    }
    return RedFlagReader(redFlags: try grammar("red-flags"), crisis: try grammar("crisis"))
  }

  @Test func everyEnglishFlagIsFoundOrWalked() throws {
    let root = TestSeeds.folder.deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent("Tests/corpus/red-flags-en.yaml"), encoding: .utf8)
    let corpus: Corpus = try SeedLoader.decode(text, file: "red-flags-en.yaml")
    let reader = try Self.reader("en")
    #expect(corpus.phrasings.count >= 250)
    var failures: [String] = []
    var extra: [String] = []
    var refused: [String] = []
    for phrasing in corpus.phrasings {
      let reading = reader.read(phrasing.text)
      let expected = phrasing.flags.filter { $0 != "not_sure" }
      let unsure = phrasing.flags.contains("not_sure")
      switch reading {
      case .flags(let confirm, let certain):
        let found = Set(confirm + certain)
        if !Set(expected).isSubset(of: found) {
          failures.append("\(phrasing.text): expected \(expected), found \(found.sorted())")
        } else if found.count > expected.count {
          extra.append("\(phrasing.text): also \(found.subtracting(expected).sorted())")
        }
      case .unsure:
        break  // every flag is then asked on its own: nothing can be missed
      case .none:
        if !expected.isEmpty || unsure { failures.append("\(phrasing.text): read as none") }
      case .unrecognised:
        if !expected.isEmpty || unsure { failures.append("\(phrasing.text): refused") }
        refused.append(phrasing.text)
      }
    }
    print(
      "red-flag corpus (en): \(corpus.phrasings.count) phrasings; failures \(failures.count); "
        + "extra flags \(extra.count); refused \(refused.count)")
    for line in extra { print("  extra: \(line)") }
    for line in refused { print("  refused: \(line)") }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }

  /// Mentions of a flag in the past or denied: a cautious reading confirms
  /// them; none may be refused as "not one of the choices".
  @Test func pastOrDeniedFlagsAreNeverRefused() throws {
    let root = TestSeeds.folder.deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent("Tests/corpus/red-flags-en.yaml"), encoding: .utf8)
    let corpus: Corpus = try SeedLoader.decode(text, file: "red-flags-en.yaml")
    let reader = try Self.reader("en")
    for phrasing in corpus.pastOrDenied ?? [] {
      #expect(reader.read(phrasing.text) != .unrecognised, "\(phrasing.text)")
    }
  }
}
