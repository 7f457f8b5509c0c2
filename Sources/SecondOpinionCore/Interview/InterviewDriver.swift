/// Runs a session against a line source and an output sink: shows each
/// question, reads the answer, handles `help`, `back` and the review, and
/// re-prompts with the reason after a rejected answer. The same driver runs the
/// terminal, the kiosk, pipes and the case library, so every path branches
/// alike.
public final class InterviewDriver {
  /// The session being run.
  public private(set) var session: InterviewSession
  /// Safety messages shown so far, exactly as shown.
  public private(set) var shown: [ShownMessage] = []
  /// How many answers were rejected (each with a reason shown).
  public private(set) var rejections = 0
  /// How many lines have been read.
  public private(set) var linesRead = 0
  private let input: LineSource
  private let output: OutputSink
  private let options: DriverOptions

  /// Creates a driver.
  public init(session: InterviewSession, input: LineSource, output: OutputSink, options: DriverOptions) {
    self.session = session
    self.input = input
    self.output = output
    self.options = options
  }

  private var voice: Voice { session.voice }
  private var definition: InterviewDefinition { session.seeds.interview }

  /// Runs until submitted, stopped, ended or interrupted.
  public func run(showIntroduction: Bool = true) -> DriverOutcome {
    if showIntroduction {
      output.write("\(definition.title.text(for: voice))\n\n")
      output.write(TextWrapper.wrap(definition.introduction.text(for: voice), width: 76) + "\n")
    }
    while true {
      if let rule = session.stoppedBy { return emergency(rule) }
      if let question = session.current {
        if let outcome = ask(question) { return outcome }
        continue
      }
      if let outcome = review() { return outcome }
    }
  }

  private func finish() -> DriverOutcome {
    for id in definition.closingMessages { show(id, asAlert: false) }
    return .completed
  }

  /// Shows the stop rule's alerts, then asks the voice's follow-up questions
  /// (`afterEmergency:` in the seeds: in receptionist mode who is calling, a
  /// call-back number and the patient's name), each skippable with Enter. The
  /// run always ends as the emergency: the end of input, a signal, the idle
  /// timer or too many rejected lines only end the follow-up, so the flagged
  /// record is still written.
  private func emergency(_ rule: StopRule) -> DriverOutcome {
    for id in rule.messages { show(id, asAlert: true) }
    guard session.pendingFollowUp != nil else { return .emergency(rule) }
    output.write(
      "\n"
        + TextWrapper.wrap(
          definition.say(
            "afterEmergency", voice,
            fallback: "While help is called: record who is calling, a call-back number and the patient's name."
              + " Press Enter to skip any of them."), width: 76) + "\n")
    var attempts = 0
    while let question = session.pendingFollowUp {
      output.write("\n" + QuestionPresenter(question: question, voice: voice).render())
      guard
        let event = read(prefill: nil, completions: QuestionPresenter(question: question, voice: voice).completions),
        case .line(let raw) = event
      else { return .emergency(rule) }
      let typed = TextSanitizer.clean(raw)
      switch command(typed) {
      case "help":
        output.write(TextWrapper.wrap(question.help.text(for: voice), width: 76) + "\n")
      case "back":
        session.backInFollowUp()
      default:
        switch session.apply(typed, to: question) {
        case .accepted:
          attempts = 0
          continue
        case .stopped: continue
        case .rejected(let failure): output.write(rejection(failure))
        }
      }
      attempts += 1
      if let limit = options.maxAttempts, attempts >= limit { return .emergency(rule) }
    }
    return .emergency(rule)
  }

  private func show(_ id: String, asAlert: Bool) {
    guard let message = definition.message(id) else { return }
    let text = message.text(for: voice, kiosk: options.channel == .kiosk)
    shown.append(ShownMessage(id: message.id, title: message.title, text: text))
    if asAlert {
      output.alert(title: message.title, body: text)
    } else {
      output.write("\n\(message.title)\n" + TextWrapper.wrap(text, width: 76) + "\n")
    }
  }

