import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// Decisions with a deadline (a decision date, a treatment date less the
/// margin, the earlier of the two), the expected wait by route and kind of
/// care, confirmed against suspected cancer, and changes of mental-health
/// treatment.
@Suite("Decision deadline")
struct DecisionDeadlineTests {
  let seeds = TestSeeds.bundle

  func answers(_ pairs: [(String, AnswerValue)]) -> AnswerSet {
    var set = AnswerSet()
    for (id, value) in pairs { set.set(Answer(questionID: id, typed: "", value: value)) }
    return set
  }

  func triage(_ pairs: [(String, AnswerValue)]) -> TriageResult {
    seeds.evaluator.evaluate(answers(pairs), voice: .patient, today: TestSeeds.today)
  }

  func day(_ offset: Int) -> String { CalendarDate.adding(days: offset, to: TestSeeds.today) ?? TestSeeds.today }

  /// The vignette: 20 weeks pregnant, a decision within 2 weeks, no treatment
  /// date. It once scored soon and moderate with no deadline in the letter.
  @Test func aDecisionDateWithoutATreatmentDateGivesTheDeadline() throws {
    let result = triage([
      ("red_flags", .choices(["none"])), ("pregnant", .choice("yes")), ("pregnancy_weeks", .number(20)),
      ("decision_date", .date(day(14))), ("route", .choice("nhs")),
    ])
    let deadline = try #require(result.decisionDeadline)
    #expect(deadline.basis == "decision")
    #expect(deadline.decideBy == day(14))
    #expect(deadline.treatmentDate == nil)
    #expect(deadline.daysLeftToDecide == 14)
    #expect(result.urgency == .urgent && result.urgencyLeaf == "u_urgent_decision")
    #expect(result.delayRisk == .high && result.delayRiskLeaf == "d_high_fixed_date")
  }

  @Test func theEarlierOfTheDecisionDateAndTheTreatmentDateLessTheMarginIsUsed() throws {
    let consent = triage([
      ("red_flags", .choices(["none"])), ("treatment_proposed", .bool(true)), ("treatment_date", .date(day(35))),
      ("decision_date", .date(day(5))), ("route", .choice("private")),
    ])
    let first = try #require(consent.decisionDeadline)
    #expect(first.basis == "decision" && first.decideBy == day(5) && first.daysLeftToDecide == 5)
    #expect(consent.urgencyLeaf == "u_urgent_imminent")
    let treatment = triage([
      ("red_flags", .choices(["none"])), ("treatment_proposed", .bool(true)), ("treatment_date", .date(day(10))),
      ("decision_date", .date(day(30))), ("route", .choice("private")),
    ])
    let second = try #require(treatment.decisionDeadline)
    #expect(second.basis == "treatment" && second.decideBy == day(3) && second.daysLeftToDecide == 3)
    #expect(treatment.urgencyLeaf == "u_urgent_imminent")
  }

  /// The vignette: chemotherapy in 3 days once gave a decide-by date before
  /// the letter's date.
  @Test func aMarginThatHasPassedIsDueNowAndNeverInThePast() throws {
    let result = triage([
      ("red_flags", .choices(["none"])), ("reason", .choices(["cancer"])), ("cancer_status", .choice("confirmed")),
      ("treatment_proposed", .bool(true)), ("treatment_date", .date(day(3))), ("route", .choice("nhs")),
    ])
    let deadline = try #require(result.decisionDeadline)
    #expect(deadline.decideBy == TestSeeds.today)
    #expect(deadline.dueNow == true)
    #expect(deadline.daysLeftToDecide == -4)
    #expect(deadline.sentence.hasPrefix("The decision is due now: contact the treating team today"))
    #expect(!deadline.sentence.contains(CalendarDate.long(day(-4))))
    #expect(result.urgencyLeaf == "u_urgent_imminent")
    #expect(result.mapping?.timeframe == "within days: contact the treating team now")
  }

