/// Runs a session against a line source and an output sink: shows each
/// question, reads the answer, handles `help`, `back` and the review, and
/// re-prompts with the reason after a rejected answer. The same driver runs the
/// terminal, the kiosk, pipes and the case library, so every path branches
/// alike. Everything is wrapped to the sink's `columns`, asked again before
/// every question (so a resized terminal is followed); the review pages by
/// the sink's `rows`, grouped by the seeds' sections.
///
/// On an accessible sink (`OutputSink.accessible`, for a screen reader)
/// nothing is wrapped or paged, each choice is a line starting with its
/// number, every error is one line starting with the seeds' `errorPrefix`
/// ("Error:") and every line of an alert with `alertPrefix` ("Alert:"),
/// instead of the `!` frame. On every sink each question with its choices,
/// each error and each alert is also given to `OutputSink.speak`; what the
/// person typed never is (nor the review, or an earlier answer shown again).
public final class InterviewDriver {
  /// The session being run.
  public private(set) var session: InterviewSession
  /// Safety messages shown so far, exactly as shown.
  public private(set) var shown: [ShownMessage] = []
  /// How many answers were rejected (each with a reason shown).
  public private(set) var rejections = 0
  /// How many lines have been read.
  public private(set) var linesRead = 0
  /// The question the line being read answers: the current question, a
  /// follow-up after an emergency, the answer being changed from the review,
  /// or the yes/no check of the red-flag screen (a yes/no question with the
  /// red-flag screen's id); nil at the review. Set before each read, so a
  /// line source (the case library typing in another language) can read it.
  public private(set) var waitingAt: Question?
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

  /// The answer withdrawn by the last `back`, shown when its question is
  /// asked again.
  private var earlier: Answer?
  /// The review as last listed (the ids of its answers, in order), and the
  /// question changed from it since: when a change leaves the list as it
  /// was, only the changed answer is shown again, not the whole list.
  private var listed: [String]?
  private var changed: String?

  private var voice: Voice { session.voice }

  /// The columns to wrap to now (the terminal's width, read again each time;
  /// no wrapping in the accessible mode).
  private var columns: Int {
    output.accessible ? OutputWidth.unlimited : max(OutputWidth.minimum, output.columns)
  }

  /// The presenter of a question, in the sink's layout.
  private func presenter(_ question: Question) -> QuestionPresenter {
    QuestionPresenter(question: question, voice: voice, definition: definition, accessible: output.accessible)
  }

  /// Shows a question with its choices and hint (after `leading`), and says it.
  private func present(_ question: Question, leading: String = "") {
    output.write(leading + presenter(question).render(width: columns))
    // Said unwrapped: a line break is not a pause.
    output.speak(presenter(question).render(width: OutputWidth.unlimited))
  }

  /// A line telling the person their input was not taken: in the
  /// accessible mode one line that starts with the seeds' `errorPrefix`.
  /// Said aloud as `spoken`, or as shown when that is nil (only for text
  /// that cannot hold what was typed).
  private func errorLine(_ text: String, spoken: String? = nil) -> String {
    let prefix = output.accessible ? definition.say(.errorPrefix, voice) + " " : ""
    output.speak(prefix + (spoken ?? text))
    return line(prefix + text)
  }

  /// Text wrapped to the screen's width, without breaking words.
  private func wrap(_ text: String, hangingIndent: String = "") -> String {
    TextWrapper.wrap(text, width: columns, hangingIndent: hangingIndent)
  }

  /// A line of wording from the seeds, wrapped, with its newline.
  private func line(_ text: String) -> String { wrap(text) + "\n" }
  private var definition: InterviewDefinition { session.seeds.interview }

