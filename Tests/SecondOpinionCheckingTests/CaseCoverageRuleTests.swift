import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionChecking

@Suite("Coverage by the cases")
struct CaseCoverageRuleTests {
  @Test func withNoCasesEveryLeafQuestionAndRedFlagIsNamed() throws {
    let found = DefinitionChecker(seeds: TestSeeds.bundle).coverageDefects([])
    let routine = try #require(
      found.first { $0.message == "urgency leaf `u_routine` is not reached by any case in cases/" })
    #expect(routine.file == SeedLoader.triageFile && routine.line != nil)
    let stroke = try #require(found.first { $0.message == "red flag `stroke` is not reported by any case in cases/" })
    #expect(stroke.line == EditedSeeds().line(of: "      - id: stroke"))
    let interview = TestSeeds.bundle.interview
    #expect(found.filter { $0.message.hasPrefix("red flag") }.count == interview.redFlags.count)
    #expect(found.filter { $0.message.hasPrefix("question") }.count == interview.questions.count)
  }
}
