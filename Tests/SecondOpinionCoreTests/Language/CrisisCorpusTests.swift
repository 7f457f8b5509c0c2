import Foundation
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The crisis grammar (seeds/phrases/crisis.en.yaml) against phrasings
/// written by someone who did not see it (Tests/corpus/crisis-en.yaml):
/// every disclosure, and every denial (which must still ask the check
/// question), is caught; ordinary worries that are caught too are reported.
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

  static func load(_ corpus: String, grammar: String) throws -> (Corpus, PhraseMatcher) {
    let root = TestSeeds.folder.deletingLastPathComponent()
    let corpusText = try String(contentsOf: root.appendingPathComponent(corpus), encoding: .utf8)
    let grammarText = try String(contentsOf: TestSeeds.folder.appendingPathComponent(grammar), encoding: .utf8)
    let decoded: Corpus = try SeedLoader.decode(corpusText, file: corpus)
    let rules: PhraseGrammar = try SeedLoader.decode(grammarText, file: grammar)
    return (decoded, PhraseMatcher(rules))
  }

  @Test func everyEnglishDisclosureIsCaught() throws {
    let (corpus, matcher) = try Self.load("Tests/corpus/crisis-en.yaml", grammar: "phrases/crisis.en.yaml")
    #expect(corpus.phrasings.count >= 300)
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
    print(
      "crisis corpus (en): \(corpus.phrasings.count) phrasings; missed \(missed.count); "
        + "false alarms \(falseAlarms.count) of \(ordinary) ordinary; ambiguous caught \(ambiguousCaught) of \(ambiguous)"
    )
    for alarm in falseAlarms { print("  false alarm: \(alarm)") }
    #expect(missed.isEmpty, "missed disclosures:\n\(missed.joined(separator: "\n"))")
  }
}