  /// Asks one question until it is answered; returns an outcome only when the run ends.
  private func ask(_ question: Question) -> DriverOutcome? {
    let progress = session.progress
    output.write(
      "\n[" + definition.say("progress", voice, fallback: "Question")
        + " \(progress.number) of about \(progress.estimate)]\n")
    output.write(QuestionPresenter(question: question, voice: voice).render())
    var attempts = 0
    while true {
      guard let event = read(prefill: nil, completions: QuestionPresenter(question: question, voice: voice).completions)
      else { return .tooManyLines(questionID: question.id) }
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
      // At the red-flag screen, doubt is walked flag by flag before the
      // parser could read it as "not sure".
      let words = redFlagWords(question).map { $0.read(typed) }
      if words == .unsure { return walkRedFlags(question, typed: typed) }
      switch session.apply(typed) {
      case .accepted: return nil
      case .stopped(let rule): return emergency(rule)
      case .rejected(let failure):
        // A person's own words that name red flags, or none, are never refused.
        switch words {
        case .flags(let confirm, let certain)?:
          if let outcome = confirmRedFlags(question, typed: typed, confirm: confirm, certain: certain) {
            return outcome
          }
          output.write(
            definition.say(
              "redFlagAgain", voice,
              fallback: "Then please type the numbers of all that apply, or none, or not sure.") + "\n")
          continue
        case .none?:
          let none = (question.choices ?? []).first { $0.exclusive == true }.map(\.id) ?? "none"
          return settle(session.record(.choices([none]), typed: typed, for: question))
        default: break
        }
        attempts += 1
        output.write(rejection(failure))
        if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
      }
    }
  }

  /// The reader of a person's own words, when `question` is the red-flag
  /// screen (a question whose choices declare red flags) and the seeds have one.
  private func redFlagWords(_ question: Question) -> RedFlagReader? {
    guard (question.choices ?? []).contains(where: { $0.redFlag != nil }) else { return nil }
    return session.seeds.redFlagWords
  }

  /// What a recorded answer leads to: on to the next question, or the emergency.
  private func settle(_ outcome: InterviewSession.Outcome) -> DriverOutcome? {
    switch outcome {
    case .stopped(let rule): return emergency(rule)
    case .accepted, .rejected: return nil
    }
  }

  /// Shows back the red flags read from the person's words and asks one
  /// yes/no question. Yes (or not sure) records them, and the emergency
  /// follows; flags from a disclosure of crisis are recorded whatever the
  /// answer. Returns nil when no flag is confirmed (the screen is asked again).
  private func confirmRedFlags(_ question: Question, typed: String, confirm: [String], certain: [String])
    -> DriverOutcome?
  {
    let choices = question.choices ?? []
    let named = choices.filter { confirm.contains($0.id) || certain.contains($0.id) }
    output.write(
      "\n"
        + definition.say(
          "redFlagConfirm", voice,
          fallback: voice == .receptionist
            ? "From what the caller said, this may be happening to the patient now:"
            : "From what you wrote, this may be happening to you now:") + "\n")
    for choice in named { output.write("  - " + choice.label.text(for: voice) + "\n") }
    if !certain.isEmpty, confirm.isEmpty {
      return settle(session.record(.choices(certain), typed: typed, for: question))
    }
    let answer = askYesNo(
      definition.say(
        "redFlagConfirmQuestion", voice,
        fallback: voice == .receptionist
          ? "Is that right? (yes / no / not sure)" : "Is that right? (yes / no / not sure)"),
      questionID: question.id)
    switch answer {
    case .answer(let yes):
      let flags = choices.map(\.id).filter { (yes && confirm.contains($0)) || certain.contains($0) }
      if flags.isEmpty { return nil }
      return settle(session.record(.choices(flags), typed: typed, for: question))
    case .ended(let outcome): return outcome
    }
  }

  /// Doubt at the red-flag screen: each red flag is asked on its own as a
  /// yes/no question; yes or not sure at any of them counts (never under-triage).
  private func walkRedFlags(_ question: Question, typed: String) -> DriverOutcome? {
    let choices = question.choices ?? []
    output.write(
      "\n"
        + definition.say(
          "redFlagWalk", voice,
          fallback: "Let us go through them one at a time. Answer yes, no or not sure to each.") + "\n")
    var flags: [String] = []
    for choice in choices where choice.redFlag != nil {
      switch askYesNo(choice.label.text(for: voice) + "?", questionID: question.id) {
      case .answer(let yes): if yes { flags.append(choice.id) }
      case .ended(let outcome): return outcome
      }
    }
    let none = choices.first { $0.exclusive == true }.map(\.id) ?? "none"
    return settle(
      session.record(.choices(flags.isEmpty ? [none] : flags), typed: typed + " (each asked on its own)", for: question)
    )
  }

