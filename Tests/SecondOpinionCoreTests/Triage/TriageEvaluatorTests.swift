import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Triage")
struct TriageEvaluatorTests {
  let seeds = TestSeeds.bundle

  func answers(_ pairs: [(String, AnswerValue)]) -> AnswerSet {
    var set = AnswerSet()
    for (id, value) in pairs { set.set(Answer(questionID: id, typed: "", value: value)) }
    return set
  }

  func triage(_ pairs: [(String, AnswerValue)]) -> TriageResult {
    seeds.evaluator.evaluate(answers(pairs), voice: .patient, today: TestSeeds.today)
  }

  @Test func nothingPressingIsRoutineAndLow() {
    let result = triage([("red_flags", .choices(["none"])), ("symptom_trend", .choice("same"))])
    #expect(result.urgency == .routine)
    #expect(result.delayRisk == .low)
    #expect(result.mapping?.fhir == "routine")
    #expect(result.mapping?.eReferral == "1 Routine")
  }

  @Test func redFlagsAreEmergencies() {
    let result = triage([("red_flags", .choices(["stroke"]))])
    #expect(result.urgency == .emergency && result.delayRisk == .high)
    #expect(result.mapping?.fhir == "stat")
  }

  @Test func anUnknownAnswerTakesTheSaferBranchAndSaysSo() {
    let result = triage([
      ("red_flags", .choices(["none"])), ("reason", .choices(["cancer"])), ("cancer_status", .unknown),
    ])
    #expect(result.urgency == .urgent)
    #expect(result.path.contains { $0.node == "u_cancer" && $0.result == "unknown" })
    #expect(result.reasons.contains { $0.contains("Not known") && $0.contains("safer branch") })
  }

  @Test func theTreatmentDateAgainstTheExpectedWaitGivesADeadline() {
    let result = triage([
      ("red_flags", .choices(["none"])), ("treatment_proposed", .bool(true)), ("treatment_date", .date("2027-02-01")),
      ("treatment_date_movable", .bool(false)), ("route", .choice("nhs")),
    ])
    #expect(result.urgency == .soon)
    #expect(result.delayRisk == .high)
    #expect(result.decisionDeadline?.decideBy == "2027-01-25")
    #expect(result.decisionDeadline?.daysUntilTreatment == 68)
    #expect(result.decisionDeadline?.waitExceedsDeadline == true)
    let privately = triage([
      ("red_flags", .choices(["none"])), ("treatment_proposed", .bool(true)), ("treatment_date", .date("2027-02-01")),
      ("treatment_date_movable", .bool(false)), ("route", .choice("private")),
    ])
    #expect(privately.urgency == .routine)
    #expect(privately.decisionDeadline?.waitExceedsDeadline == false)
  }

  /// The tree and the letter's "Decision deadline" line agree: for every
  /// route and every date from today to 200 days away, a wait that does not
  /// fit before the decision is due gives at least soon and a moderate delay
  /// risk (high when the date cannot move), and the tree's before-the-wait
  /// test says yes exactly when the wait does not fit. Dates in the week before the wait ends were once
  /// routine and low although the letter said the wait did not fit.
  @Test func theTreeAgreesWithTheDecisionDeadline() throws {
    for route in ["nhs", "private", "abroad"] {
      for movable in [true, false] {
        for days in 0...200 {
          let date = CalendarDate.adding(days: days, to: TestSeeds.today)!
          let result = triage([
            ("red_flags", .choices(["none"])), ("treatment_proposed", .bool(true)), ("treatment_date", .date(date)),
            ("treatment_date_movable", .bool(movable)), ("treatment_irreversible", .bool(false)),
            ("route", .choice(route)),
          ])
          let note = Comment(rawValue: "\(route), \(days) days, movable \(movable)")
          let deadline = try #require(result.decisionDeadline, note)
          // A decision due within 2 weeks is decided earlier in the tree
          // (within days, or within 2 weeks).
          if let step = result.path.first(where: { $0.node == "u_before_wait" }) {
            #expect((step.result == "yes") == deadline.waitExceedsDeadline, note)
          } else {
            #expect(deadline.daysLeft < 15, note)
            #expect(result.urgency == .urgent, note)
          }
          if deadline.waitExceedsDeadline {
            #expect(result.urgency >= .soon, note)
            #expect(result.delayRisk >= (movable ? .moderate : .high), note)
          }
        }
      }
    }
  }

  @Test func everyPathEndsInALeafWithReasons() {
    let result = triage([("red_flags", .choices(["none"]))])
    #expect(result.path.filter { $0.result == "leaf" }.count == 2)
    #expect(result.reasons.count >= 2)
    #expect(result.reasons.allSatisfy { !$0.isEmpty })
  }

  /// Never under-triage: for random answers, the urgency is at least as severe
  /// as the yes-leaf of every node whose test holds (or cannot be ruled out).
  @Test func neverUnderTriagesOnRandomAnswers() {
    var generator = SeededGenerator(seed: 2026)
    let questions = seeds.interview.questions
    for _ in 0..<3000 {
      var pairs: [(String, AnswerValue)] = [("red_flags", .choices(["none"]))]
      for question in questions.dropFirst() where Bool.random(using: &generator) {
        pairs.append((question.id, randomValue(question, &generator)))
      }
      let set = answers(pairs)
      let result = seeds.evaluator.evaluate(set, voice: .patient, today: TestSeeds.today)
      let context = EvaluationContext(
        answers: set, voice: .patient, today: TestSeeds.today, facts: seeds.interview.facts ?? [],
        assumptions: seeds.triage.assumptions, decisionMarginDays: seeds.triage.decisionMarginDays)
      for (tree, outcome) in [
        (seeds.triage.urgency, result.urgency.severity), (seeds.triage.delayRisk, result.delayRisk.severity),
      ] {
        for node in tree.nodes where node.test.evaluate(in: context) != .no {
          let floor = tree.leaf(node.yes)?.severity ?? 0
          #expect(outcome >= floor, "node \(node.id) held but the outcome was less severe")
        }
      }
    }
  }

  func randomValue(_ question: Question, _ generator: inout SeededGenerator) -> AnswerValue {
    if question.allowsUnknown, Int.random(in: 0..<8, using: &generator) == 0 { return .unknown }
    switch question.type {
    case .yesNo: return .bool(Bool.random(using: &generator))
    case .singleChoice: return .choice(question.choices!.randomElement(using: &generator)!.id)
    case .multipleChoice:
      let ids = question.choices!.filter { $0.exclusive != true }.map(\.id)
      return .choices(ids.filter { _ in Int.random(in: 0..<4, using: &generator) == 0 })
    case .date:
      let offset = Int.random(in: -400...400, using: &generator)
      return .date(CalendarDate.adding(days: offset, to: TestSeeds.today)!)
    case .number: return .number(Int.random(in: 0...10, using: &generator))
    case .text: return .text("text")
    }
  }
}
