import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The loader: every entry gets the line it starts on, and errors name the
/// file and line.
@Suite("Loading seeds")
struct SeedLoaderTests {
  /// Every entry with an id, of every kind, is placed on the line its `- id:`
  /// (or `- level:`) is on.
  @Test func everyEntryKnowsItsLine() {
    let seeds = EditedSeeds()
    let bundle = TestSeeds.bundle
    let interview = SeedLoader.interviewFile
    let triage = SeedLoader.triageFile
    func expectLine(_ line: Int?, _ text: String, in file: String, occurrence: Int = 1) {
      #expect(line != nil && line == seeds.line(of: text, occurrence: occurrence, in: file), "\(text)")
    }
    for question in bundle.interview.questions { expectLine(question.line, "  - id: \(question.id)", in: interview) }
    let screen = bundle.interview.questions[0]
    for choice in screen.choices ?? [] { expectLine(choice.line, "      - id: \(choice.id)", in: interview) }
    for rule in bundle.interview.stops { expectLine(rule.line, "  - id: \(rule.id)", in: interview) }
    for message in bundle.interview.messages { expectLine(message.line, "  - id: \(message.id)", in: interview) }
    for section in bundle.interview.sections ?? [] { expectLine(section.line, "  - id: \(section.id)", in: interview) }
    for assumption in bundle.triage.assumptions { expectLine(assumption.line, "  - id: \(assumption.id)", in: triage) }
    for (mapping, line) in zip(bundle.triage.mappings, bundle.triage.mappingLines) {
      expectLine(line, "  - level: \(mapping.level.rawValue)", in: triage)
    }
    for tree in [bundle.triage.urgency, bundle.triage.delayRisk] {
      for node in tree.nodes { expectLine(node.line, "    - id: \(node.id)", in: triage) }
      for leaf in tree.leaves { expectLine(leaf.line, "    - id: \(leaf.id)", in: triage) }
    }
    for heading in bundle.letter.headings {
      expectLine(heading.line, "  - id: \(heading.id)", in: SeedLoader.letterFile)
    }
    #expect(bundle.interview.facts?.allSatisfy { $0.line != nil } == true)
  }

  /// A choice is placed on its own line even when another question has a
  /// choice, or is a question, with the same id.
  @Test func aChoiceIsPlacedInItsOwnQuestion() throws {
    let seeds = EditedSeeds()
    let alarms = try #require(TestSeeds.bundle.interview.question("alarm_symptoms"))
    let none = try #require(alarms.choice("none"))
    let question = try #require(alarms.line)
    let later = (1...20).compactMap { seeds.line(of: "      - id: none", occurrence: $0) }.first { $0 > question }
    #expect(none.line == later)
  }

  @Test func malformedYAMLNamesTheFileAndLine() {
    #expect(throws: SeedError.self) {
      try SeedLoader.bundle(interview: "version: [", triage: "", letter: "")
    }
    var seeds = EditedSeeds()
    seeds.replace("type: yes_no", with: "type: yes_or_no")
    let error = #expect(throws: SeedError.self) { try seeds.bundle() }
    #expect(error?.file == SeedLoader.interviewFile)
    #expect(error?.line != nil)
  }

  @Test func anUnknownRedFlagClassIsRefusedWithItsLine() {
    var seeds = EditedSeeds()
    seeds.replace("    when:\n      redFlag: physical\n", with: "    when:\n      redFlag: physcial\n")
    let error = #expect(throws: SeedError.self) { try seeds.bundle() }
    #expect(error?.file == SeedLoader.interviewFile)
    #expect(error?.line == seeds.line(of: "  - id: red_flag_physical"))
    #expect(error?.message.contains("unknown red-flag class") == true)
  }
}
