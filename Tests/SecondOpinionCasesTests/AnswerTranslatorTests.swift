import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The one translation of an answer the case library types in another
/// language: the English answer's value, typed from the language's own words.
@Suite("Answer translator")
struct AnswerTranslatorTests {
  static let welsh = CaseLanguageTests.seeds.speaking("cy")!
  static let translator = AnswerTranslator(seeds: welsh, voice: .patient, today: TestSeeds.today)

  static func question(_ id: String) throws -> Question { try #require(welsh.interview.question(id)) }

  /// What the Welsh session makes of the translated text.
  static func welshValue(_ typed: String, at question: Question) -> AnswerValue? {
    let parser = AnswerParser(voice: .patient, today: TestSeeds.today, definition: welsh.interview)
    guard case .success(let value) = parser.parse(TextSanitizer.clean(typed), for: question) else { return nil }
    return value
  }

  /// Translates, and checks the Welsh session reads the same value English did.
  static func translate(_ english: String, at id: String, value: AnswerValue) throws -> String {
    let question = try question(id)
    let typed = translator.translate(english, at: question)
    #expect(welshValue(typed, at: question) == value, "\"\(english)\" typed in Welsh as \"\(typed)\"")
    return typed
  }

  @Test func yesAndNoAreWelshWordsOfTheirOwnList() throws {
    let words = Self.welsh.interview.answerWords
    let english = Self.welsh.englishInterview.answerWords
    for text in ["yes", "Yeah", "y"] {
      let typed = try Self.translate(text, at: "treatment_irreversible", value: .bool(true))
      #expect(words.yes.contains(typed) && !english.yes.contains(typed), "\(typed)")
    }
    for text in ["no", "nope"] {
      let typed = try Self.translate(text, at: "treatment_irreversible", value: .bool(false))
      #expect(words.no.contains(typed) && !english.no.contains(typed), "\(typed)")
    }
    // The same word every time.
    #expect(
      Self.translator.translate("yes", at: try Self.question("pain"))
        == Self.translator.translate("yes", at: try Self.question("treatment_irreversible")))
  }

  @Test func notSureAndPreferNotToSayAreWelshWords() throws {
    let words = Self.welsh.interview.answerWords
    let unsure = try Self.translate("not sure", at: "diagnosis", value: .unknown)
    #expect(words.unknown.contains(unsure) && unsure != "not sure")
    let declined = try Self.translate("prefer not to say", at: "sex", value: .declined)
    #expect(words.declined.contains(declined) && declined != "prefer not to say")
  }

  @Test func aSkippedAnswerIsABlankLine() throws {
    #expect(try Self.translate("", at: "treatment_so_far", value: .skipped) == "")
    #expect(try Self.translate("skip", at: "treatment_so_far", value: .skipped) == "")
  }

