import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Case runner")
struct CaseRunnerTests {
  /// Random complete interviews, with the triage their finished sessions give,
  /// pass when run again through the runner: the driver, the session and the
  /// record agree on every path the generator walks.
  @Test func generatedCasesPass() {
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: 2026)
    let runner = CaseRunner(seeds: TestSeeds.bundle)
    for _ in 0..<100 {
      let definition = generator.next()
      let result = runner.run(definition)
      #expect(result.passed, "\(definition.title): \(result.mismatches)")
    }
  }

  /// The same case run twice gives the same record.
  @Test func runsAreDeterministic() throws {
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: 7)
    let runner = CaseRunner(seeds: TestSeeds.bundle)
    for _ in 0..<20 {
      let definition = generator.next()
      let first = try #require(runner.run(definition).record)
      let second = try #require(runner.run(definition).record)
      #expect(first == second)
    }
  }
}
