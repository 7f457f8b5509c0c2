import SecondOpinionCore
import Testing

@Suite("Checking the definitions")
struct DefinitionCheckerTests {
  func defects(interview: String? = nil, triage: String? = nil) throws -> [SeedError] {
    let bundle = try SeedLoader.bundle(
      interview: interview ?? TestSeeds.text("interview.yaml"), triage: triage ?? TestSeeds.text("triage.yaml"),
      letter: TestSeeds.text("letter.yaml"))
    return DefinitionChecker(seeds: bundle).defects()
  }

  func interviewReplacing(_ old: String, _ new: String) -> String {
    let text = TestSeeds.text("interview.yaml")
    precondition(text.contains(old), "fixture text not found: \(old)")
    return text.replacingOccurrences(of: old, with: new)
  }

  @Test func theRepositorysSeedsHaveNoDefects() throws {
    #expect(try defects().map(\.description) == [])
  }

  @Test func anUnknownIDIsNamedWithFileAndLine() throws {
    let found = try defects(
      interview: interviewReplacing(
        "when: {answer: reason, includes: cancer}", "when: {answer: reasons, includes: cancer}"))
    let defect = try #require(found.first { $0.message.contains("unknown question id `reasons`") })
    #expect(defect.file == "interview.yaml")
    #expect(defect.line != nil)
  }

  @Test func aConditionTestingAValueTheQuestionCannotGive() throws {
    let found = try defects(
      interview: interviewReplacing(
        "when: {answer: reason, includes: cancer}", "when: {answer: reason, includes: cancerous}"))
    #expect(found.contains { $0.message.contains("for `cancerous`, which it cannot give") })
  }

  @Test func anUnreachableQuestion() throws {
    let found = try defects(
      interview: interviewReplacing(
        "when: {answer: reason, includes: mental_health}\n    text:\n      patient: \"Are you under",
        "when: {always: false}\n    text:\n      patient: \"Are you under"))
    #expect(found.contains { $0.message.contains("`mental_health_team` can never be asked") })
  }

  @Test func aCycleBetweenConditions() throws {
    var text = interviewReplacing(
      "when: {answer: question_2, state: answered}", "when: {answer: hopes, state: answered}")
    text = text.replacingOccurrences(
      of: "  - id: hopes\n    type: text\n    heading: concerns\n    label: \"What the patient hopes for\"\n",
      with:
        "  - id: hopes\n    type: text\n    heading: concerns\n    label: \"What the patient hopes for\"\n    when: {answer: question_3, state: answered}\n"
    )
    let found = try defects(interview: text)
    #expect(found.contains { $0.message.contains("conditions form a cycle") })
  }

  @Test func missingWordingForAVoice() throws {
    let found = try defects(
      interview: interviewReplacing(
        "      receptionist: \"What is the patient's full name?\"\n", ""))
    #expect(found.contains { $0.message.contains("`full_name` has no receptionist wording for its text") })
  }

  @Test func theDecisionMarginOnlyComesOffDaysUntilADate() throws {
    let found = try defects(
      interview: interviewReplacing(
        "  - id: age_years\n    yearsSince: date_of_birth\n",
        "  - id: age_years\n    yearsSince: date_of_birth\n    lessDecisionMargin: true\n"))
    #expect(found.map(\.message) == ["fact `age_years`: lessDecisionMargin takes days off a `daysUntil` fact only"])
  }

  @Test func aTreeOutOfSeverityOrderCouldUnderTriage() throws {
    let text = TestSeeds.text("triage.yaml").replacingOccurrences(
      of: "  root: u_red_flag_physical", with: "  root: u_pain")
    let found = try defects(triage: text)
    #expect(found.contains { $0.message.contains("can never be reached from the root") })
    let swapped = TestSeeds.text("triage.yaml").replacingOccurrences(
      of: "      \"yes\": u_urgent_cancer", with: "      \"yes\": u_soon_pain")
    let defects = try self.defects(triage: swapped)
    #expect(defects.contains { $0.message.contains("order the rules by severity") })
  }

  @Test func aLeafWithNoCase() {
    let checker = DefinitionChecker(seeds: TestSeeds.bundle)
    let found = checker.coverageDefects([])
    #expect(found.contains { $0.message.contains("urgency leaf `u_routine` is not reached by any case") })
    #expect(found.contains { $0.message.contains("red flag `stroke` is not reported by any case") })
  }

  @Test func malformedYAMLNamesTheFileAndLine() {
    #expect(throws: SeedError.self) {
      try SeedLoader.bundle(interview: "version: [", triage: "", letter: "")
    }
    do {
      _ = try SeedLoader.bundle(
        interview: interviewReplacing("type: yes_no", "type: yes_or_no"), triage: TestSeeds.text("triage.yaml"),
        letter: TestSeeds.text("letter.yaml"))
      Issue.record("an unknown question type was accepted")
    } catch let error as SeedError {
      #expect(error.file == "interview.yaml")
      #expect(error.line != nil)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
