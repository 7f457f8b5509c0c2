import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Answers")
struct AnswerParserTests {
  let seeds = TestSeeds.bundle
  let parser = AnswerParser(voice: .patient, today: TestSeeds.today, definition: TestSeeds.bundle.interview)

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

  /// How people say when they were given a diagnosis (a rough date is fine
  /// there), labelled, with what is stored.
  static let roughDates: [(label: String, typed: String, stored: String)] = [
    ("month and year", "March 2019", "2019-03"), ("short month and year", "Nov 2025", "2025-11"),
    ("numeric month and year", "03/2019", "2019-03"), ("ISO month", "2019-03", "2019-03"),
    ("year alone", "2019", "2019"), ("misspelt month", "Setpember 2024", "2024-09"),
    ("day and month, this year", "22 Oct", "2026-10-22"), ("day and month, last year", "22 Dec", "2025-12-22"),
    ("ordinal", "the 3rd of March 2021", "2021-03-03"), ("this month", "Nov 2026", "2026-11"),
    ("full date", "1/9/2026", "2026-09-01"),
  ]

  @Test(arguments: roughDates.map { ($0.label, $0.typed, $0.stored) })
  func aRoughDateIsKeptAtItsPrecision(_ label: String, _ typed: String, _ stored: String) {
    #expect(value(typed, "diagnosis_date") == .date(stored), "\(label): \(typed)")
  }

  @Test func aDateOfBirthNeedsTheFullDateAndSaysSo() {
    for typed in ["March 1952", "1952", "3 March", "03/1952"] {
      let refused = failure(typed, "date_of_birth")
      #expect(refused?.reason.contains("date of birth needs the full date") == true, "\(typed)")
      #expect(refused?.example.contains("3rd March 1952") == true, "\(typed)")
    }
    #expect(value("3rd March 1952", "date_of_birth") == .date("1952-03-03"))
    #expect(value("the 3rd of March 1952", "date_of_birth") == .date("1952-03-03"))
  }

  @Test func aRefusedDateSaysWhichFormsAreAccepted() {
    let refused = failure("sometime last spring", "diagnosis_date")
    #expect(refused?.example.contains("March 2019") == true)
    #expect(refused?.example.contains("2019") == true)
    #expect(refused?.example.contains("22 Dec") == true)
    let treatment = failure("March 2027", "treatment_date")
    #expect(treatment?.reason.contains("the day is needed") == true)
    #expect(treatment?.example.contains("14 Jan") == true)
    #expect(value("14 Jan", "treatment_date") == .date("2027-01-14"))
    #expect(value("Dec 22nd", "decision_date") == .date("2026-12-22"))
    #expect(failure("2027", "diagnosis_date")?.reason.contains("future") == true)
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
