import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The words people really use for a choice: synonyms in the seeds, lead-ins
/// taken off, hyphens as spaces, and a bare yes or no never read as the start
/// of a choice.
@Suite("Choice words")
struct ChoiceMatcherTests {
  let seeds = TestSeeds.bundle

  func value(_ typed: String, _ id: String, _ voice: Voice = .receptionist) -> AnswerValue? {
    let parser = AnswerParser(voice: voice, today: TestSeeds.today, definition: seeds.interview)
    return try? parser.parse(typed, for: seeds.interview.question(id)!).get()
  }

  func failure(_ typed: String, _ id: String) -> ParseFailure? {
    let parser = AnswerParser(voice: .patient, today: TestSeeds.today, definition: seeds.interview)
    if case .failure(let failure) = parser.parse(typed, for: seeds.interview.question(id)!) { return failure }
    return nil
  }

  @Test(arguments: [
    "mother", "mum", "Mum", "dad", "daughter", "son", "brother", "sister", "grandmother", "grandson", "aunt",
    "niece", "nephew", "stepmother", "step-mum", "step mum", "stepson", "husband", "wife", "partner",
    "mother-in-law", "my mum", "her daughter", "the patient's son", "it's his wife",
  ])
  func relativesAreRelatives(_ typed: String) {
    #expect(value(typed, "caller_relationship") == .choice("relative"), "\(typed)")
  }

  @Test func carersFriendsAndProfessionals() {
    #expect(value("carer", "caller_relationship") == .choice("carer"))
    #expect(value("support worker", "caller_relationship") == .choice("carer"))
    #expect(value("I'm her carer", "caller_relationship") == .choice("carer"))
    #expect(value("neighbour", "caller_relationship") == .choice("friend"))
    #expect(value("social worker", "caller_relationship") == .choice("professional"))
    #expect(value("district nurse", "caller_relationship") == .choice("professional"))
    #expect(value("me", "caller_relationship") == .choice("self"))
    #expect(value("the patient", "caller_relationship") == .choice("self"))
  }

  @Test func painControlWords() {
    #expect(value("controlled", "pain_control") == .choice("controlled"))
    #expect(value("not controlled", "pain_control") == .choice("uncontrolled"))
    #expect(value("Not under control", "pain_control") == .choice("uncontrolled"))
    #expect(value("it's not controlled", "pain_control") == .choice("uncontrolled"))
    #expect(value("getting worse", "pain_control") == .choice("worsening"))
    #expect(value("partly", "pain_control") == .choice("partly"))
    // The question asks one thing, so yes and no answer it.
    #expect(value("no", "pain_control") == .choice("uncontrolled"))
    #expect(value("yes", "pain_control") == .choice("controlled"))
    #expect(failure("not", "pain_control")?.reason.contains("could mean") == true)
  }

  /// "no" at a choice question whose choices do not name it is refused, not
  /// read as the first choice that starts with "no" ("No symptoms").
  @Test func aBareNoIsNotTheStartOfAChoice() {
    #expect(failure("no", "symptom_trend")?.reason.contains("does not say which choice") == true)
    #expect(failure("n", "route")?.reason.contains("does not say which choice") == true)
    #expect(failure("yes", "caller_relationship")?.reason.contains("does not say which choice") == true)
    // A choice that names it takes it.
    #expect(value("no", "red_flags") == .choices(["none"]))
    #expect(value("no", "patient_capacity") == .choice("not_able"))
    #expect(value("yes", "patient_capacity") == .choice("able"))
    #expect(value("nhs", "route") == .choice("nhs"))
  }

  @Test func numbersAreNotChangedByTheHyphenRule() {
    #expect(failure("-1", "care_setting")?.reason.contains("there is no choice -1") == true)
    #expect(value("2", "care_setting") == .choice("private"))
  }

  @Test func leadInsAreOnlyTakenOffWhenNothingElseMatches() {
    // "a relative" is the label itself.
    #expect(value("a relative", "caller_relationship") == .choice("relative"))
    #expect(
      failure("my banana", "caller_relationship")?.reason.contains("\"my banana\" is not one of the choices") == true)
  }
}
