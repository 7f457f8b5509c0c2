import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Conditions")
struct ConditionTests {
  func context(_ pairs: [(String, AnswerValue)], voice: Voice = .patient) -> EvaluationContext {
    var set = AnswerSet()
    for (id, value) in pairs { set.set(Answer(questionID: id, typed: "", value: value)) }
    return EvaluationContext(
      answers: set, voice: voice, today: "2026-11-25", facts: [FactDefinition(id: "days", daysUntil: "when")],
      assumptions: [], decisionMarginDays: 7)
  }

  @Test func threeValuedLogic() {
    #expect((Truth.yes && .unknown) == .unknown)
    #expect((Truth.no && .unknown) == .no)
    #expect((Truth.yes || .unknown) == .yes)
    #expect((Truth.no || .unknown) == .unknown)
    #expect(!Truth.unknown == .unknown)
  }

  @Test func valueTests() {
    let c = context([("a", .choice("x")), ("b", .unknown), ("m", .choices(["p", "q"]))])
    #expect(Condition.answerIs("a", ["x"]).evaluate(in: c) == .yes)
    #expect(Condition.answerIs("a", ["y"]).evaluate(in: c) == .no)
    #expect(Condition.answerIs("b", ["x"]).evaluate(in: c) == .unknown)
    #expect(Condition.answerIs("missing", ["x"]).evaluate(in: c) == .no)
    #expect(Condition.answerIsNot("missing", ["x"]).evaluate(in: c) == .no)
    #expect(Condition.answerIsNot("a", ["y"]).evaluate(in: c) == .yes)
    #expect(Condition.answerIncludesAny("m", ["q"]).evaluate(in: c) == .yes)
    #expect(Condition.answerState("b", .unknown).evaluate(in: c) == .yes)
    #expect(Condition.mode(.receptionist).evaluate(in: c) == .no)
  }

  @Test func factsFromDates() {
    let soon = context([("when", .date("2026-12-05"))])
    #expect(Condition.factBelow("days", 14).evaluate(in: soon) == .yes)
    #expect(Condition.factKnown("days").evaluate(in: soon) == .yes)
    let unknown = context([("when", .unknown)])
    #expect(Condition.factBelow("days", 14).evaluate(in: unknown) == .unknown)
    #expect(Condition.factKnown("days").evaluate(in: unknown) == .no)
    #expect(Condition.factBelow("days", 14).evaluate(in: context([])) == .no)
  }

  @Test func aFactCanTakeOffTheDecisionMargin() {
    var set = AnswerSet()
    set.set(Answer(questionID: "when", typed: "", value: .date("2026-12-05")))
    let facts = [
      FactDefinition(id: "days", daysUntil: "when"),
      FactDefinition(id: "left", daysUntil: "when", lessDecisionMargin: true),
    ]
    let c = EvaluationContext(
      answers: set, voice: .patient, today: "2026-11-25", facts: facts, assumptions: [], decisionMarginDays: 7)
    #expect(c.facts["days"] == .some(10))
    #expect(c.facts["left"] == .some(3))
    #expect(Condition.factBelow("left", 4).evaluate(in: c) == .yes)
    #expect(Condition.factBelow("days", 4).evaluate(in: c) == .no)
  }

  @Test func mentionsReadsTheCrisisGrammarInEveryTextAnswer() throws {
    var c = context([("a", .text("back pain")), ("t", .text("He has said he has thoughts of ending his life"))])
    c.crisis = PhraseMatcher(try TestSeeds.grammar("crisis"))
    #expect(Condition.mentions(["suicidal"]).evaluate(in: c) == .yes)
    #expect(Condition.mentions(["harm_others"]).evaluate(in: c) == .no)
    c.crisis = nil
    #expect(Condition.mentions(["suicidal"]).evaluate(in: c) == .no)
  }
}