  /// The expected wait depends on the route and the kind of care; NHS
  /// consultant-led 18 weeks only where that is the care.
  @Test(arguments: [
    (["dental"], "nhs", 28, "dental_nhs"), (["dental"], "private", 14, "dental_private"),
    (["dental"], "abroad", 42, "abroad"), (["diagnosis_doubt"], "private", 28, "private"),
    (["diagnosis_doubt"], "abroad", 42, "abroad"), (["diagnosis_doubt"], "nhs", 126, "nhs_consultant_led"),
    (["dental"], "", 126, "default"), (["diagnosis_doubt"], "", 126, "default"),
  ])
  func theExpectedWaitDependsOnTheRouteAndTheKindOfCare(
    reasons: [String], route: String, days: Int, kind: String
  ) throws {
    var pairs: [(String, AnswerValue)] = [("red_flags", .choices(["none"])), ("reason", .choices(reasons))]
    pairs.append(("route", route.isEmpty ? .unknown : .choice(route)))
    let result = triage(pairs)
    let wait = try #require(result.expectedWait)
    #expect(wait.days == days && wait.kind == kind)
    #expect(!wait.source.isEmpty)
    if reasons == ["dental"] { #expect(wait.days < 126 || kind == "default") }
    #expect(result.assumptions.contains { $0.contains("\(days) days") })
  }

  /// A kind of care whose condition named a question or choice that does not
  /// exist would never hold and silently give the default.
  @Test func everyKindOfCareTestsQuestionsThatExist() throws {
    let wait = try #require(seeds.triage.assumptions.first { $0.id == "expected_wait_days" })
    let kinds = try #require(wait.kinds)
    #expect(kinds.count >= 4)
    for kind in kinds {
      #expect(!kind.source.isEmpty && !kind.care.isEmpty, "\(kind.id)")
      for id in kind.when.questionIDs {
        #expect(seeds.interview.question(id) != nil, "kind \(kind.id) tests unknown question \(id)")
      }
    }
  }

  /// The Two Week Wait is for suspected cancer not yet diagnosed; confirmed
  /// cancer (even with new warning symptoms) states the 31-day standard.
  @Test func confirmedCancerIsNeverATwoWeekWait() {
    for alarm in [[], ["weight_loss"]] {
      let confirmed = triage([
        ("red_flags", .choices(["none"])), ("reason", .choices(["cancer"])), ("cancer_status", .choice("confirmed")),
        ("alarm_symptoms", .choices(alarm)),
      ])
      #expect(confirmed.urgencyLeaf == "u_urgent_confirmed_cancer")
      #expect(!(confirmed.mapping?.eReferral.contains("Two Week Wait") ?? true))
      #expect(confirmed.mapping?.nice.contains("31-day") == true)
      #expect(confirmed.reasons.contains { $0.contains("31-day") })
    }
    let suspected = triage([
      ("red_flags", .choices(["none"])), ("reason", .choices(["cancer"])), ("cancer_status", .choice("suspected")),
    ])
    #expect(suspected.urgencyLeaf == "u_urgent_cancer")
    #expect(suspected.mapping?.eReferral == "3 Two Week Wait (suspected cancer)")
    let unsure = triage([
      ("red_flags", .choices(["none"])), ("reason", .choices(["cancer"])), ("cancer_status", .unknown),
    ])
    #expect(unsure.urgencyLeaf == "u_urgent_cancer")
  }

  /// The vignette: a stable patient facing a switch to clozapine once scored
  /// delay risk low.
  @Test(arguments: ["clozapine", "lithium", "stop_antipsychotic", "stop_antidepressant", "other_change"])
  func aChangeOfMentalHealthTreatmentIsAtLeastModerate(change: String) {
    for trend in ["same", "better"] {
      let result = triage([
        ("red_flags", .choices(["none"])), ("reason", .choices(["mental_health"])),
        ("mental_health_trend", .choice(trend)), ("mental_health_medicine_change", .choices([change])),
        ("symptom_trend", .choice("same")),
      ])
      #expect(result.delayRisk >= .moderate, "\(change), \(trend)")
      let leaf = change == "other_change" ? "d_moderate_mental_health_change" : "d_moderate_psychiatric_medicine"
      #expect(result.delayRiskLeaf == leaf)
      #expect(result.reasons.contains { $0.hasPrefix("Delay risk moderate:") && $0.contains("change") })
      if change != "other_change" { #expect(result.urgency >= .soon) }
    }
    let none = triage([
      ("red_flags", .choices(["none"])), ("reason", .choices(["mental_health"])),
      ("mental_health_trend", .choice("same")), ("mental_health_medicine_change", .choices([])),
      ("symptom_trend", .choice("same")),
    ])
    #expect(none.delayRisk == .low)
  }

  /// The earliest-of fact: unknown when either part is unknown, the smaller
  /// when both are known, the one when only one is.
  @Test func theDaysLeftToDecideIsTheEarliestOfBoth() {
    func fact(_ pairs: [(String, AnswerValue)]) -> Double?? {
      EvaluationContext(
        answers: answers(pairs), voice: .patient, today: TestSeeds.today, facts: seeds.interview.facts ?? [],
        assumptions: seeds.triage.assumptions, decisionMarginDays: seeds.triage.decisionMarginDays
      ).facts["days_left_to_decide"]
    }
    #expect(fact([]) == nil)
    #expect(fact([("treatment_date", .date(day(20)))]) == .some(13))
    #expect(fact([("decision_date", .date(day(9)))]) == .some(9))
    #expect(fact([("treatment_date", .date(day(20))), ("decision_date", .date(day(9)))]) == .some(9))
    #expect(fact([("treatment_date", .date(day(20))), ("decision_date", .unknown)]) == .some(nil))
  }
}