  /// Runs until submitted, stopped, ended or interrupted.
  public func run(showIntroduction: Bool = true) -> DriverOutcome {
    if showIntroduction {
      output.write(wrap(definition.title.text(for: voice)) + "\n\n")
      output.write(wrap(definition.introduction.text(for: voice)) + "\n")
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
        + line(
          definition.say(.afterEmergency, voice)))
    var attempts = 0
    while let question = session.pendingFollowUp {
      present(question, leading: "\n")
      guard
        let event = read(waitingAt: question, prefill: nil, completions: presenter(question).completions),
        case .line(let raw) = event
      else { return .emergency(rule) }
      let typed = TextSanitizer.clean(raw)
      switch command(typed) {
      case .help?:
        output.write(line(question.help.text(for: voice)))
      case .back?:
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
      if output.accessible {
        output.write(
          AlertBox.plainLines(
            prefix: definition.say(.alertPrefix, voice), title: message.title, body: text))
      } else {
        output.alert(title: message.title, body: text)
      }
      output.speak(message.title + "\n" + text)
    } else {
      output.write("\n" + line(message.title) + line(text))
    }
  }

  /// Asks one question until it is answered; returns an outcome only when the run ends.
  private func ask(_ question: Question) -> DriverOutcome? {
    output.write("\n" + line("[" + progressText() + "]"))
    let before = earlier
    earlier = nil
    if let before, before.questionID == question.id {
      // Going back shows what was answered before (typing starts afresh:
      // text put on the line would run into what is typed).
      output.write(
        line(
          definition.say(
            .backEarlier, voice,
            ["answer": AnswerDisplay.text(before.value, question: question, voice: voice, definition: definition)])))
    }
    present(question)
    var attempts = 0
    while true {
      guard let event = read(waitingAt: question, prefill: nil, completions: presenter(question).completions)
      else { return .tooManyLines(questionID: question.id) }
      let typed: String
      switch event {
      case .line(let raw): typed = TextSanitizer.clean(raw)
      case .invalidEncoding:
        output.write(errorLine(definition.say(.badEncoding, voice)))
        attempts += 1
        if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
        continue
      case .endOfInput: return .endedEarly(questionID: question.id)
      case .interrupted(let signal): return .interrupted(signal: signal, questionID: question.id)
      case .idleTimeout: return .idle
      }
      if let command = command(typed) {
        switch command {
        case .help:
          output.write(line(question.help.text(for: voice)))
          // Counted like a rejected answer, so a script of `help` for ever ends.
          attempts += 1
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
          continue
        case .back:
          if goBack() {
            return nil
          }
          output.write(errorLine(definition.say(.noBack, voice)))
          attempts += 1
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
          continue
        case .restart where options.allowRestart:
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
          // Not an error: the person said the flags read were not right.
          let again = definition.say(.redFlagAgain, voice)
          output.write(line(again))
          output.speak(again)
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

  /// The progress line's text: the section of the current question, of how
  /// many, its title, and the question's number (wording `progress`).
  private func progressText() -> String {
    let progress = session.progress
    guard progress.sections > 0, let title = progress.title else {
      return definition.say(.progressPlain, voice, ["number": "\(progress.number)"])
    }
    return definition.say(
      .progress, voice,
      [
        "section": "\(progress.section)", "sections": "\(progress.sections)", "title": title.text(for: voice),
        "number": "\(progress.number)",
      ])
  }

  /// Goes back one question, keeping the answer withdrawn to show it again.
  @discardableResult
  private func goBack() -> Bool {
    let last = session.history.last.flatMap { session.answers[$0] }
    guard session.back() else { return false }
    earlier = last
    return true
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
    let heading = definition.say(.redFlagConfirm, voice)
    output.write("\n" + line(heading))
    let bullet = output.accessible ? "- " : "  - "
    for choice in named { output.write(wrap(bullet + choice.label.text(for: voice), hangingIndent: "    ") + "\n") }
    // The flags' own labels, never the words typed.
    output.speak(([heading] + named.map { $0.label.text(for: voice) }).joined(separator: "\n"))
    if !certain.isEmpty, confirm.isEmpty {
      return settle(session.record(.choices(certain), typed: typed, for: question))
    }
    let answer = askYesNo(definition.say(.redFlagConfirmQuestion, voice), questionID: question.id)
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
    output.write("\n" + line(definition.say(.redFlagWalk, voice)))
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
    let parser = AnswerParser(voice: voice, today: session.today, definition: definition)
    output.write(line(text))
    output.speak(text)
    var attempts = 0
    let completions = ["yes", "no", "notSure"].compactMap { definition.answerWords.offered[$0] }
    while true {
      guard let event = read(waitingAt: check, prefill: nil, completions: completions) else {
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
  private func read(waitingAt question: Question?, prefill: String?, completions: [String]) -> LineEvent? {
    if let limit = options.maxLines, linesRead >= limit { return nil }
    linesRead += 1
    waitingAt = question
    return input.read(prompt: "> ", prefill: prefill, completions: completions)
  }

  private func rejection(_ failure: ParseFailure) -> String {
    rejections += 1
    let sorry = definition.say(.sorry, voice)
    let forExample = definition.say(.forExample, voice)
    // The reason may quote what was typed ("xyz" is not one of the
    // choices), so it is shown but never said; the example is the parser's.
    let spoken = "\(sorry). \(forExample): \(failure.example)."
    if output.accessible {
      return errorLine("\(sorry): \(failure.reason). \(forExample): \(failure.example).", spoken: spoken)
    }
    output.speak(spoken)
    return line("\(sorry): \(failure.reason).") + line("\(forExample): \(failure.example).")
  }

  /// Whether a typed (inert) line is one of the commands read at a question
  /// (`help`, `back`, and `restart` where allowed, in the seeds'
  /// `words.commands`), taken before any answer is parsed.
  public func isCommand(_ typed: String) -> Bool {
    guard let command = command(typed) else { return false }
    return command != .restart || options.allowRestart
  }

  /// The command a line typed at a question is (`words.commands`), if any.
  private func command(_ typed: String) -> InterfaceCommand? {
    definition.answerWords.command(AnswerWords.fold(typed), among: [.help, .back, .restart])
  }

  /// The review's lines: the answers on the current path, numbered, grouped
  /// under their sections' titles, each wrapped to the screen; and for each
  /// line the number of the answer it shows (nil for a title).
  private func reviewLines(_ answers: [Answer]) -> [(text: String, number: Int?)] {
    var lines: [(text: String, number: Int?)] = []
    var section: String?
    for (index, answer) in answers.enumerated() {
      guard let question = definition.question(answer.questionID) else { continue }
      if let found = session.section(of: question.id), found.section.id != section {
        section = found.section.id
        lines.append((wrap(found.section.title.text(for: voice)), nil))
      }
      lines.append((answerLine(index + 1, answer, question), index + 1))
    }
    return lines
  }

  /// One answer as the review shows it: its number, label and the answer.
  private func answerLine(_ number: Int, _ answer: Answer, _ question: Question) -> String {
    let display = AnswerDisplay.text(answer.value, question: question, voice: voice, definition: definition)
    let indent = output.accessible ? "" : "  "
    return wrap("\(indent)\(number). \(question.label): \(display)", hangingIndent: "      ")
  }

  /// The review cut into pages that each fit a screenful with the title and
  /// the prompt (one page when there is no screen height, as on a pipe). A
  /// section's title is repeated at the top of a page it continues on.
  private func reviewPages(_ lines: [(text: String, number: Int?)], prompt: String) -> [[String]] {
    guard let rows = output.rows, !output.accessible else { return [lines.map(\.text)] }
    // The title and a blank line, a blank line, the page line and the
    // prompt, the typed line: all but this is for answers.
    let room = max(3, rows - (5 + heightOf(prompt) + 1))
    var pages: [[String]] = []
    var page: [String] = []
    var used = 0
    var title: String?
    for (index, line) in lines.enumerated() {
      var height = heightOf(line.text)
      if line.number == nil {
        title = line.text
        // A title is kept with the answer under it.
        if index + 1 < lines.count { height += heightOf(lines[index + 1].text) }
      }
      if used + height > room, !page.isEmpty {
        pages.append(page)
        page = []
        used = 0
        if line.number != nil, let title {
          page.append(title)
          used += heightOf(title)
        }
      }
      page.append(line.text)
      used += heightOf(line.text)
    }
    if !page.isEmpty || pages.isEmpty { pages.append(page) }
    return pages
  }

  private func heightOf(_ text: String) -> Int { text.split(separator: "\n", omittingEmptySubsequences: false).count }

  /// Shows one page of the review (or, after a change that left the list as
  /// it was, only the changed answer) and the prompt.
  private func showReview(page: Int, pages: [[String]], prompt: String) {
    let title = definition.say(.reviewTitle, voice)
    output.write("\n" + line(title) + "\n")
    for text in pages[page] { output.write(text + "\n") }
    if pages.count > 1 {
      output.write(
        "\n"
          + line(
            definition.say(
              .reviewPage, voice,
              ["page": "\(page + 1)", "pages": "\(pages.count)"])))
    } else {
      output.write("\n")
    }
    output.write(prompt)
  }

  /// Shows the review and takes a change or the submission. Returns an outcome
  /// when the run ends; nil to go on (a change may have opened new questions).
  /// On a screen too small for every answer it pages (Enter shows the next
  /// page, `list` the first again); a number changes that answer wherever its page.
  private func review() -> DriverOutcome? {
    let answers = session.effectiveAnswers
    let ids = answers.map(\.questionID)
    let prompt = line(definition.say(.reviewPrompt, voice))
    var pages = reviewPages(reviewLines(answers), prompt: prompt)
    var page = 0
    if let changed, listed == ids, let index = ids.firstIndex(of: changed),
      let question = definition.question(changed)
    {
      // The change left the list as it was: show the changed answer again, not the whole list.
      output.write(
        "\n" + line(definition.say(.reviewChanged, voice))
          + answerLine(index + 1, answers[index], question) + "\n\n"
          + line(definition.say(.reviewAgain, voice)) + prompt)
    } else {
      showReview(page: 0, pages: pages, prompt: prompt)
    }
    changed = nil
    listed = ids
    var attempts = 0
    while true {
      let words = definition.answerWords
      guard
        let event = read(
          waitingAt: nil, prefill: nil, completions: [InterfaceCommand.submit, .list].compactMap(words.offered))
      else {
        return .tooManyLines(questionID: nil)
      }
      guard case .line(let raw) = event else {
        switch event {
        case .endOfInput: return .endedEarly(questionID: nil)
        case .interrupted(let signal): return .interrupted(signal: signal, questionID: nil)
        case .idleTimeout: return .idle
        default:
          output.write(errorLine(definition.say(.badEncoding, voice)))
          attempts += 1
          if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: "review") }
          continue
        }
      }
      let typed = AnswerWords.fold(TextSanitizer.clean(raw))
      if words.means(typed, .submit) { return finish() }
      if words.means(typed, .restart), options.allowRestart { return .restart }
      if words.means(typed, .back) {
        goBack()
        return nil
      }
      if typed.isEmpty, pages.count > 1 {
        // Enter: the next page, and after the last the first again. Not
        // counted as a wrong answer, but bounded by the line limit.
        page = (page + 1) % pages.count
        showReview(page: page, pages: pages, prompt: prompt)
        continue
      }
      if words.means(typed, .list) {
        pages = reviewPages(reviewLines(answers), prompt: prompt)
        page = 0
        showReview(page: 0, pages: pages, prompt: prompt)
        continue
      }
      if let number = Int(typed), number >= 1, number <= answers.count,
        let question = definition.question(answers[number - 1].questionID)
      {
        if let outcome = change(question, old: answers[number - 1]) { return outcome }
        changed = question.id
        return nil
      }
      attempts += 1
      output.write(
        rejection(
          // With no answer to change (no question applied), only submit is left.
          answers.isEmpty
            ? ParseFailure(
              definition.say(.reviewSubmitOnly, voice), example: definition.say(.reviewSubmitOnlyExample, voice))
            : ParseFailure(
              definition.say(.reviewSubmitOrNumber, voice, ["count": "\(answers.count)"]),
              example: definition.say(.reviewSubmitOrNumberExample, voice)))
      )
      if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: "review") }
    }
  }

  private func change(_ question: Question, old: Answer) -> DriverOutcome? {
    present(question, leading: "\n")
    output.write(
      line(definition.say(.changeHint, voice)))
    var attempts = 0
    while true {
      guard
        let event = read(waitingAt: question, prefill: old.typed, completions: presenter(question).completions)
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
        output.write(errorLine(definition.say(.badEncoding, voice)))
        attempts += 1
        if let limit = options.maxAttempts, attempts >= limit { return .tooManyAttempts(questionID: question.id) }
      case .endOfInput: return .endedEarly(questionID: question.id)
      case .interrupted(let signal): return .interrupted(signal: signal, questionID: question.id)
      case .idleTimeout: return .idle
      }
    }
  }
}