  private enum YesNo {
    /// Yes (or not sure, which counts as yes here), or no.
    case answer(Bool)
    /// The run ended while asking.
    case ended(DriverOutcome?)
  }

  /// Asks one yes/no question of the red-flag screen until it is answered;
  /// "not sure" is yes.
  private func askYesNo(_ text: String, questionID: String) -> YesNo {
    let check = Question(
      id: questionID, type: .yesNo, heading: "alerts", label: text, text: VoiceText(text), help: VoiceText(text),
      notSure: true)
    let parser = AnswerParser(voice: voice, today: session.today, words: definition.answerWords)
    output.write(text + "\n")
    var attempts = 0
    while true {
      guard let event = read(prefill: nil, completions: ["yes", "no", "not sure"]) else {
        return .ended(.tooManyLines(questionID: questionID))
      }
      switch event {
      case .line(let raw):
        switch parser.parse(TextSanitizer.clean(raw), for: check) {
        case .success(.bool(let yes)): return .answer(yes)
        case .success: return .answer(true)
        case .failure(let failure):
          attempts += 1
          output.write(rejection(failure))
          if let limit = options.maxAttempts, attempts >= limit {
            return .ended(.tooManyAttempts(questionID: questionID))
          }
        }
      case .invalidEncoding:
        attempts += 1
        if let limit = options.maxAttempts, attempts >= limit {
          return .ended(.tooManyAttempts(questionID: questionID))
        }
      case .endOfInput: return .ended(.endedEarly(questionID: questionID))
      case .interrupted(let signal): return .ended(.interrupted(signal: signal, questionID: questionID))
      case .idleTimeout: return .ended(.idle)
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
    let answers = session.effectiveAnswers
    for (index, answer) in answers.enumerated() {
      guard let question = definition.question(answer.questionID) else { continue }
      let display = AnswerDisplay.text(answer.value, question: question, voice: voice)
      output.write(
        TextWrapper.wrap("\(index + 1). \(question.label): \(display)", width: 76, hangingIndent: "    ") + "\n")
    }
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
      if let number = Int(typed), number >= 1, number <= answers.count,
        let question = definition.question(answers[number - 1].questionID)
      {
        if let outcome = change(question, old: answers[number - 1]) { return outcome }
        return nil
      }
      attempts += 1
      output.write(
        rejection(
          // With no answer to change (no question applied), only submit is left.
          answers.isEmpty
            ? ParseFailure("please type submit", example: "submit")
            : ParseFailure(
              "please type submit, or a number from 1 to \(answers.count)", example: "submit, or 3 to change answer 3"))
      )
      if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: "review") }
    }
  }

  private func change(_ question: Question, old: Answer) -> DriverOutcome? {
    output.write("\n" + QuestionPresenter(question: question, voice: voice).render())
    output.write(
      definition.say("changeHint", voice, fallback: "The current answer is shown; edit it, or press Enter to keep it.")
        + "\n")
    var attempts = 0
    while true {
      guard
        let event = read(
          prefill: old.typed, completions: QuestionPresenter(question: question, voice: voice).completions)
      else { return .tooManyLines(questionID: question.id) }
      switch event {
      case .line(let raw):
        let typed = TextSanitizer.clean(raw)
        if typed.isEmpty || typed == old.typed { return nil }
        switch session.apply(typed, to: question) {
        case .accepted: return nil
        case .stopped(let rule): return emergency(rule)
        case .rejected(let failure):
          attempts += 1
          output.write(rejection(failure))
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
        }
      case .invalidEncoding:
        output.write(
          definition.say("badEncoding", voice, fallback: "That line could not be read. Please type it again.") + "\n")
        attempts += 1
        if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
      case .endOfInput: return .endedEarly(questionID: question.id)
      case .interrupted(let signal): return .interrupted(signal: signal, questionID: question.id)
      case .idleTimeout: return .idle
      }
    }
  }
}
