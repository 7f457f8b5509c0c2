import Foundation
import SecondOpinionCore
import Testing

@Suite("Red-flag conditions")
struct RedFlagConditionTests {
  let flags = [
    Choice(id: "chest", label: VoiceText("Chest"), redFlag: .physical),
    Choice(id: "voices", label: VoiceText("Voices"), redFlag: .mentalHealth),
    Choice(id: "fit", label: VoiceText("Fit"), redFlag: .physical),
  ]

  func decode(_ yaml: String) throws -> Condition { try SeedLoader.decode(yaml, file: "condition.yaml") }

  @Test func aClassAListOfClassesOrAny() throws {
    #expect(try decode("{redFlag: physical}") == .redFlag(classes: [.physical], question: "", flags: []))
    #expect(
      try decode("{redFlag: [mental_health, physical]}")
        == .redFlag(classes: [.physical, .mentalHealth], question: "", flags: []))
    #expect(try decode("{redFlag: any}") == .redFlag(classes: [.physical, .mentalHealth], question: "", flags: []))
    let error = #expect(throws: SeedError.self) { try decode("{redFlag: cardiac}") }
    #expect(error?.message.contains("unknown red-flag class in [\"cardiac\"]") == true)
  }

  @Test func boundToTheScreensFlagsOfTheClassInOrder() throws {
    let condition = try decode("{all: [{redFlag: physical}, {not: {redFlag: mental_health}}]}")
    let bound = condition.bindingRedFlags(question: "screen", flags: flags)
    #expect(
      bound
        == .all([
          .redFlag(classes: [.physical], question: "screen", flags: ["chest", "fit"]),
          .not(.redFlag(classes: [.mentalHealth], question: "screen", flags: ["voices"])),
        ]))
    #expect(bound.questionIDs == ["screen", "screen"])
    #expect(bound.testedValues.map(\.value) == ["chest", "fit", "voices"])
    #expect(bound.redFlagTests == [[.physical], [.mentalHealth]])
  }

  @Test func evaluatedAsIncludesAnyOnceBoundAndUnknownBefore() {
    func context(_ value: AnswerValue?) -> EvaluationContext {
      var answers = AnswerSet()
      if let value { answers.set(Answer(questionID: "screen", typed: "", value: value)) }
      return EvaluationContext(
        answers: answers, voice: .patient, today: "2026-11-25", facts: [], assumptions: [], decisionMarginDays: 7)
    }
    let unbound = Condition.redFlag(classes: [.physical], question: "", flags: [])
    let bound = unbound.bindingRedFlags(question: "screen", flags: flags)
    #expect(unbound.evaluate(in: context(.choices(["chest"]))) == .unknown)
    #expect(bound.evaluate(in: context(.choices(["fit"]))) == .yes)
    #expect(bound.evaluate(in: context(.choices(["voices"]))) == .no)
    #expect(bound.evaluate(in: context(.unknown)) == .unknown)
    #expect(bound.evaluate(in: context(nil)) == .no)
  }

  @Test func encodedAsWritten() throws {
    let one = try JSONEncoder().encode(Condition.redFlag(classes: [.mentalHealth], question: "s", flags: ["v"]))
    #expect(String(decoding: one, as: UTF8.self) == #"{"redFlag":"mental_health"}"#)
    let any = try JSONEncoder().encode(Condition.redFlag(classes: [.physical, .mentalHealth], question: "", flags: []))
    #expect(
      try decode(String(decoding: any, as: UTF8.self))
        == .redFlag(classes: [.physical, .mentalHealth], question: "", flags: []))
  }
}