  @Test func aChoiceIsTypedByItsWelshLabelAndSeveralByNumber() throws {
    #expect(try Self.translate("yes", at: "pregnant", value: .choice("yes")) == "Ie")
    #expect(try Self.translate("does not", at: "pregnant", value: .choice("not_applicable")) == "Ddim yn berthnasol")
    let reason = try Self.question("reason")
    let ids = (reason.choices ?? []).map(\.id)
    try #require(ids.count > 3)
    #expect(
      try Self.translate("1, 3", at: "reason", value: .choices([ids[0], ids[2]])) == "1, 3")
    let first = try #require(Self.welsh.englishInterview.question("reason")?.choices?.first?.label.text(for: .patient))
    #expect(try Self.translate(first, at: "reason", value: .choices([ids[0]])) == "1")
  }

  @Test func datesAreWrittenWithWelshMonthsAtTheirPrecision() throws {
    #expect(try Self.translate("14/01/2027", at: "treatment_date", value: .date("2027-01-14")) == "14 Ionawr 2027")
    #expect(try Self.translate("3rd March 1952", at: "date_of_birth", value: .date("1952-03-03")) == "3 Mawrth 1952")
    #expect(try Self.translate("March 2019", at: "diagnosis_date", value: .date("2019-03")) == "Mawrth 2019")
    #expect(try Self.translate("05/2020", at: "diagnosis_date", value: .date("2020-05")) == "Mai 2020")
    #expect(try Self.translate("2019", at: "diagnosis_date", value: .date("2019")) == "2019")
    // A day and month without the year is the next one for a future date.
    #expect(try Self.translate("22 Dec", at: "treatment_date", value: .date("2026-12-22")) == "22 Rhagfyr 2026")
  }

  @Test func textNumbersAndIdentifiersAreTypedAsTheyAre() throws {
    for (text, id) in [
      ("Sam O'Brien", "full_name"), ("943 476 5919", "nhs_number"), ("07700 900123", "phone"),
      ("sw1a1aa", "postcode"), ("Prostate cancer", "diagnosis"), ("I have been hurting myself", "symptoms"),
    ] {
      #expect(Self.translator.translate(text, at: try Self.question(id)) == text)
    }
  }

  @Test func whatEnglishDoesNotTakeAsAValueStaysAsTyped() throws {
    // Rejected in English: typed as it is, to be rejected in Welsh too.
    #expect(Self.translator.translate("31/02/1970", at: try Self.question("date_of_birth")) == "31/02/1970")
    #expect(Self.translator.translate("maybe", at: try Self.question("pain")) == "maybe")
    // A person's own words at the red-flag screen, and doubt there.
    let screen = try Self.question("red_flags")
    #expect(Self.translator.translate("I have chest pain", at: screen) == "I have chest pain")
    #expect(Self.translator.translate("not sure", at: screen) == "not sure")
  }

  @Test func inEnglishEverythingIsTypedAsGiven() throws {
    let english = AnswerTranslator(
      seeds: CaseLanguageTests.seeds, voice: .patient, today: TestSeeds.today)
    #expect(english.isIdentity)
    let question = try #require(CaseLanguageTests.seeds.interview.question("treatment_date"))
    #expect(english.translate("14/01/2027", at: question) == "14/01/2027")
  }

  @Test func theReceptionistsLabelIsTyped() throws {
    let receptionist = Self.translator.with(voice: .receptionist, today: TestSeeds.today)
    let question = try Self.question("caller_relationship")
    let choice = try #require(question.choices?.first)
    let typed = receptionist.translate(choice.id, at: question)
    #expect(typed == choice.label.text(for: .receptionist))
  }

  /// Every value any question of the interview can take, in either voice, is
  /// typed so that the Welsh session reads it back as that value: a Welsh
  /// label that two choices share the start of, or a word missing from a
  /// list, would fail here.
  @Test(arguments: [Voice.patient, .receptionist])
  func everyValueOfEveryQuestionIsReadBackInWelsh(voice: Voice) {
    let translator = Self.translator.with(voice: voice, today: TestSeeds.today)
    let parser = AnswerParser(voice: voice, today: TestSeeds.today, definition: Self.welsh.interview)
    var checked = 0
    for question in Self.welsh.interview.questions {
      var values: [AnswerValue] = []
      switch question.type {
      case .yesNo: values = [.bool(true), .bool(false)]
      case .singleChoice: values = (question.choices ?? []).map { .choice($0.id) }
      case .multipleChoice: values = (question.choices ?? []).map { .choices([$0.id]) }
      default: break
      }
      if question.allowsUnknown { values.append(.unknown) }
      if question.allowsDecline { values.append(.declined) }
      if question.isOptional { values.append(.skipped) }
      for value in values {
        guard let typed = translator.typed(value, at: question) else {
          Issue.record("\(question.id): \(value) has no Welsh form")
          continue
        }
        let read = parser.parse(TextSanitizer.clean(typed), for: question)
        #expect(
          read == .success(value), "\(question.id) (\(voice.rawValue)): \(value) typed as \"\(typed)\" reads \(read)")
        checked += 1
      }
    }
    #expect(checked > 150)
  }
}
