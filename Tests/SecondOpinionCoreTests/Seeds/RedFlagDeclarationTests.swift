import SecondOpinionCases
import SecondOpinionChecking
import SecondOpinionCore
import SecondOpinionStorage
import SecondOpinionTestSupport
import Testing

/// Each red flag is declared once, as a choice of the red-flag screen with its
/// class; the stop rules and both trees test the class. The screen, every stop
/// and every tree path are as they were when the list was written out five
/// times, and a red flag added in that one place works end to end.
@Suite("Red flags declared once")
struct RedFlagDeclarationTests {
  static let physical = [
    "chest_pain", "breathing", "stroke", "bleeding", "collapse", "allergic_reaction", "headache", "confusion",
  ]
  static let mentalHealth = ["suicidal_thoughts", "self_harm", "harm_others"]

  /// The screen as it is asked: choice order (so numbers), each voice's
  /// label, synonyms, `exclusive`, and the class that makes it a red flag.
  @Test func theScreenIsAskedAsBefore() throws {
    let screen = try #require(TestSeeds.bundle.interview.questions.first)
    #expect(screen.id == "red_flags" && screen.type == .multipleChoice && screen.allowsUnknown)
    #expect(TestSeeds.bundle.interview.redFlagQuestion?.id == screen.id)
    let rows = (screen.choices ?? []).map { choice in
      [
        choice.id, choice.label.text(for: .patient), choice.label.text(for: .receptionist),
        (choice.synonyms ?? []).joined(separator: ","), choice.exclusive == true ? "exclusive" : "",
        choice.redFlag?.rawValue ?? "",
      ].joined(separator: " | ")
    }
    #expect(
      rows == [
        "chest_pain | Chest pain or pressure | Chest pain or pressure | chest |  | physical",
        "breathing | Severe difficulty breathing | Severe difficulty breathing | breathless |  | physical",
        "stroke | Signs of a stroke: face drooping, arm weakness, slurred speech | Signs of a stroke: face drooping, arm weakness, slurred speech |  |  | physical",
        "bleeding | Heavy bleeding that will not stop | Heavy bleeding that will not stop |  |  | physical",
        "collapse | Collapse, a fit (seizure), or being very hard to wake | Collapse, a fit (seizure), or being very hard to wake | fit,seizure |  | physical",
        "allergic_reaction | A severe allergic reaction (swelling of the lips or throat) | A severe allergic reaction (swelling of the lips or throat) | anaphylaxis |  | physical",
        "headache | A sudden, severe headache unlike any before | A sudden, severe headache unlike any before |  |  | physical",
        "confusion | Sudden confusion | Sudden confusion |  |  | physical",
        "suicidal_thoughts | Thoughts of ending your life | Thoughts of ending their life | suicide,suicidal |  | mental_health",
        "self_harm | You have harmed yourself, or are thinking of harming yourself | They have harmed themselves, or are thinking of it | self harm |  | mental_health",
        "harm_others | Thoughts of harming someone else | Thoughts of harming someone else |  |  | mental_health",
        "none | None of these | None of these | no,nothing | exclusive | ",
      ])
  }

  /// Each class test is bound to the list it replaces, and evaluates as that
  /// list did for every way the screen can be answered.
  @Test func everyClassTestIsTheListItReplaces() throws {
    let seeds = TestSeeds.bundle
    func stop(_ id: String) throws -> Condition { try #require(seeds.interview.stops.first { $0.id == id }).when }
    func node(_ tree: DecisionTree, _ id: String) throws -> Condition { try #require(tree.node(id)).test }
    let selfHarm = Condition.answerIs("self_harm_check", ["yes"])
    let pairs: [(Condition, Condition)] = [
      (try stop("red_flag_physical"), .answerIncludesAny("red_flags", Self.physical)),
      (try stop("red_flag_mental_health"), .answerIncludesAny("red_flags", Self.mentalHealth)),
      (try node(seeds.triage.urgency, "u_red_flag_physical"), .answerIncludesAny("red_flags", Self.physical)),
      (
        try node(seeds.triage.urgency, "u_red_flag_mental"),
        .any([.answerIncludesAny("red_flags", Self.mentalHealth), selfHarm])
      ),
      (
        try node(seeds.triage.delayRisk, "d_red_flag"),
        .any([.answerIncludesAny("red_flags", Self.physical + Self.mentalHealth), selfHarm])
      ),
    ]
    #expect(
      try stop("red_flag_physical") == .redFlag(classes: [.physical], question: "red_flags", flags: Self.physical))
    let values: [AnswerValue?] =
      (Self.physical + Self.mentalHealth).map { .choices([$0]) } + [
        .choices(["none"]), .choices(["chest_pain", "self_harm"]), .unknown, .declined, .skipped, nil,
      ]
    for value in values {
      for check in [nil, AnswerValue.bool(true), .bool(false), .unknown] {
        var answers = AnswerSet()
        if let value { answers.set(Answer(questionID: "red_flags", typed: "", value: value)) }
        if let check { answers.set(Answer(questionID: "self_harm_check", typed: "", value: check)) }
        let context = EvaluationContext(
          answers: answers, voice: .patient, today: TestSeeds.today, facts: [], assumptions: [], decisionMarginDays: 7)
        for (bound, list) in pairs {
          #expect(
            bound.evaluate(in: context) == list.evaluate(in: context), "\(bound) for \(String(describing: value))")
        }
      }
    }
  }

  /// A red flag added on the screen, and nowhere else.
  struct NewFlag: Sendable, CustomTestStringConvertible {
    var yaml: String
    var id: String
    var voice: Voice
    var label: String
    var stopRule: String
    var node: String
    var leaf: String

    var testDescription: String { "\(id) (\(voice.rawValue))" }

    static let physical = NewFlag(
      yaml: "      - id: sepsis\n        redFlag: physical\n"
        + "        label: \"Very unwell with signs of sepsis (mottled skin, very fast breathing)\"\n"
        + "        synonyms: [sepsis]\n",
      id: "sepsis", voice: .patient, label: "Very unwell with signs of sepsis (mottled skin, very fast breathing)",
      stopRule: "red_flag_physical", node: "u_red_flag_physical", leaf: "u_emergency_physical")
    static let mentalHealth = NewFlag(
      yaml: "      - id: command_voices\n        redFlag: mental_health\n        label:\n"
        + "          patient: \"Hearing voices telling you to harm yourself or others\"\n"
        + "          receptionist: \"Hearing voices telling them to harm themselves or others\"\n",
      id: "command_voices", voice: .receptionist, label: "Hearing voices telling them to harm themselves or others",
      stopRule: "red_flag_mental_health", node: "u_red_flag_mental", leaf: "u_emergency_mental")
  }

  /// Added with its class, it is asked as number 11, stops the interview by
  /// its class's rule and is triaged an emergency for its class's reason;
  /// `check` finds nothing wrong but asks for a case that reports it.
  @Test(arguments: [NewFlag.physical, NewFlag.mentalHealth])
  func aRedFlagAddedInOnePlaceWorksEndToEnd(_ flag: NewFlag) throws {
    var seeds = EditedSeeds()
    let line = seeds.replace("      - id: harm_others\n", with: flag.yaml + "      - id: harm_others\n")
    let bundle = try seeds.bundle()
    #expect(bundle.interview.redFlags.map(\.id).contains(flag.id))
    #expect(DefinitionChecker(seeds: bundle).defects() == [])
    let coverage = DefinitionChecker(seeds: bundle).coverageDefects([])
    #expect(
      coverage.contains(
        SeedError(
          file: SeedLoader.interviewFile, line: line,
          message: "red flag `\(flag.id)` is not reported by any case in cases/"
        )))

    let because = try #require(bundle.triage.urgency.node(flag.node)).because
    let result = CaseRunner(seeds: bundle).run(
      CaseDefinition(
        title: "A red flag added on the screen alone", mode: flag.voice, operator: "Test Operator", input: "11\n",
        expect: CaseExpectation(
          urgency: .emergency, delayRisk: .high, status: "emergency", urgencyLeaf: flag.leaf,
          delayRiskLeaf: "d_high_emergency", screenContains: ["  11. \(flag.label)", "  13. None of these"])))
    #expect(result.passed, "\(result.mismatches)")
    let record = try #require(result.record)
    #expect(record.status == "emergency")
    #expect(record.emergency?.rule == flag.stopRule)
    #expect(record.answer("red_flags")?.value == .list([flag.id]))
    #expect(record.triage.urgency == .emergency && record.triage.urgencyLeaf == flag.leaf)
    #expect(record.triage.reasons.first == "Urgency emergency: \(because)")
  }

  /// Added without its class, it is refused before any interview runs on it,
  /// naming the file and the line of the choice.
  @Test func aRedFlagAddedWithoutItsClassIsRefused() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace(
      "      - id: harm_others\n",
      with: "      - id: sepsis\n        label: \"Very unwell with signs of sepsis\"\n      - id: harm_others\n")
    let bundle = try seeds.bundle()
    let found = DefinitionChecker(seeds: bundle).defects()
    #expect(found.map(\.file) == [SeedLoader.interviewFile])
    #expect(found.map(\.line) == [line])
    #expect(found.first?.message.contains("choice `sepsis` of the red-flag screen `red_flags` has no class") == true)
    let error = #expect(throws: SeedError.self) { try SeedsDirectory.verify(bundle) }
    #expect(error?.file == SeedLoader.interviewFile && error?.line == line)
  }
}
