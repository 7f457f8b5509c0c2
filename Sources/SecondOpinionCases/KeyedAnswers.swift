import SecondOpinionCore

/// The line source of a case given by `answers`: it looks at the question the
/// driver is waiting at and types the case's answer to it, a blank line for an
/// optional question the case leaves out, and `submit` at the review. It stops
/// the interview (end of input) at the first thing it cannot answer, with the
/// reason in `problem`, rather than letting the driver ask again until its
/// attempt limit. Each answer is typed in the session's language through
/// `AnswerTranslator` (as given, in English).
final class KeyedAnswers: LineSource {
  /// The driver it answers (set once the driver exists; weak, as the driver holds this source).
  weak var driver: InterviewDriver?
  /// The lines typed so far, in order.
  private(set) var typed: [String] = []
  /// The question ids it typed an answer from `answers` for.
  private(set) var used: Set<String> = []
  /// Why it stopped the interview, if it did.
  private(set) var problem: String?

  private let answers: [String: String]
  private let parser: AnswerParser
  private let translator: AnswerTranslator
  /// Every question it has answered, so one asked again (a rejected answer, or
  /// an answer read as `help` or `back`) is caught at once.
  private var asked: Set<String> = []
  /// The last question it answered, the case's answer, what it typed for it,
  /// and the driver's rejection count before.
  private var last: (id: String, text: String, typed: String, rejections: Int)?
  private var submitted = false

  /// Creates a source over a case's answers (English), typed through `translator`.
  init(answers: [String: String], translator: AnswerTranslator) {
    self.answers = answers
    self.translator = translator
    self.parser = AnswerParser(voice: translator.voice, today: translator.today, definition: translator.seeds.interview)
  }

  func read(prompt: String, prefill: String?, completions: [String]) -> LineEvent {
    guard problem == nil, let driver else { return .endOfInput }
    guard let question = driver.session.current else {
      if let rule = driver.session.stoppedBy {
        return stop(
          "the interview asked for more after the stop rule `\(rule.id)` fired; a case that types what comes after an emergency gives `input:`"
        )
      }
      // At the review (a keyed case never types a number there, so never in a change).
      guard !submitted else { return stop("the review was shown again after `submit`") }
      submitted = true
      return type("submit")
    }
    if asked.contains(question.id) { return stop(notAccepted(question, rejections: driver.rejections)) }
    asked.insert(question.id)
    if let text = answers[question.id] {
      if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
        return stop("the case's answer to question `\(question.id)` has more than one line; an answer is one line")
      }
      used.insert(question.id)
      let typed = translator.translate(text, at: question)
      last = (question.id, text, typed, driver.rejections)
      return type(typed)
    }
    if case .success = parser.parse("", for: question) {
      last = (question.id, "", "", driver.rejections)
      return type("")
    }
    return stop("the case does not answer question `\(question.id)`")
  }

  private func type(_ text: String) -> LineEvent {
    typed.append(text)
    return .line(text)
  }

  private func stop(_ reason: String) -> LineEvent {
    problem = reason
    return .endOfInput
  }

  /// Why `question`, answered already, is asked again.
  private func notAccepted(_ question: Question, rejections: Int) -> String {
    guard let last else { return "question `\(question.id)` was asked again" }
    let answer =
      "the case's answer to question `\(last.id)` (\"\(last.text)\""
      + (last.typed == last.text ? "" : ", typed in \(translator.language) as \"\(last.typed)\"") + ")"
    guard last.id == question.id else { return "\(answer) took the interview back to question `\(question.id)`" }
    if rejections > last.rejections,
      case .failure(let failure) = parser.parse(TextSanitizer.clean(last.typed), for: question)
    {
      return "\(answer) was rejected: \(failure.reason)"
    }
    if rejections > last.rejections { return "\(answer) was rejected" }
    return
      "\(answer) was not taken as its answer (read as a command such as `help`, or more was asked); a case that types more than one line for a question gives `input:`"
  }
}
