/// Runs a session against a line source and an output sink: shows each
/// question, reads the answer, handles `help`, `back` and the review, and
/// re-prompts with the reason after a rejected answer. The same driver runs the
/// terminal, the kiosk, pipes and the case library, so every path branches
/// alike.
public final class InterviewDriver {
  /// The session being run. Only this driver changes it, one call at a time
  /// on one thread, so the run-time exclusivity check on each access (about a
  /// hundred instructions, several times an answer) is left out.
  @exclusivity(unchecked) public private(set) var session: InterviewSession
  /// Safety messages shown so far, exactly as shown.
  public private(set) var shown: [ShownMessage] = []
  /// How many answers were rejected (each with a reason shown).
  public private(set) var rejections = 0
  /// How many lines have been read.
  public private(set) var linesRead = 0
  private let input: LineSource
  private let output: OutputSink
  private let options: DriverOptions
  /// The session's plan, interview definition and voice (none changes during a run).
  private let plan: InterviewPlan
  private let definition: InterviewDefinition
  private let voice: Voice
  /// The word that starts the progress line ("Question"), looked up once.
  private let progressWord: String

  /// Creates a driver.
  public init(session: InterviewSession, input: LineSource, output: OutputSink, options: DriverOptions) {
    self.session = session
    self.input = input
    self.output = output
    self.options = options
    plan = session.plan
    definition = session.seeds.interview
    voice = session.voice
    progressWord = definition.say("progress", session.voice, fallback: "Question")
  }

  /// Reads the session in place. Reading a class's property copies it for
  /// the length of the call (here about fifteen references, as the call
  /// could change the property); an in-place access does not.
  private func peek<T>(_ read: (inout InterviewSession) -> T) -> T { read(&session) }

  /// Runs until submitted, stopped, ended or interrupted.
  public func run(showIntroduction: Bool = true) -> DriverOutcome {
    if showIntroduction { output.write(plan.introduction(voice: voice)) }
    while true {
      if let rule = peek({ $0.stoppedBy }) { return emergency(rule) }
      if let index = peek({ $0.currentIndex }) {
        if let outcome = ask(at: index) { return outcome }
        continue
      }
      if let outcome = review() { return outcome }
    }
  }

  private func finish() -> DriverOutcome {
    for id in definition.closingMessages { show(id, asAlert: false) }
    return .completed
  }

  private func emergency(_ rule: StopRule) -> DriverOutcome {
    for id in rule.messages { show(id, asAlert: true) }
    return .emergency(rule)
  }

  private func show(_ id: String, asAlert: Bool) {
    guard let index = definition.messages.firstIndex(where: { $0.id == id }) else { return }
    let message = definition.messages[index]
    let kiosk = options.channel == .kiosk
    let text = message.text(for: voice, kiosk: kiosk)
    shown.append(ShownMessage(id: message.id, title: message.title, text: text))
    if asAlert {
      output.alert(title: message.title, body: text)
    } else {
      output.write(plan.screen(message: index, voice: voice, kiosk: kiosk))
    }
  }

  /// Asks the question at `index` of the definition until it is answered;
  /// returns an outcome only when the run ends.
  private func ask(at index: Int) -> DriverOutcome? {
    let question = plan.questions[index]
    let progress = peek { $0.progress }
    output.write(plan.progressLine(progress.number, of: progress.estimate, word: progressWord, voice: voice))
    let presented = plan.presented(at: index, voice: voice)
    output.write(presented.text)
    var attempts = 0
    while true {
      guard let event = read(prefill: nil, completions: presented.completions) else {
        return .tooManyLines(questionID: question.id)
      }
      let typed: String
      switch event {
      case .line(let raw): typed = TextSanitizer.clean(raw)
      case .invalidEncoding:
        output.write(
          definition.say(
            "badEncoding", voice,
            fallback: "That line had characters that could not be read (it was not valid UTF-8). Please type it again.")
            + "\n")
        attempts += 1
        if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
        continue
      case .endOfInput: return .endedEarly(questionID: question.id)
      case .interrupted(let signal): return .interrupted(signal: signal, questionID: question.id)
      case .idleTimeout: return .idle
      }
      if let command = command(typed) {
        switch command {
        case "help":
          output.write(TextWrapper.wrap(question.help.text(for: voice), width: 76) + "\n")
          // Counted like a rejected answer, so a script of `help` for ever ends.
          attempts += 1
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
          continue
        case "back":
          if session.back() {
            return nil
          }
          output.write(
            definition.say("noBack", voice, fallback: "This is the first question, so there is nothing to go back to.")
              + "\n")
          attempts += 1
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
          continue
        case "restart" where options.allowRestart:
          return .restart
        default: break
        }
      }
      // The question asked is still the current one (nothing here changes the
      // answers before this), so it is applied to directly rather than found again.
      switch session.apply(typed, at: index) {
      case .accepted: return nil
      case .stopped(let rule): return emergency(rule)
      case .rejected(let failure):
        attempts += 1
        output.write(rejection(failure))
        if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
      }
    }
  }

  /// The next line from the input, or nil when `maxLines` have been read.
  private func read(prefill: String?, completions: [String]) -> LineEvent? {
    if let limit = options.maxLines, linesRead >= limit { return nil }
    linesRead += 1
    return input.read(prompt: "> ", prefill: prefill, completions: completions)
  }

  /// The words that start every rejection, counted by the case runner.
  public static let rejectionMarker = "Sorry, I could not accept that"

  private func rejection(_ failure: ParseFailure) -> String {
    rejections += 1
    let sorry = definition.say("sorry", voice, fallback: Self.rejectionMarker)
    let forExample = definition.say("forExample", voice, fallback: "For example")
    return "\(sorry): \(failure.reason).\n\(forExample): \(failure.example).\n"
  }

