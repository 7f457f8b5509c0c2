/// Turns what a person typed into a normalised answer for a question, or a
/// reason and an example when it cannot be accepted. Pure: `today` is given.
public struct AnswerParser: Sendable {
  /// The interview's voice, for wording the reasons.
  public var voice: Voice
  /// Today, ISO 8601.
  public var today: String
  /// The words for yes, no, "not sure", "prefer not to say" and skip, from
  /// the seeds (`InterviewDefinition.words`). With none, a parser accepts no
  /// such word: it refuses rather than guesses.
  public var words: AnswerWords

  /// Creates a parser reading `words` (give the seeds' words: `seeds.interview.answerWords`).
  public init(voice: Voice, today: String, words: AnswerWords = AnswerWords()) {
    self.voice = voice
    self.today = today
    self.words = words
  }

  /// Parses an answer that has already been made inert by `TextSanitizer`.
  public func parse(_ typed: String, for question: Question) -> Result<AnswerValue, ParseFailure> {
    let folded = AnswerWords.fold(typed)
    if folded.isEmpty {
      if question.isOptional { return .success(.skipped) }
      return .failure(failure("an answer is needed", question))
    }
    if words.unknown.contains(folded) {
      if question.allowsUnknown { return .success(.unknown) }
      return .failure(failure("this question needs an answer; \"not sure\" is not one of the options here", question))
    }
    if words.declined.contains(folded) {
      if question.allowsDecline { return .success(.declined) }
      return .failure(failure("this one is needed for the referral, so it cannot be skipped", question))
    }
    if question.isOptional, question.type != .multipleChoice, question.type != .singleChoice,
      words.skip.contains(folded)
    {
      return .success(.skipped)
    }
    switch question.type {
    case .yesNo: return parseYesNo(folded, question)
    case .singleChoice, .multipleChoice:
      return ChoiceMatcher(question: question, voice: voice, words: words).match(typed)
    case .text: return parseText(typed, question)
    case .date: return parseDate(typed, question)
    case .number: return parseNumber(folded, question)
    }
  }

  /// The example shown after a rejected answer.
  public func example(for question: Question) -> String {
    if let example = question.example { return example }
    switch question.type {
    case .yesNo: return "yes or no"
    case .singleChoice: return "1, or the start of a choice's word"
    case .multipleChoice: return "1, 3 (the numbers of all that apply)"
    case .date:
      switch question.datePrecision {
      case .full: return "25/11/1970, 25 Nov 1970, 3rd March 1952 or 1970-11-25"
      case .day: return "14/1/2027, 14 Jan 2027, 14th January 2027, or 14 Jan"
      case .month: return "3/9/2026, 3 Sept 2026, 22 Dec, March 2019, 03/2019 or 2019-03"
      case .year: return "3/9/2026, 3 Sept 2026, 22 Dec, March 2019, 03/2019, or the year alone: 2019"
      }
    case .number: return "\(question.minimum ?? 0)"
    case .text:
      switch question.format ?? .plain {
      case .nhsNumber: return "943 476 5919"
      case .postcode: return "SW1A 1AA"
      case .phone: return "020 7946 0000 or 07700 900123"
      case .name: return "Sam Taylor"
      case .plain: return "a few words"
      }
    }
  }

  func failure(_ reason: String, _ question: Question) -> ParseFailure {
    var accepted = example(for: question)
    if question.allowsUnknown { accepted += "; or \"not sure\"" }
    if question.allowsDecline { accepted += "; or \"prefer not to say\"" }
    if question.isOptional { accepted += "; or press Enter to leave it blank" }
    return ParseFailure(reason, example: accepted)
  }

  private func parseYesNo(_ folded: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    if words.yes.contains(folded) { return .success(.bool(true)) }
    if words.no.contains(folded) { return .success(.bool(false)) }
    return .failure(failure("please answer yes or no", question))
  }

  private func parseText(_ typed: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    let count = typed.count
    guard count <= question.lengthLimit else {
      return .failure(
        failure("that is \(count) characters; the most this question takes is \(question.lengthLimit)", question))
    }
    switch question.format ?? .plain {
    case .plain:
      return .success(.text(typed))
    case .name:
      let allowed = typed.allSatisfy { $0.isLetter || " -'.’".contains($0) }
      guard allowed, typed.contains(where: \.isLetter) else {
        return .failure(failure("a name has letters, spaces, hyphens and apostrophes only", question))
      }
      return .success(.text(typed))
    case .nhsNumber:
      switch NHSNumber.check(typed) {
      case .valid(let digits): return .success(.text(digits))
      case .invalid(let reason): return .failure(failure(reason, question))
      }
    case .postcode:
      guard let postcode = UKPostcode.normalise(typed) else {
        return .failure(failure("that is not the shape of a UK postcode", question))
      }
      return .success(.text(postcode))
    case .phone:
      guard let phone = UKPhone.normalise(typed) else {
        return .failure(
          failure("that is not the shape of a UK phone number (10 or 11 digits starting 0, or +44)", question))
      }
      return .success(.text(phone))
    }
  }

  private func parseDate(_ typed: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    let range = question.dateRange ?? .any
    let precision = question.datePrecision
    switch UKDateParser.parse(typed, today: today, range: range, precision: precision, words: words.dates) {
    case .invalid(let reason):
      return .failure(failure(reason, question))
    case .incomplete(let reason):
      // A date of birth (and any `precision: full` date) is never a rough date.
      let needs =
        precision == .full
        ? "the \(question.label.lowercased()) needs the full date (day, month and year): \(reason)" : reason
      return .failure(failure(needs, question))
    case .date(let iso):
      // A partial date is compared at its own precision: "2026-11" is this
      // month, neither past nor future.
      let now = String(today.prefix(iso.count))
      if range == .past, iso > now {
        return .failure(failure("that date is in the future", question))
      }
      if range == .future, iso < now {
        return .failure(failure("that date has already passed", question))
      }
      if let maxAge = question.maxAgeYears, let age = CalendarDate.wholeYears(from: iso, to: today), age > maxAge {
        return .failure(failure("that would mean an age of \(age), which is more than \(maxAge)", question))
      }
      return .success(.date(iso))
    }
  }

  private func parseNumber(_ folded: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    guard let number = Int(folded) else {
      return .failure(failure("please type a whole number, in digits", question))
    }
    if let minimum = question.minimum, number < minimum {
      return .failure(failure("the smallest accepted is \(minimum)", question))
    }
    if let maximum = question.maximum, number > maximum {
      return .failure(failure("the largest accepted is \(maximum)", question))
    }
    return .success(.number(number))
  }
}
