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
  /// The seeds' interface wording (`InterviewDefinition.wording`), in which
  /// the reasons and examples are worded (`InterfaceWording`).
  public var wording: [String: VoiceText]?

  /// Creates a parser reading `words` and wording its reasons in `wording`
  /// (give the seeds' own, or use `init(voice:today:definition:)`).
  public init(voice: Voice, today: String, words: AnswerWords = AnswerWords(), wording: [String: VoiceText]?) {
    self.voice = voice
    self.today = today
    self.words = words
    self.wording = wording
  }

  /// Creates a parser with the words and the wording of the seeds' interview.
  public init(voice: Voice, today: String, definition: InterviewDefinition) {
    self.init(voice: voice, today: today, words: definition.answerWords, wording: definition.wording)
  }

  /// The seeds' wording of a key in the parser's voice.
  func say(_ key: InterfaceWording, _ values: [String: String] = [:]) -> String {
    key.text(in: wording, voice, values)
  }

  /// Parses an answer that has already been made inert by `TextSanitizer`.
  public func parse(_ typed: String, for question: Question) -> Result<AnswerValue, ParseFailure> {
    let folded = AnswerWords.fold(typed)
    if folded.isEmpty {
      if question.isOptional { return .success(.skipped) }
      return .failure(failure(say(.reasonAnswerNeeded), question))
    }
    if words.unknown.contains(folded) {
      if question.allowsUnknown { return .success(.unknown) }
      return .failure(failure(say(.reasonNotSureRefused), question))
    }
    if words.declined.contains(folded) {
      if question.allowsDecline { return .success(.declined) }
      return .failure(failure(say(.reasonCannotDecline), question))
    }
    if question.isOptional, question.type != .multipleChoice, question.type != .singleChoice,
      words.skip.contains(folded)
    {
      return .success(.skipped)
    }
    switch question.type {
    case .yesNo: return parseYesNo(folded, question)
    case .singleChoice, .multipleChoice:
      return ChoiceMatcher(question: question, parser: self).match(typed)
    case .text: return parseText(typed, question)
    case .date: return parseDate(typed, question)
    case .number: return parseNumber(folded, question)
    }
  }

  /// The example shown after a rejected answer.
  public func example(for question: Question) -> String {
    if let example = question.example { return example }
    switch question.type {
    case .yesNo: return say(.exampleYesNo)
    case .singleChoice: return say(.exampleSingleChoice)
    case .multipleChoice: return say(.exampleMultipleChoice)
    case .date:
      switch question.datePrecision {
      case .full: return say(.exampleDateFull)
      case .day: return say(.exampleDateDay)
      case .month: return say(.exampleDateMonth)
      case .year: return say(.exampleDateYear)
      }
    case .number: return "\(question.minimum ?? 0)"
    case .text:
      switch question.format ?? .plain {
      case .nhsNumber: return say(.exampleNHSNumber)
      case .postcode: return say(.examplePostcode)
      case .phone: return say(.examplePhone)
      case .name: return say(.exampleName)
      case .plain: return say(.exampleText)
      }
    }
  }

  func failure(_ reason: String, _ question: Question) -> ParseFailure {
    var accepted = example(for: question)
    if question.allowsUnknown { accepted += "; " + say(.orNotSure) }
    if question.allowsDecline { accepted += "; " + say(.orPreferNotToSay) }
    if question.isOptional { accepted += "; " + say(.orLeaveBlank) }
    return ParseFailure(reason, example: accepted)
  }

  private func parseYesNo(_ folded: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    if words.yes.contains(folded) { return .success(.bool(true)) }
    if words.no.contains(folded) { return .success(.bool(false)) }
    return .failure(failure(say(.reasonYesOrNo), question))
  }

  private func parseText(_ typed: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    let count = typed.count
    guard count <= question.lengthLimit else {
      return .failure(
        failure(say(.reasonTooLong, ["count": "\(count)", "limit": "\(question.lengthLimit)"]), question))
    }
    switch question.format ?? .plain {
    case .plain:
      return .success(.text(typed))
    case .name:
      let allowed = typed.allSatisfy { $0.isLetter || " -'.’".contains($0) }
      guard allowed, typed.contains(where: \.isLetter) else {
        return .failure(failure(say(.reasonName), question))
      }
      return .success(.text(typed))
    case .nhsNumber:
      switch NHSNumber.check(typed) {
      case .valid(let digits): return .success(.text(digits))
      case .invalid(let reason): return .failure(failure(reason.text(in: wording, voice), question))
      }
    case .postcode:
      guard let postcode = UKPostcode.normalise(typed) else {
        return .failure(failure(say(.reasonPostcode), question))
      }
      return .success(.text(postcode))
    case .phone:
      guard let phone = UKPhone.normalise(typed) else {
        return .failure(failure(say(.reasonPhone), question))
      }
      return .success(.text(phone))
    }
  }

  private func parseDate(_ typed: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    let range = question.dateRange ?? .any
    let precision = question.datePrecision
    switch UKDateParser.parse(typed, today: today, range: range, precision: precision, words: words.dates) {
    case .invalid(let reason):
      return .failure(failure(reason.text(in: wording, voice), question))
    case .incomplete(let reason):
      // A date of birth (and any `precision: full` date) is never a rough date.
      let text = reason.text(in: wording, voice)
      let needs =
        precision == .full
        ? say(.reasonFullDate, ["label": question.label.lowercased(), "reason": text]) : text
      return .failure(failure(needs, question))
    case .date(let iso):
      // A partial date is compared at its own precision: "2026-11" is this
      // month, neither past nor future.
      let now = String(today.prefix(iso.count))
      if range == .past, iso > now {
        return .failure(failure(say(.reasonDateFuture), question))
      }
      if range == .future, iso < now {
        return .failure(failure(say(.reasonDatePast), question))
      }
      if let maxAge = question.maxAgeYears, let age = CalendarDate.wholeYears(from: iso, to: today), age > maxAge {
        return .failure(failure(say(.reasonAgeTooHigh, ["age": "\(age)", "maximum": "\(maxAge)"]), question))
      }
      return .success(.date(iso))
    }
  }

  private func parseNumber(_ folded: String, _ question: Question) -> Result<AnswerValue, ParseFailure> {
    guard let number = Int(folded) else {
      return .failure(failure(say(.reasonWholeNumber), question))
    }
    if let minimum = question.minimum, number < minimum {
      return .failure(failure(say(.reasonSmallest, ["minimum": "\(minimum)"]), question))
    }
    if let maximum = question.maximum, number > maximum {
      return .failure(failure(say(.reasonLargest, ["maximum": "\(maximum)"]), question))
    }
    return .success(.number(number))
  }
}