  private func command(_ typed: String) -> String? {
    // Every command starts with one of these (in either case, after any
    // spaces or full stops the fold drops); most answers do not.
    guard let first = typed.utf8.first(where: { $0 != 0x20 && $0 != 0x2E && $0 != 0x21 }) else { return nil }
    switch first | 0x20 {
    case UInt8(ascii: "?"), UInt8(ascii: "h"), UInt8(ascii: "b"), UInt8(ascii: "g"), UInt8(ascii: "p"),
      UInt8(ascii: "r"), UInt8(ascii: "s"):
      break
    default:
      guard first >= 0x80 else { return nil }
    }
    switch AnswerWords.fold(typed) {
    case "help", "?", "h": return "help"
    case "back", "go back", "previous": return "back"
    case "restart", "start again": return "restart"
    default: return nil
    }
  }

  /// Shows the review and takes a change or the submission. Returns an outcome
  /// when the run ends; nil to go on (a change may have opened new questions).
  private func review() -> DriverOutcome? {
    let title =
      voice == .receptionist
      ? definition.say("reviewTitle", voice, fallback: "Read this summary back to the caller")
      : definition.say("reviewTitle", voice, fallback: "Please check your answers")
    output.write("\n\(title)\n\n")
    let effective = peek { $0.effectivePositions }
    output.write(reviewList(effective))
    output.write(
      "\n"
        + definition.say(
          "reviewPrompt", voice,
          fallback: "Type submit to send, or the number of an answer to change it.") + "\n")
    var attempts = 0
    while true {
      guard let event = read(prefill: nil, completions: ["submit"]) else { return .tooManyLines(questionID: nil) }
      guard case .line(let raw) = event else {
        switch event {
        case .endOfInput: return .endedEarly(questionID: nil)
        case .interrupted(let signal): return .interrupted(signal: signal, questionID: nil)
        case .idleTimeout: return .idle
        default:
          output.write(
            definition.say("badEncoding", voice, fallback: "That line could not be read. Please type it again.") + "\n")
          attempts += 1
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: "review") }
          continue
        }
      }
      let typed = AnswerWords.fold(TextSanitizer.clean(raw))
      if ["submit", "send", "s", "done", "yes", "y", "confirm"].contains(typed) { return finish() }
      if typed == "restart" || typed == "start again", options.allowRestart { return .restart }
      if typed == "back" {
        session.back()
        return nil
      }
      if let number = Int(typed), number >= 1, number <= effective.count,
        let answer = peek({ $0.answer(at: effective[number - 1]) }), let index = plan.position(of: answer.questionID)
      {
        if let outcome = change(at: index, old: answer) { return outcome }
        return nil
      }
      attempts += 1
      // With no answer to change (no question applied), only submit is left.
      output.write(
        rejection(
          effective.isEmpty
            ? ParseFailure("please type submit", example: "submit")
            : ParseFailure(
              "please type submit, or a number from 1 to \(effective.count)", example: "submit, or 3 to change answer 3"
            ))
      )
      if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: "review") }
    }
  }

  /// The review's numbered list of answers, each wrapped to 76 columns with
  /// a hanging indent: "3. Date of birth: 25 November 1970". Made as bytes
  /// (nearly every line is printable ASCII), so each line is not a string of its own.
  private func reviewList(_ effective: [Int]) -> String {
    var block = ByteBuffer(capacity: 64 * effective.count + 64)
    var line = ByteBuffer()
    let hanging = Array("    ".utf8)
    plan.questions.withUnsafeBufferPointer { questions in
      for (index, held) in effective.enumerated() {
        // The question of the first position with the id, as `plan.question` finds it.
        let position = plan.isSole[held] ? held : plan.position(of: questions[held].id)!
        line.removeAll()
        line.append(decimal: index + 1)
        line.append(literal: ". ")
        line.append(questions[position].label)
        line.append(literal: ": ")
        line.append(peek { $0.display(at: held, shown: position) })
        let wrapped = line.withBytes { bytes -> Bool in
          guard TextWrapper.isASCIIText(bytes) else { return false }
          hanging.withUnsafeBufferPointer { TextWrapper.wrapASCII(bytes, width: 76, hanging: $0, into: &block) }
          return true
        }
        if !wrapped {
          block.append(TextWrapper.wrap(line.string, width: 76, hangingIndent: "    "))
        }
        block.append(UInt8(ascii: "\n"))
      }
    }
    return block.string
  }

  private func change(at index: Int, old: Answer) -> DriverOutcome? {
    let presented = plan.presented(at: index, voice: voice)
    output.write("\n" + presented.text)
    output.write(
      definition.say("changeHint", voice, fallback: "The current answer is shown; edit it, or press Enter to keep it.")
        + "\n")
    var attempts = 0
    while true {
      guard let event = read(prefill: old.typed, completions: presented.completions) else {
        return .tooManyLines(questionID: old.questionID)
      }
      switch event {
      case .line(let raw):
        let typed = TextSanitizer.clean(raw)
        if typed.isEmpty || typed == old.typed { return nil }
        switch session.apply(typed, at: index) {
        case .accepted: return nil
        case .stopped(let rule): return emergency(rule)
        case .rejected(let failure):
          attempts += 1
          output.write(rejection(failure))
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: old.questionID) }
        }
      case .invalidEncoding:
        output.write(
          definition.say("badEncoding", voice, fallback: "That line could not be read. Please type it again.") + "\n")
        attempts += 1
        if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: old.questionID) }
      case .endOfInput: return .endedEarly(questionID: old.questionID)
      case .interrupted(let signal): return .interrupted(signal: signal, questionID: old.questionID)
      case .idleTimeout: return .idle
      }
    }
  }
}
