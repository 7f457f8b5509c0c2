import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionStorage
import SecondOpinionTestSupport
import Testing

/// Issue 17: every case in the library, run in every language of the seeds,
/// passes its own expectations and gives exactly the English run's triage: a
/// patient who answers in Welsh is triaged as one who answers in English.
@Suite("Cases in every language")
struct CaseLanguageTests {
  /// The repository's seeds with their translations, as `cases` loads them.
  static let seeds: SeedBundle = {
    do {
      return try SeedsDirectory.load(TestSeeds.folder.path)
    } catch {
      fatalError("the repository's seeds do not load: \(error)")
    }
  }()

  /// The library, and each case's English run, made once.
  static let english: [(definition: CaseDefinition, result: CaseResult)] = {
    do {
      let runner = CaseRunner(seeds: seeds)
      return try CaseLibraryTests.cases().map { ($0, runner.run($0)) }
    } catch {
      fatalError("the case library does not load: \(error)")
    }
  }()

  /// The languages other than English.
  static let translated = seeds.languages.filter { $0 != SeedBundle.english }

  @Test func theSeedsHaveALanguageBesideEnglish() {
    #expect(Self.translated.contains("cy"), "languages: \(Self.seeds.languages)")
  }

  @Test(arguments: translated)
  func everyCasePassesWithTheEnglishTriage(in language: String) {
    let runner = CaseRunner(seeds: Self.seeds, language: language)
    #expect(Self.english.count > 100)
    for (definition, english) in Self.english {
      let name = definition.file ?? definition.title
      #expect(english.passed, "\(name) in en: \(english.mismatches)")
      let result = runner.run(definition)
      #expect(result.language == language)
      #expect(result.passed, "\(name) in \(language): \(result.mismatches.first ?? "")")
      let differences = result.triageDifferences(from: english)
      #expect(differences.isEmpty, "\(name) in \(language) differs from en: \(differences.first ?? "")")
      // It ran in the language: a case that types anything types it as a
      // speaker of the language would, so some line of a long case differs.
      if result.typed.count > 10 { #expect(result.typed != english.typed, "\(name) typed English in \(language)") }
    }
  }

  @Test func aRunSaysWhichLanguageItRanIn() throws {
    let definition = try #require(Self.english.first?.definition)
    #expect(CaseRunner(seeds: Self.seeds).run(definition).language == "en")
    #expect(CaseRunner(seeds: Self.seeds, language: "cy").run(definition).language == "cy")
    let missing = CaseRunner(seeds: Self.seeds, language: "xx").run(definition)
    #expect(!missing.passed)
    #expect(missing.mismatches.first?.contains("no language `xx`") == true)
  }

  /// The comparison finds each kind of difference, and names it first.
  @Test func aDifferentTriageIsReportedByWhatDiffersFirst() throws {
    let english = try #require(
      Self.english.first { $0.definition.file?.contains("010-suspected-prostate") == true }?.result)
    var other = english
    other.language = "cy"
    #expect(other.triageDifferences(from: english).isEmpty)
    var record = try #require(other.record)
    record.triage.urgency = .routine
    other.record = record
    #expect(other.triageDifferences(from: english).first == "urgency: en urgent, cy routine")
    record = try #require(english.record)
    record.triage.path[1].result = record.triage.path[1].result == "yes" ? "no" : "yes"
    other.record = record
    #expect(other.triageDifferences(from: english).first?.hasPrefix("decision path at step 2: en ") == true)
    record = try #require(english.record)
    record.safetyAdvice.removeLast()
    other.record = record
    #expect(other.triageDifferences(from: english).first?.hasPrefix("safety messages shown: en [") == true)
    record = try #require(english.record)
    let index = try #require(record.answers.firstIndex { $0.questionId == "treatment_irreversible" })
    record.answers[index].value = .bool(false)
    other.record = record
    #expect(
      other.triageDifferences(from: english).first?.hasPrefix("answer `treatment_irreversible`: en yes (answered")
        == true)
    record = try #require(english.record)
    let emergency = try #require(
      Self.english.first { $0.definition.file?.contains("001-red-flag-chest-pain") == true }?.result.record?.emergency)
    record.emergency = emergency
    other.record = record
    #expect(other.triageDifferences(from: english).first == "stop rule: en none, cy \(emergency.rule)")
    other.record = nil
    #expect(other.triageDifferences(from: english) == ["record: en made, cy none"])
  }
}
