import Foundation
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The red-flag grammars against what people type at the red-flag screen,
/// written by someone who did not see them (Tests/corpus/red-flags-LANG.yaml,
/// one file a language, read with the grammars a session in that language
/// reads: its own and English): every flag said is found, or the flags are
/// walked one by one; doubt is never read as none. Flags found where none
/// were said are reported.
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
    RedFlagReader(
      redFlags: try TestSeeds.grammars("red-flags", language: language),
      crisis: try TestSeeds.grammars("crisis", language: language))
  }

  static func corpus(_ language: String) throws -> Corpus {
    let file = "Tests/corpus/red-flags-\(language).yaml"
    let root = TestSeeds.folder.deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    return try SeedLoader.decode(text, file: file)
  }

  /// The fewest phrasings a language's corpus may have.
  static let fewest = ["en": 250]

  @Test func thereIsAnEnglishCorpus() {
    #expect(CrisisCorpusTests.corpusLanguages("red-flags").contains("en"))
  }

  @Test(arguments: CrisisCorpusTests.corpusLanguages("red-flags"))
  func everyFlagIsFoundOrWalked(language: String) throws {
    let corpus = try Self.corpus(language)
    let reader = try Self.reader(language)
    #expect(corpus.phrasings.count >= Self.fewest[language, default: 50])
    var failures: [String] = []
    var extra: [String] = []
    var refused: [String] = []
    var noneSaid = 0
    var noneRead = 0
    for phrasing in corpus.phrasings {
      let reading = reader.read(phrasing.text)
      if phrasing.flags.isEmpty {
        noneSaid += 1
        if reading == .none { noneRead += 1 }
      }
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
      "red-flag corpus (\(language)): \(corpus.phrasings.count) phrasings; failures \(failures.count); "
        + "extra flags \(extra.count); refused \(refused.count); none read as none \(noneRead) of \(noneSaid)")
    for line in extra { print("  extra: \(line)") }
    for line in refused { print("  refused: \(line)") }
    #expect(failures.isEmpty, "red-flag failures (\(language)):\n\(failures.joined(separator: "\n"))")
  }

  /// Mentions of a flag in the past or denied: a cautious reading confirms
  /// them; none may be refused as "not one of the choices".
  @Test(arguments: CrisisCorpusTests.corpusLanguages("red-flags"))
  func pastOrDeniedFlagsAreNeverRefused(language: String) throws {
    let corpus = try Self.corpus(language)
    let reader = try Self.reader(language)
    for phrasing in corpus.pastOrDenied ?? [] {
      #expect(reader.read(phrasing.text) != .unrecognised, "(\(language)) \(phrasing.text)")
    }
  }
}
