import SecondOpinionCases
import SecondOpinionCore

/// The case library covers the definitions: every leaf of both trees is
/// reached, every question is asked and every red flag is reported by at
/// least one case. It needs the cases' results, so it is not a
/// `DefinitionRule`; `DefinitionChecker.coverageDefects(_:)` runs it.
public enum CaseCoverageRule {
  /// Leaves no case reaches, questions no case asks and red flags no case
  /// reports, given every case's result.
  public static func defects(in definitions: DefinitionIndex, results: [CaseResult]) -> [SeedError] {
    let triage = definitions.seeds.triage
    let interview = definitions.interview
    var found: [SeedError] = []
    let urgencyLeaves = Set(results.compactMap { $0.record?.triage.urgencyLeaf })
    let delayLeaves = Set(results.compactMap { $0.record?.triage.delayRiskLeaf })
    for leaf in triage.urgency.leaves where !urgencyLeaves.contains(leaf.id) {
      found.append(
        SeedError(
          file: SeedLoader.triageFile, line: leaf.line,
          message: "urgency leaf `\(leaf.id)` is not reached by any case in cases/"))
    }
    for leaf in triage.delayRisk.leaves where !delayLeaves.contains(leaf.id) {
      found.append(
        SeedError(
          file: SeedLoader.triageFile, line: leaf.line,
          message: "delay-risk leaf `\(leaf.id)` is not reached by any case in cases/"))
    }
    let asked = Set(results.flatMap { $0.record?.answers.map(\.questionId) ?? [] })
    for question in interview.questions where !asked.contains(question.id) {
      found.append(
        SeedError(
          file: SeedLoader.interviewFile, line: question.line,
          message: "question `\(question.id)` is not asked by any case in cases/"))
    }
    // The declared red flags; in seeds that declare none, the first
    // question's choices that are not exclusive.
    let screen = interview.redFlagQuestion ?? interview.questions.first
    let flags =
      interview.redFlagQuestion == nil
      ? (screen?.choices ?? []).filter { $0.exclusive != true } : interview.redFlags
    let flagged = Set(
      results.flatMap { result -> [String] in
        guard let screen, case .list(let ids)? = result.record?.answer(screen.id)?.value else { return [] }
        return ids
      })
    for flag in flags where !flagged.contains(flag.id) {
      found.append(
        SeedError(
          file: SeedLoader.interviewFile, line: flag.line ?? screen?.line,
          message: "red flag `\(flag.id)` is not reported by any case in cases/"))
    }
    return found
  }
}
