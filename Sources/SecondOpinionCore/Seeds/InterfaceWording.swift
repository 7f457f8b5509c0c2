/// Every piece of the program's own wording on the interview screen: prompts,
/// progress, the hint under a question, the reasons and examples of a refused
/// answer, the review, the end, and the kiosk's screens. Each is a key of
/// `wording:` in seeds/interview.yaml (a translation replaces it), and this
/// list is the one place the program names them: there is no English copy in
/// Swift. The loader refuses seeds that lack one (`SeedLoader.checkWording`),
/// so a lookup always finds its text.
public enum InterfaceWording: String, CaseIterable, Sendable {
  // The accessible mode's prefixes: an error line and each line of an alert.
  case errorPrefix, alertPrefix
  // The review and its prompts.
  case reviewTitle, reviewPrompt, reviewPage, reviewChanged, reviewAgain, changeHint
  case reviewSubmitOnly, reviewSubmitOnlyExample, reviewSubmitOrNumber, reviewSubmitOrNumberExample
  // The interview's own screens.
  case afterEmergency, progress, progressPlain, backEarlier, noBack, badEncoding
  case interviewComplete, interviewCompleteExample, interviewStopped, interviewStoppedExample
  // The red-flag screen read from a person's own words.
  case redFlagConfirm, redFlagConfirmQuestion, redFlagWalk, redFlagAgain
  // A refused answer: the words around the reason and the example.
  case sorry, forExample, or
  case orNotSure, orPreferNotToSay, orLeaveBlank
  // The reasons an answer is refused.
  case reasonAnswerNeeded, reasonNotSureRefused, reasonCannotDecline, reasonYesOrNo, reasonTooLong
  case reasonName, reasonPostcode, reasonPhone, reasonFullDate, reasonDateFuture, reasonDatePast
  case reasonAgeTooHigh, reasonWholeNumber, reasonSmallest, reasonLargest
  case reasonChooseOne, reasonNoSuchChoice, reasonExclusive, reasonNotWhichChoice, reasonNotAChoice
  case reasonAmbiguousChoice
  case reasonNHSDigitsOnly, reasonNHSTenDigits, reasonNHSCheckDigit
  case reasonDateNoToday, reasonDateOutsideCalendar, reasonDateUnknownForm, reasonDateNoMonth
  case reasonDateNoYear, reasonDateNoDayInYear, reasonDateNoDay, reasonDateTooLong, reasonDateAmbiguousMonth
  case reasonDateUnknownWord, reasonDateMonthNeedsYear, reasonDateMonthNeedsYearAndDay
  case reasonDateMonthNeeded, reasonDateDayMonthNeeded, reasonDateDayNeeded, reasonDateYearNeededBirth
  case reasonDateYearNeeded
  // The example shown under a refused answer, by kind of question.
  case exampleYesNo, exampleSingleChoice, exampleMultipleChoice
  case exampleDateFull, exampleDateDay, exampleDateMonth, exampleDateYear
  case exampleNHSNumber, examplePostcode, examplePhone, exampleName, exampleText
  // An answer as the review (and the record) shows it.
  case answerYes, answerNo, answerUnknown, answerDeclined, answerSkipped
  // The hint in brackets under each question.
  case hintYesNo = "hint_yes_no"
  case hintSingleChoice = "hint_single_choice"
  case hintMultipleChoice = "hint_multiple_choice"
  case hintDate = "hint_date"
  case hintNumber = "hint_number"
  case hintNHSNumber = "hint_nhs_number"
  case hintPostcode = "hint_postcode"
  case hintPhone = "hint_phone"
  case hintNotSure = "hint_not_sure"
  case hintPreferNotToSay = "hint_prefer_not_to_say"
  case hintSkip = "hint_skip"
  case hintCommands = "hint_commands"
  // The end of a submitted interview.
  case reference, whatNext, deliveryState, savedFiles
  case deliveryPending = "delivery_pending"
  case deliverySending = "delivery_sending"
  case deliverySent = "delivery_sent"
  case deliveryAccepted = "delivery_accepted"
  case deliveryFailed = "delivery_failed"
  // The patient's copy beside the letter (the patient's voice only).
  case copyTitle, copyDate, copyAskedFor, copyAnswers, copyAdvice
  // The kiosk's own screens (the patient's voice only).
  case kioskWelcome, kioskStart, kioskThanks, kioskFinish, kioskWaitForStaff, kioskStartAgain
  case kioskStartAgainRefused, kioskNotSaved, kioskIdleCountdown, kioskChooseLanguage

  /// The voices the key is spoken in, each of which the seeds must word: the
  /// kiosk's screens and the patient's copy speak only to the patient;
  /// everything else to both.
  public var voices: [Voice] {
    rawValue.hasPrefix("kiosk") || rawValue.hasPrefix("copy") ? [.patient] : Voice.allCases
  }

  /// The key's text in `wording` for `voice`, with each `{name}` replaced by
  /// its value (a number, a title, a reference). The one lookup of the
  /// program's wording. Seeds the loader accepted always have it; without it
  /// (a definition made in memory without the seeds' wording) the key's own
  /// name stands in, so the gap shows rather than some other wording.
  public func text(in wording: [String: VoiceText]?, _ voice: Voice, _ values: [String: String] = [:]) -> String {
    guard let text = wording?[rawValue].map({ $0.text(for: voice) }), !text.isEmpty else { return rawValue }
    guard !values.isEmpty else { return text }
    // One pass over the wording: a value (typed by a person) is never read
    // again for placeholders.
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
        out += value
        rest = after[after.index(after: close)...]
      } else {
        out += "{"
        rest = after
      }
    }
    return out + rest
  }

  /// The keys (with the voice) that `wording` does not word, in the order of
  /// this list.
  public static func missing(in wording: [String: VoiceText]?) -> [(key: InterfaceWording, voice: Voice)] {
    allCases.flatMap { key in
      key.voices.filter { wording?[key.rawValue]?.has($0) != true }.map { (key, $0) }
    }
  }

  /// The wording of an outbox state as delivery.json names it (`pending`,
  /// `sent`, ...), nil for a state the seeds do not word.
  public static func delivery(_ state: String) -> InterfaceWording? { InterfaceWording(rawValue: "delivery_" + state) }
}
