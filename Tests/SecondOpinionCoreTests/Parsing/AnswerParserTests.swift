import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Answers")
struct AnswerParserTests {
  let seeds = TestSeeds.bundle
  let parser = AnswerParser(voice: .patient, today: TestSeeds.today, words: TestSeeds.bundle.interview.answerWords)

  func question(_ id: String) -> Question { seeds.interview.question(id)! }

  func value(_ typed: String, _ id: String) -> AnswerValue? {
    try? parser.parse(typed, for: question(id)).get()
  }

  func failure(_ typed: String, _ id: String) -> ParseFailure? {
    if case .failure(let failure) = parser.parse(typed, for: question(id)) { return failure }
    return nil
  }

  @Test func choicesByNumberWordStartAndSynonymInAnyCase() {
    #expect(value("5", "reason") == .choices(["cancer"]))
    #expect(value("CANC", "reason") == .choices(["cancer"]))
    #expect(value("surgery", "reason") == .choices(["risky_treatment"]))
    #expect(value("1, 5", "reason") == .choices(["diagnosis_doubt", "cancer"]))
    #expect(value("5 1", "reason") == .choices(["diagnosis_doubt", "cancer"]))
    #expect(value("nhs", "care_setting") == .choice("nhs"))
    #expect(value("Private", "care_setting") == .choice("private"))
    #expect(value("Yes, they can decide for themselves", "patient_capacity") == .choice("able"))
  }

  @Test func ambiguousAndUnknownChoicesAreRejectedWithAReason() {
    #expect(failure("c", "reason")?.reason.contains("could mean") == true)
    #expect(failure("99", "reason")?.reason.contains("there is no choice 99") == true)
    #expect(failure("banana", "care_setting")?.reason.contains("not one of the choices") == true)
    #expect(failure("1, 2", "care_setting")?.reason.contains("just one") == true)
    #expect(failure("1, 12", "red_flags")?.reason.contains("cannot be chosen together") == true)
  }

  @Test(arguments: ["yes", "Y", "yeah", "Yep", "aye", "YES."])
  func yesSynonyms(_ typed: String) {
    #expect(value(typed, "consent_share") == .bool(true))
  }

  @Test(arguments: ["no", "N", "nope", "nah", "No thanks"])
  func noSynonyms(_ typed: String) {
    #expect(value(typed, "consent_share") == .bool(false))
  }

  @Test func notSureAndPreferNotToSayAreDistinctStatesWhereAllowed() {
    #expect(value("not sure", "nhs_number") == .unknown)
    #expect(value("Don\u{2019}t know", "nhs_number") == .unknown)
    #expect(value("prefer not to say", "nhs_number") == .declined)
    #expect(value("not sure", "consent_share") == nil)
    #expect(failure("prefer not to say", "full_name")?.reason.contains("needed") == true)
    #expect(AnswerValue.unknown.state == .unknown && AnswerValue.declined.state == .declined)
    #expect(RecordValue(.unknown) == .null)
  }

  @Test func optionalQuestionsAcceptBlankAndNone() {
    #expect(value("", "question_2") == .skipped)
    #expect(value("none", "route_limits") == .skipped)
    #expect(failure("", "question_1")?.reason == "an answer is needed")
  }

  @Test func datesAreCheckedAgainstTheQuestionsRange() {
    #expect(value("25 Nov 1970", "date_of_birth") == .date("1970-11-25"))
    #expect(failure("1/1/2027", "date_of_birth")?.reason.contains("future") == true)
    #expect(failure("1/1/1850", "date_of_birth")?.reason.contains("age of") == true)
    #expect(failure("1/1/2025", "treatment_date")?.reason.contains("already passed") == true)
    #expect(value("14/1/27", "treatment_date") == .date("2027-01-14"))
    #expect(failure("31/02/1990", "date_of_birth")?.example.contains("25/11/1970") == true)
  }

  @Test func formatsAreCheckedAndNormalised() {
    #expect(value("943 476 5919", "nhs_number") == .text("9434765919"))
    #expect(failure("943 476 5910", "nhs_number")?.reason.contains("check digit") == true)
    #expect(value("sw1a1aa", "postcode") == .text("SW1A 1AA"))
    #expect(failure("12345", "postcode")?.example == "SW1A 1AA; or \"prefer not to say\"")
    #expect(value("+44 7700 900123", "phone") == .text("07700900123"))
    #expect(failure("Sam 2", "full_name")?.reason.contains("letters") == true)
    #expect(value("Siobhán O’Neill-Ward", "full_name") == .text("Siobhán O’Neill-Ward"))
  }

  @Test func textHasALengthLimit() {
    let long = String(repeating: "a", count: 301)
    #expect(failure(long, "diagnosis")?.reason.contains("301 characters") == true)
    #expect(value(String(repeating: "a", count: 300), "diagnosis") == .text(String(repeating: "a", count: 300)))
  }

  @Test func everyRejectionCarriesAnExample() {
    for question in seeds.interview.questions {
      if case .failure(let failure) = parser.parse("\u{1F600}\u{1F600}\u{1F600} 99 zz", for: question) {
        #expect(!failure.example.isEmpty, "question \(question.id)")
        #expect(!failure.reason.isEmpty, "question \(question.id)")
      }
    }
  }
}
