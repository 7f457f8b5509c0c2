import Foundation
import Testing

@testable import SecondOpinionCore

/// What the session, the triage and the record builder keep or share to save
/// work (the review's displays, the session's own context for the triage,
/// each tree's look-ups, each day's record stamps, questions shared between
/// copies) gives what working it out afresh gives.
@Suite("Session, triage and record fast paths")
struct SessionFastPathTests {
  static func cases(_ count: Int, seed: UInt64) -> [CaseDefinition] {
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: seed, emergencyShare: 0.3)
    return (0..<count).map { _ in generator.next() }
  }

  /// A case's session, answered without a driver (so no review, and no
  /// display worked out in advance).
  static func session(_ definition: CaseDefinition, plan: InterviewPlan) -> InterviewSession {
    var session = InterviewSession(
      plan: plan, voice: definition.mode, today: definition.today ?? CaseDefinition.defaultToday)
    for line in definition.lines where session.current != nil { _ = session.apply(line) }
    return session
  }

  @Test func theReviewsDisplaysGiveTheSameRecord() throws {
    let runner = CaseRunner(seeds: TestSeeds.bundle)
    let builder = RecordBuilder(seeds: TestSeeds.bundle)
    let plan = InterviewPlan(seeds: TestSeeds.bundle)
    for definition in Self.cases(200, seed: 71) {
      let run = try #require(runner.run(definition).record)
      let fresh = builder.build(
        session: Self.session(definition, plan: plan), id: run.id, createdAt: run.createdAt, channel: .pipe,
        operatorName: definition.operator, shown: run.safetyAdvice)
      #expect(fresh == run, "\(definition.title)")
    }
  }

  @Test func theTriageInTheSessionsContextIsTheTriage() {
    let plan = InterviewPlan(seeds: TestSeeds.bundle)
    let evaluator = TestSeeds.bundle.evaluator
    for definition in Self.cases(300, seed: 72) {
      let session = Self.session(definition, plan: plan)
      #expect(
        evaluator.evaluate(session)
          == evaluator.evaluate(session.answers, voice: session.voice, today: session.today), "\(definition.title)")
    }
  }

  /// The reasons and "also noted" factors as the evaluator worked them out
  /// before, from the path and the trees by id.
  @Test func reasonsAndFactorsAreFoundAsBefore() {
    let plan = InterviewPlan(seeds: TestSeeds.bundle)
    let triage = TestSeeds.bundle.triage
    let evaluator = TestSeeds.bundle.evaluator
    for definition in Self.cases(300, seed: 73) {
      let session = Self.session(definition, plan: plan)
      let result = evaluator.evaluate(session.answers, voice: session.voice, today: session.today)
      let context = EvaluationContext(
        answers: session.answers, voice: session.voice, today: session.today,
        facts: TestSeeds.bundle.interview.facts ?? [], assumptions: triage.assumptions,
        decisionMarginDays: triage.decisionMarginDays)
      let urgency = result.path.filter { $0.tree == "urgency" }
      let delay = result.path.filter { $0.tree == "delayRisk" }
      var reasons: [String] = []
      for (label, level, steps) in [
        ("Urgency", result.urgency.rawValue, urgency), ("Delay risk", result.delayRisk.rawValue, delay),
      ] {
        let deciding = steps.filter { $0.result == "yes" || $0.result == "unknown" }
        for step in deciding.isEmpty ? [steps.last!] : deciding { reasons.append("\(label) \(level): \(step.reason)") }
      }
      #expect(result.reasons == reasons, "\(definition.title)")
      var alsoNoted: [String] = []
      var seen: [Condition] = []
      for (tree, steps) in [(triage.urgency, urgency), (triage.delayRisk, delay)] {
        let deciding = steps.filter { $0.result != "no" }.map(\.node)
        for node in tree.nodes where deciding.contains(node.id) { seen.append(node.test) }
      }
      for (tree, steps) in [(triage.urgency, urgency), (triage.delayRisk, delay)] {
        let visited = steps.map(\.node)
        for node in tree.nodes where !visited.contains(node.id) && node.test.evaluate(in: context) == .yes {
          guard !seen.contains(node.test) else { continue }
          seen.append(node.test)
          alsoNoted.append(node.because)
        }
      }
      #expect(result.alsoNoted == alsoNoted, "\(definition.title)")
    }
  }

  @Test func eachDaysStampsAreTheRecordIDAndTime() {
    let stamps = CaseStamps()
    for today in ["2026-11-25", "2025-11-26", "2027-02-28", "2026-11-25"] {
      let date = CaseRunner.instant(for: today)
      let made = stamps.stamps(for: today)
      #expect(made.id == RecordID.make(at: date, random: 0) && made.createdAt == RecordID.iso8601(date))
    }
  }

  @Test func aChangedCopyOfAQuestionLeavesTheOriginal() throws {
    let original = try #require(TestSeeds.bundle.interview.questions.first)
    var copy = original
    #expect(copy == original)
    copy.label = "Changed"
    copy.line = 9999
    #expect(copy.label == "Changed" && copy.line == 9999)
    #expect(original.label != "Changed" && original.line != 9999)
    #expect(copy != original)
    copy.label = original.label
    copy.line = original.line
    #expect(copy == original)
  }
}
