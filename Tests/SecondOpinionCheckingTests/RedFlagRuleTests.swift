import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

/// The red flags are declared once, on the red-flag screen's choices; `check`
/// refuses whatever would let a copy disagree with that declaration.
@Suite("Red flags agree")
struct RedFlagRuleTests {
  /// A new choice for the red-flag screen, before `harm_others`.
  static let newChoice = "      - id: sepsis\n        label: \"Very unwell with signs of sepsis\"\n"
  static let beforeHarmOthers = "      - id: harm_others\n"

  func redFlagDefects(_ seeds: EditedSeeds) throws -> [SeedError] {
    RedFlagRule.defects(in: DefinitionIndex(seeds: try seeds.bundle()))
  }

  @Test func theRepositorysRedFlagsAgree() {
    #expect(RedFlagRule.defects(in: DefinitionIndex(seeds: TestSeeds.bundle)) == [])
  }

  /// A choice added to the screen with no class would be asked, then stop
  /// nothing and triage nothing: a red flag added half-way.
  @Test func aChoiceOnTheScreenWithNoClassIsRefusedAtItsLine() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace(Self.beforeHarmOthers, with: Self.newChoice + Self.beforeHarmOthers)
    let found = try seeds.defects()
    #expect(found.map(\.file) == [SeedLoader.interviewFile])
    #expect(found.map(\.line) == [line])
    #expect(found.first?.message.hasPrefix("choice `sepsis` of the red-flag screen `red_flags` has no class") == true)
  }

  @Test func aRedFlagThatIsExclusiveIsRefused() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace(
      "      - id: headache\n        redFlag: physical\n",
      with: "      - id: headache\n        redFlag: physical\n        exclusive: true\n")
    #expect(
      try redFlagDefects(seeds).map(\.description) == [
        "interview.yaml:\(line): red flag `headache` is exclusive: another red flag reported with it would be dropped"
      ])
  }

  @Test func redFlagsDeclaredOnASecondQuestionAreRefused() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace("      - id: weight_loss\n", with: "      - id: weight_loss\n        redFlag: physical\n")
    let found = try redFlagDefects(seeds)
    #expect(
      found.map(\.description) == [
        "interview.yaml:\(line): question `alarm_symptoms` declares red flag `weight_loss`: red flags are declared once, on the red-flag screen `red_flags`"
      ])
  }

  /// A stop rule listing red flags by id is a copy of the declaration; one
  /// that leaves flags out is refused, and so is each flag it fails to stop.
  @Test func aListOfRedFlagsByIDThatFallsBehindIsRefused() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "    when:\n      redFlag: physical\n",
      with: "    when:\n      answer: red_flags\n      includesAny: [chest_pain, breathing]\n")
    let rule = try #require(seeds.line(of: "  - id: red_flag_physical"))
    let found = try redFlagDefects(seeds)
    let copy = try #require(found.first)
    #expect(copy.line == rule)
    #expect(
      copy.message.hasPrefix("`stop red_flag_physical` lists red flags by id and leaves out `stroke`, `bleeding`"))
    #expect(copy.message.hasSuffix("test the class, `{redFlag: physical}`, so the list cannot fall behind"))
    let unstopped = found.dropFirst().filter { $0.message.contains("does not stop the interview") }
    #expect(unstopped.count == 6)
    let stroke = try #require(seeds.line(of: "      - id: stroke"))
    #expect(unstopped.first?.line == stroke)
  }

  /// A list naming every flag of its class is a faithful copy: not refused.
  @Test func aListByIDThatNamesAWholeClassIsAccepted() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "    when:\n      redFlag: mental_health\n",
      with: "    when:\n      answer: red_flags\n      includesAny: [suicidal_thoughts, self_harm, harm_others]\n")
    #expect(try redFlagDefects(seeds) == [])
  }

  @Test func aTestOfAClassWithNoRedFlagIsRefused() throws {
    var seeds = EditedSeeds()
    for flag in ["suicidal_thoughts", "self_harm", "harm_others"] {
      seeds.replace(
        "      - id: \(flag)\n        redFlag: mental_health\n",
        with: "      - id: \(flag)\n        redFlag: physical\n")
    }
    let found = try redFlagDefects(seeds)
    #expect(found.count == 2)
    #expect(found.map(\.file) == [SeedLoader.interviewFile, SeedLoader.triageFile])
    #expect(
      found.map(\.line) == [
        seeds.line(of: "  - id: red_flag_mental_health"),
        seeds.line(of: "    - id: u_red_flag_mental", in: SeedLoader.triageFile),
      ])
    #expect(
      found.first?.message
        == "`stop red_flag_mental_health` tests `{redFlag: mental_health}`, but `red_flags` declares no red flag of class mental_health, so it can never hold"
    )
  }

  /// With no choice declaring a class there is no screen to test: every
  /// `{redFlag: ...}` test is refused, and unbound it cannot be ruled out.
  @Test func aRedFlagTestWithNoRedFlagsDeclaredIsRefused() throws {
    var seeds = EditedSeeds()
    for flag in [
      "chest_pain", "breathing", "stroke", "bleeding", "collapse", "allergic_reaction", "headache", "confusion",
    ] {
      seeds.replace("      - id: \(flag)\n        redFlag: physical\n", with: "      - id: \(flag)\n")
    }
    for flag in ["suicidal_thoughts", "self_harm", "harm_others"] {
      seeds.replace("      - id: \(flag)\n        redFlag: mental_health\n", with: "      - id: \(flag)\n")
    }
    let bundle = try seeds.bundle()
    #expect(bundle.interview.redFlagQuestion == nil)
    let found = RedFlagRule.defects(in: DefinitionIndex(seeds: bundle))
    #expect(
      found.map(\.message).allSatisfy { $0.contains("but no question declares red flags") } && found.count == 5,
      "\(found)")
    let stop = try #require(bundle.interview.stops.first { $0.id == "red_flag_physical" })
    let context = EvaluationContext(
      answers: AnswerSet(), voice: .patient, today: TestSeeds.today, facts: [], assumptions: [], decisionMarginDays: 7)
    #expect(stop.when.evaluate(in: context) == .unknown)
  }

  @Test func aRedFlagTheUrgencyTreeDoesNotMakeAnEmergencyIsRefused() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "      test:\n        redFlag: physical\n", with: "      test: {answer: red_flags, includesAny: [chest_pain]}\n",
      in: SeedLoader.triageFile)
    let found = try redFlagDefects(seeds)
    #expect(found.count == 7)
    let breathing = try #require(found.first)
    #expect(breathing.line == seeds.line(of: "      - id: breathing"))
    #expect(
      breathing.message
        == "red flag `breathing` is triaged routine (leaf `u_routine`), not emergency (patient and receptionist voice); test its class, `{redFlag: physical}`, at the top of the urgency tree"
    )
  }

  @Test func aRedFlagTheDelayRiskTreeDoesNotMakeHighIsRefused() throws {
    var seeds = EditedSeeds()
    seeds.replace("          - {redFlag: any}\n", with: "          - {redFlag: physical}\n", in: SeedLoader.triageFile)
    let found = try redFlagDefects(seeds)
    let flags = ["suicidal_thoughts", "self_harm", "harm_others"]
    #expect(found.map(\.line) == flags.map { seeds.line(of: "      - id: \($0)") })
    #expect(
      found.first?.message
        == "red flag `suicidal_thoughts` gives delay risk low (leaf `d_low_stable`), not high (patient and receptionist voice); test its class, `{redFlag: mental_health}`, at the top of the delay-risk tree"
    )
  }
}
