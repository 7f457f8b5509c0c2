import Foundation
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The crisis grammars (seeds/phrases/crisis.LANG.yaml) against phrasings
/// written by someone who did not see them (Tests/corpus/crisis-LANG.yaml,
/// one file a language): every disclosure, and every denial (which must
/// still ask the check question), is caught by the grammars a session in
/// that language reads (its own and English); ordinary worries that are
/// caught too are reported.
@Suite("Crisis corpus")
struct CrisisCorpusTests {
  struct Corpus: Decodable {
    struct Phrasing: Decodable {
      var text: String
      var label: String
      var person: String?
      var note: String?
    }
    var phrasings: [Phrasing]
  }

  static let mustCatch: Set<String> = ["suicidal", "self_harm", "harm_others", "negated"]

  /// The languages Tests/corpus/ has a file of that kind in
  /// (`crisis-LANG.yaml`, `red-flags-LANG.yaml`), sorted.
  static func corpusLanguages(_ kind: String) -> [String] {
    let folder = TestSeeds.folder.deletingLastPathComponent().appendingPathComponent("Tests/corpus")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.compactMap { file -> String? in
      guard file.hasPrefix(kind + "-"), file.hasSuffix(".yaml") else { return nil }
      return String(file.dropFirst(kind.count + 1).dropLast(5))
    }.sorted()
  }

  /// The fewest phrasings a language's corpus may have: a corpus that
  /// shrank would test less than it says.
  static let fewest = ["en": 300]

  static func load(_ language: String) throws -> (Corpus, PhraseMatcher) {
    let file = "Tests/corpus/crisis-\(language).yaml"
    let root = TestSeeds.folder.deletingLastPathComponent()
    let corpusText = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    let decoded: Corpus = try SeedLoader.decode(corpusText, file: file)
    return (decoded, PhraseMatcher(try TestSeeds.grammars("crisis", language: language)))
  }

  @Test func thereIsAnEnglishCorpus() {
    #expect(Self.corpusLanguages("crisis").contains("en"))
  }

  @Test(arguments: corpusLanguages("crisis"))
  func everyDisclosureIsCaught(language: String) throws {
    let (corpus, matcher) = try Self.load(language)
    #expect(corpus.phrasings.count >= Self.fewest[language, default: 50])
    var missed: [String] = []
    var falseAlarms: [String] = []
    var ambiguousCaught = 0
    var ambiguous = 0
    for phrasing in corpus.phrasings {
      let caught = !matcher.matches(in: phrasing.text).isEmpty
      switch phrasing.label {
      case _ where Self.mustCatch.contains(phrasing.label):
        if !caught { missed.append("[\(phrasing.label)] \(phrasing.text)") }
      case "ordinary":
        if caught {
          falseAlarms.append(
            "\(phrasing.text)  <- \(matcher.matches(in: phrasing.text).map { "\($0.concept): \($0.words)" })")
        }
      default:
        ambiguous += 1
        if caught { ambiguousCaught += 1 }
      }
    }
    let ordinary = corpus.phrasings.filter { $0.label == "ordinary" }.count
    let mustCatch = corpus.phrasings.filter { Self.mustCatch.contains($0.label) }.count
    print(
      "crisis corpus (\(language)): \(corpus.phrasings.count) phrasings; caught \(mustCatch - missed.count) of "
        + "\(mustCatch) disclosures, missed \(missed.count); false alarms \(falseAlarms.count) of \(ordinary) "
        + "ordinary; ambiguous caught \(ambiguousCaught) of \(ambiguous)"
    )
    for alarm in falseAlarms { print("  false alarm: \(alarm)") }
    #expect(missed.isEmpty, "missed disclosures (\(language)):\n\(missed.joined(separator: "\n"))")
  }
}
