import Foundation
import Testing

@testable import SecondOpinionCore

/// The session keeps which questions apply, the stop rules, the facts and the
/// assumptions up to date by re-evaluating only what reads a changed answer
/// (`InterviewPlan`). These tests walk generated interviews, with answers
/// given, taken back and changed at random, and after every step compare the
/// session with evaluating everything again from its answers.
@Suite("Interview plan")
struct InterviewPlanTests {
  /// What evaluating every condition from scratch says the session should show.
  static func expectMatchesFullEvaluation(_ session: InterviewSession, _ note: String) {
    let seeds = session.seeds
    let fresh = EvaluationContext(
      answers: session.answers, voice: session.voice, today: session.today, facts: seeds.interview.facts ?? [],
      assumptions: seeds.triage.assumptions, decisionMarginDays: seeds.triage.decisionMarginDays)
    #expect(session.context.facts == fresh.facts, "facts after \(note)")
    #expect(session.context.assumptions == fresh.assumptions, "assumptions after \(note)")
    let asked = seeds.interview.questions.map { $0.when.map { $0.evaluate(in: fresh) != .no } ?? true }
    let expectedCurrent =
      session.stoppedBy == nil
      ? seeds.interview.questions.indices.first {
        asked[$0] && session.answers[seeds.interview.questions[$0].id] == nil
      }
      .map { seeds.interview.questions[$0].id } : nil
    #expect(session.current?.id == expectedCurrent, "current question after \(note)")
    let effective = seeds.interview.questions.indices.filter { asked[$0] }
      .compactMap { session.answers[seeds.interview.questions[$0].id] }
    #expect(session.effectiveAnswers == effective, "effective answers after \(note)")
    // "Question N of about M", counted afresh.
    let answeredCount = effective.count
    let remaining = seeds.interview.questions.indices.filter {
      asked[$0] && session.answers[seeds.interview.questions[$0].id] == nil
    }.count
    #expect(
      session.progress == (answeredCount + 1, answeredCount + max(remaining, 1)), "progress after \(note)")
    // No answer is kept for a question that no longer applies (the prune).
    for (index, question) in seeds.interview.questions.enumerated() where session.answers[question.id] != nil {
      #expect(asked[index], "\(question.id) is answered but does not apply, after \(note)")
    }
  }

  @Test func incrementalUpdatesEqualFullEvaluation() {
    let plan = InterviewPlan(seeds: TestSeeds.bundle)
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: 7, emergencyShare: 0.5)
    var random = SeededGenerator(seed: 8)
    for _ in 0..<150 {
      let definition = generator.next()
      var session = InterviewSession(
        plan: plan, voice: definition.mode, today: definition.today ?? CaseDefinition.defaultToday)
      Self.expectMatchesFullEvaluation(session, "the start")
      for (step, line) in definition.lines.enumerated() where line != "submit" {
        guard let question = session.current else { break }
        let outcome = session.apply(line, to: question)
        Self.expectMatchesFullEvaluation(session, "answer \(step) (\(question.id): \(line), \(outcome))")
        if Int.random(in: 0..<6, using: &random) == 0 {
          session.back()
          Self.expectMatchesFullEvaluation(session, "back at \(step)")
          _ = session.current.map { session.apply(line, to: $0) }
          Self.expectMatchesFullEvaluation(session, "answering again at \(step)")
        }
      }
      // Changes from the review: a random answer replaced by another case's.
      let other = generator.next()
      for _ in 0..<3 {
        let answers = session.effectiveAnswers
        guard !answers.isEmpty, let question = plan.question(answers.randomElement(using: &random)!.questionID)
        else { break }
        let line = other.lines.randomElement(using: &random) ?? "yes"
        _ = session.apply(line, to: question)
        Self.expectMatchesFullEvaluation(session, "changing \(question.id) to \(line)")
      }
    }
  }

  @Test func dependentsCoverEveryQuestionAConditionReads() {
    let plan = InterviewPlan(seeds: TestSeeds.bundle)
    let questions = TestSeeds.bundle.interview.questions
    for (index, question) in questions.enumerated() {
      for read in question.when?.questionIDs ?? [] {
        guard let position = plan.position(of: read) else { continue }
        #expect(plan.dependents[position].contains(index), "\(question.id) reads \(read)")
      }
    }
    // The self-harm check reads every text answer.
    let check = questions.indices.filter {
      if case .textMentions = questions[$0].when { return true }
      return false
    }
    #expect(!check.isEmpty)
    for index in questions.indices where questions[index].type == .text {
      #expect(check.allSatisfy(plan.dependents[index].contains))
    }
  }

  @Test func casesOnSeveralThreadsGiveTheSameResults() {
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: 9)
    let cases = (0..<200).map { _ in generator.next() }
    var runner = CaseRunner(seeds: TestSeeds.bundle)
    runner.keepsTranscripts = true
    let one = runner.run(cases, threads: 1)
    let four = runner.run(cases, threads: 4)
    #expect(one.count == cases.count && four.count == cases.count)
    #expect(one.map(\.record) == four.map(\.record))
    #expect(one.allSatisfy { $0.transcript?.isEmpty == false })
    #expect(one.map(\.transcript) == four.map(\.transcript))
    #expect(zip(one, cases).allSatisfy { $0.definition.title == $1.title })
    #expect(one.allSatisfy { $0.passed })
  }
}
