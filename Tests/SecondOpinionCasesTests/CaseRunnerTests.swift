import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Case runner")
struct CaseRunnerTests {
  /// Random complete interviews, with the triage their finished sessions give,
  /// pass when run again through the runner: the driver, the session and the
  /// record agree on every path the generator walks.
  @Test func generatedCasesPass() {
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: 2026)
    let runner = CaseRunner(seeds: TestSeeds.bundle)
    for _ in 0..<100 {
      let definition = generator.next()
      let result = runner.run(definition)
      #expect(result.passed, "\(definition.title): \(result.mismatches)")
    }
  }

  /// The same random interviews given by question id pass too, and type
  /// exactly the lines the positional ones do.
  @Test func generatedKeyedCasesPassAndTypeTheSameLines() {
    var positional = CaseGenerator(seeds: TestSeeds.bundle, seed: 2027)
    var keyed = CaseGenerator(seeds: TestSeeds.bundle, seed: 2027, keyed: true)
    let runner = CaseRunner(seeds: TestSeeds.bundle)
    for _ in 0..<100 {
      let lines = positional.next()
      let answers = keyed.next()
      #expect(answers.isKeyed && !lines.isKeyed)
      let result = runner.run(answers)
      #expect(result.passed, "\(answers.title): \(result.mismatches)")
      #expect(result.typed == lines.lines, "\(answers.title)")
      #expect(result.record == runner.run(lines).record, "\(answers.title)")
    }
  }

  /// The same case run twice gives the same record.
  @Test func runsAreDeterministic() throws {
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: 7)
    let runner = CaseRunner(seeds: TestSeeds.bundle)
    for _ in 0..<20 {
      let definition = generator.next()
      let first = try #require(runner.run(definition).record)
      let second = try #require(runner.run(definition).record)
      #expect(first == second)
    }
  }

  // MARK: Cases given by question id

  /// Case 010 of the library, given by question id.
  static func prostateCase() throws -> CaseDefinition {
    let definition = try CaseDefinition.load(
      TestSeeds.text("cases/010-suspected-prostate-cancer-surgery.yaml"), file: "cases/010")
    #expect(definition.isKeyed)
    return definition
  }

  static func run(_ definition: CaseDefinition) -> CaseResult { CaseRunner(seeds: TestSeeds.bundle).run(definition) }

  @Test func aKeyedCaseTypesItsAnswersInTheOrderAskedThenSubmit() throws {
    let definition = try Self.prostateCase()
    let result = Self.run(definition)
    #expect(result.passed, "\(result.mismatches)")
    #expect(result.typed.first == "none")
    #expect(result.typed.last == "submit")
    // Every answer once, a blank for each optional question left out (such as
    // question_3), and submit.
    let blanks = result.typed.filter(\.isEmpty).count
    #expect(blanks >= 1)
    #expect(result.typed.count == (definition.answers?.count ?? 0) + blanks + 1)
    #expect(result.record?.answer("question_3")?.typed == "")
  }

  @Test func anOptionalQuestionLeftOutIsSkippedWithABlankLine() throws {
    var definition = try Self.prostateCase()
    let blanks = Self.run(definition).typed.filter(\.isEmpty).count
    definition.answers?["route_limits"] = nil
    let result = Self.run(definition)
    #expect(result.passed, "\(result.mismatches)")
    let answer = try #require(result.record?.answer("route_limits"))
    #expect(answer.typed == "")
    #expect(result.typed.filter(\.isEmpty).count == blanks + 1)
  }

  @Test func anUnansweredQuestionIsReportedByItsID() throws {
    var definition = try Self.prostateCase()
    definition.answers?["date_of_birth"] = nil
    let result = Self.run(definition)
    #expect(!result.passed)
    #expect(result.mismatches == ["the case does not answer question `date_of_birth`"])
    #expect(result.record == nil)
    // It stopped there: the name was the last line typed, and nothing was asked again.
    #expect(result.typed == ["none", "Sam Taylor"])
    #expect(!result.transcript.contains(TestSeeds.rejectionMarker))
  }

  @Test func aRejectedAnswerIsReportedByItsIDWithTheReasonAndNotAskedAgain() throws {
    var definition = try Self.prostateCase()
    definition.answers?["date_of_birth"] = "31/02/1970"
    let result = Self.run(definition)
    #expect(
      result.mismatches == [
        "the case's answer to question `date_of_birth` (\"31/02/1970\") was rejected: February 1970 has no day 31"
      ])
    #expect(result.record == nil)
    #expect(result.typed == ["none", "Sam Taylor", "31/02/1970"])
    #expect(result.transcript.components(separatedBy: TestSeeds.rejectionMarker).count == 2)
  }

  @Test func anAnswerReadAsACommandIsReported() throws {
    var definition = try Self.prostateCase()
    definition.answers?["full_name"] = "help"
    #expect(
      Self.run(definition).mismatches == [
        "the case's answer to question `full_name` (\"help\") was not taken as its answer (read as a command such as `help`, or more was asked); a case that types more than one line for a question gives `input:`"
      ])
    definition.answers?["full_name"] = "back"
    #expect(
      Self.run(definition).mismatches == [
        "the case's answer to question `full_name` (\"back\") took the interview back to question `red_flags`"
      ])
  }

  @Test func anAnswerOfMoreThanOneLineIsReported() throws {
    var definition = try Self.prostateCase()
    definition.answers?["diagnosis"] = "Prostate\ncancer"
    #expect(
      Self.run(definition).mismatches == [
        "the case's answer to question `diagnosis` has more than one line; an answer is one line"
      ])
  }

  @Test func answersTheInterviewNeverAsksAreReported() throws {
    var definition = try Self.prostateCase()
    definition.answers?["mental_health_trend"] = "worse"
    definition.answers?["favourite_colour"] = "blue"
    #expect(
      Self.run(definition).mismatches == [
        "the case answers `favourite_colour`, which is not a question of the interview",
        "the case answers question `mental_health_trend`, which the interview did not ask",
      ])
  }

  @Test func anEmergencyCaseStopsWithoutSubmit() throws {
    let definition = try CaseDefinition.load(TestSeeds.text("cases/001-red-flag-chest-pain.yaml"), file: "cases/001")
    let result = Self.run(definition)
    #expect(result.passed, "\(result.mismatches)")
    #expect(result.typed == ["1"])
    #expect(result.record?.status == "emergency")
  }

  // MARK: The file format

  static let expect = "expect:\n  urgency: routine\n  delayRisk: low\n"

  @Test func aCaseGivesExactlyOneOfAnswersAndInput() throws {
    let both = "title: t\nmode: patient\nanswers:\n  red_flags: \"none\"\ninput: |\n  none\n" + Self.expect
    let neither = "title: t\nmode: patient\n" + Self.expect
    for text in [both, neither] {
      #expect {
        try CaseDefinition.load(text, file: "cases/999-broken.yaml")
      } throws: { error in
        guard let error = error as? SeedError else { return false }
        return error.file == "cases/999-broken.yaml" && error.message.contains("`answers`")
          && error.message.contains("`input`")
      }
    }
    let both2 = try? CaseDefinition.load(both, file: "cases/x.yaml")
    #expect(both2 == nil)
    let keyed = try CaseDefinition.load(
      "title: t\nmode: patient\nanswers:\n  red_flags: none\n  full_name: Sam Taylor\n" + Self.expect, file: "cases/k")
    #expect(keyed.answers == ["red_flags": "none", "full_name": "Sam Taylor"])
    #expect(keyed.input == nil && keyed.lines.isEmpty)
    let typed = try CaseDefinition.load("title: t\nmode: patient\ninput: |\n  none\n  Sam\n" + Self.expect, file: "c")
    #expect(typed.answers == nil && typed.lines == ["none", "Sam"])
  }

  @Test func theMessageSaysWhichWayIsWrong() throws {
    let both = "title: t\nmode: patient\nanswers: {red_flags: \"1\"}\ninput: \"1\\n\"\n" + Self.expect
    let neither = "title: t\nmode: patient\n" + Self.expect
    func message(_ text: String) -> String {
      do {
        _ = try CaseDefinition.load(text, file: "cases/x.yaml")
        return ""
      } catch {
        return "\(error)"
      }
    }
    #expect(message(both).hasPrefix("cases/x.yaml: "))
    #expect(message(both).contains("not both"))
    #expect(message(neither).contains("a case needs `answers`"))
  }
}
