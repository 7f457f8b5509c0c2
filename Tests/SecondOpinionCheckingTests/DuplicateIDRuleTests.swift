import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

/// `check` refuses an id used twice, of every kind, naming the file and the
/// line of the repeat (and of the first).
@Suite("Duplicate ids")
struct DuplicateIDRuleTests {
  /// One kind of id used twice: an edit that repeats an id, the defect's
  /// words, and where the repeat is (the `occurrence`-th line of `file` that
  /// is `repeat`; the first such line is the first use).
  struct Duplicate: Sendable, CustomTestStringConvertible {
    var kind: String
    var file: String
    var old: String
    var new: String
    var message: String
    var `repeat`: String
    var occurrence = 2

    var testDescription: String { kind }
  }

  static let interview = SeedLoader.interviewFile
  static let triage = SeedLoader.triageFile
  static let letter = SeedLoader.letterFile

  static let duplicates: [Duplicate] = [
    Duplicate(
      kind: "question", file: interview, old: "  - id: diagnosis_date\n", new: "  - id: diagnosis\n",
      message: "question id `diagnosis` is used twice", repeat: "  - id: diagnosis"),
    Duplicate(
      kind: "choice within a question", file: interview, old: "      - id: friend\n", new: "      - id: carer\n",
      message: "question `caller_relationship`: choice id `carer` is used twice", repeat: "      - id: carer"),
    Duplicate(
      kind: "red flag", file: interview, old: "      - id: confusion\n        redFlag: physical",
      new: "      - id: stroke\n        redFlag: physical",
      message: "question `red_flags`: red flag id `stroke` is used twice",
      repeat: "      - id: stroke"),
    Duplicate(
      kind: "stop rule", file: interview, old: "  - id: self_harm_confirmed\n", new: "  - id: red_flag_physical\n",
      message: "stop rule id `red_flag_physical` is used twice", repeat: "  - id: red_flag_physical"),
    Duplicate(
      kind: "message", file: interview, old: "  - id: about_second_opinions\n", new: "  - id: while_you_wait\n",
      message: "message id `while_you_wait` is used twice", repeat: "  - id: while_you_wait"),
    Duplicate(
      kind: "fact", file: interview, old: "  - id: age_years\n", new: "  - id: days_until_treatment\n",
      message: "fact id `days_until_treatment` is used twice", repeat: "  - id: days_until_treatment"),
    Duplicate(
      kind: "assumption", file: triage, old: "assumptions:\n",
      new: "assumptions:\n  - id: expected_wait_days\n    description: \"A copy\"\n    source: \"S\"\n    default: 1\n",
      message: "assumption id `expected_wait_days` is used twice", repeat: "  - id: expected_wait_days"),
    Duplicate(
      kind: "mapping", file: triage, old: "  - level: routine\n", new: "  - level: soon\n",
      message: "the mapping of urgency `soon` is used twice", repeat: "  - level: soon"),
    Duplicate(
      kind: "tree node", file: triage, old: "    - id: u_pain\n", new: "    - id: u_cancer\n",
      message: "tree node or leaf id `u_cancer` is used twice", repeat: "    - id: u_cancer"),
    Duplicate(
      kind: "tree leaf", file: triage, old: "    - id: u_soon_pain\n", new: "    - id: u_soon_worsening\n",
      message: "tree node or leaf id `u_soon_worsening` is used twice", repeat: "    - id: u_soon_worsening"),
    Duplicate(
      kind: "a node and a leaf of one tree", file: triage, old: "    - id: u_worse_slowly\n",
      new: "    - id: u_routine\n", message: "tree node or leaf id `u_routine` is used twice",
      repeat: "    - id: u_routine"),
    Duplicate(
      kind: "a node in each tree", file: triage, old: "    - id: d_pain\n", new: "    - id: u_pain\n",
      message: "tree node or leaf id `u_pain` is used twice", repeat: "    - id: u_pain"),
    Duplicate(
      kind: "letter heading", file: letter, old: "  - id: research\n", new: "  - id: attachments\n",
      message: "letter heading id `attachments` is used twice", repeat: "  - id: attachments"),
  ]

  @Test(arguments: duplicates)
  func anIDUsedTwiceIsRefusedAtTheRepeat(_ duplicate: Duplicate) throws {
    var seeds = EditedSeeds()
    seeds.replace(duplicate.old, with: duplicate.new, in: duplicate.file)
    let first = try #require(seeds.line(of: duplicate.repeat, occurrence: 1, in: duplicate.file))
    let again = try #require(seeds.line(of: duplicate.repeat, occurrence: duplicate.occurrence, in: duplicate.file))
    let found = try seeds.defects().filter { $0.message.contains("is used twice") }
    #expect(
      found.map(\.description) == [
        "\(duplicate.file):\(again): \(duplicate.message) (first on line \(first))"
      ])
  }

  @Test func theRepositorysSeedsUseEveryIDOnce() {
    #expect(DuplicateIDRule.defects(in: DefinitionIndex(seeds: TestSeeds.bundle)) == [])
  }

  /// Ids of different kinds may be the same: a fact and a question, a choice
  /// in two questions (`none`, `other`), a heading and a question.
  @Test func eachListIsItsOwnNamespace() throws {
    let interview = TestSeeds.bundle.interview
    let questions = Set(interview.questions.map(\.id))
    let headings = Set(TestSeeds.bundle.letter.headings.map(\.id))
    #expect(!questions.isDisjoint(with: headings), "the seeds no longer show a heading and a question sharing an id")
    let choices = interview.questions.flatMap { ($0.choices ?? []).map(\.id) }
    #expect(choices.filter { $0 == "none" }.count > 1)
    var seeds = EditedSeeds()
    seeds.replace("  - id: age_years\n", with: "  - id: full_name\n    yearsSince: date_of_birth\n  - id: age_years\n")
    #expect(try seeds.defects().filter { $0.message.contains("used twice") } == [])
  }

  /// A key written twice in one YAML mapping (a `wording` key, two `text:` in
  /// a question) is refused by the loader, naming the file and line.
  @Test func aKeyWrittenTwiceInOneMappingIsRefusedWithItsLine() throws {
    var seeds = EditedSeeds()
    seeds.replace("  reviewPrompt:\n", with: "  reviewTitle:\n")
    let first = try #require(seeds.line(of: "  reviewTitle:"))
    let error = #expect(throws: SeedError.self) { try seeds.bundle() }
    #expect(error?.file == SeedLoader.interviewFile)
    #expect(error?.line == first)
    #expect(error?.message.contains("'reviewTitle'") == true)
  }
}
