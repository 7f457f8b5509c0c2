import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionDelivery
import SecondOpinionStorage
import SecondOpinionTerminal

/// `second-opinion kiosk`: patient interviews one after another on a shared
/// terminal, with an idle reset and nothing of one patient left for the next.
/// After every patient the screen and scrollback are cleared and the process
/// replaces itself (exec), so no answer, history or kill ring survives in memory.
struct KioskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiosk",
    abstract: "Run patient interviews one after another on a shared kiosk terminal.",
    discussion: """
      Staff stop the kiosk with SIGTERM (systemctl stop), or by typing the staff code at the \
      welcome screen when $SECOND_OPINION_STAFF_CODE is set (there is no built-in code). \
      Ctrl-C offers to start again; Ctrl-D, Ctrl-Z and Ctrl-\\ do nothing. After \
      --idle-timeout seconds without a key the prompt counts down --idle-warning seconds, \
      then the answers are discarded and the welcome screen returns. See docs/kiosk.md.
      """)

  @Option(name: .long, help: "Seconds without a key before the idle warning.")
  var idleTimeout: Int = 120

  @Option(name: .long, help: "Seconds of countdown after the idle warning before the reset.")
  var idleWarning: Int = 30

  @Option(
    name: .long,
    help: ArgumentHelp("Refused: a kiosk with a fixed clock could save only its first patient.", visibility: .hidden))
  var now: String?

  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard idleTimeout >= 1, idleWarning >= 1 else {
      throw ValidationError("--idle-timeout and --idle-warning must be at least 1 second.")
    }
  }

  func run() throws {
    guard isatty(STDIN_FILENO) == 1 else {
      Diagnostics.error("the kiosk needs a terminal on standard input; use `interview` for piped answers.")
      throw ExitStatus.usage
    }
    // A fixed clock gives every patient the same record id: all after the
    // first would answer every question and then not be saved.
    if now != nil || !(ProcessInfo.processInfo.environment["SECOND_OPINION_NOW"] ?? "").isEmpty {
      Diagnostics.error(
        "the kiosk cannot run with a fixed clock (--now or SECOND_OPINION_NOW): every patient would get the "
          + "same record id, and none after the first could be saved. Unset it.")
      throw ExitStatus.usage
    }
    setenv("INPUTRC", "/dev/null", 1)
    guard ReadlineLineReader.useUTF8Locale() else {
      Diagnostics.error("no UTF-8 locale is installed (C.UTF-8, en_GB.UTF-8); the kiosk cannot read typed accents.")
      throw ExitStatus.usage
    }
    ProcessHardening.crashClearsScreen(true)
    SignalTrap.install(kiosk: true)
    let seeds = try seedsOption.load()
    // Before the first patient: the folder can be trusted and written.
    try OutputFolder.open(output.folder, probe: true)
    let screen = TerminalOutput()
    let reader = ReadlineLineReader(kiosk: true, idle: nil, output: screen)
    let input = KioskInput(reader: reader)
    screen.clearScreen()
    try welcome(seeds, screen: screen, input: input)
    reader.idle = IdlePolicy(idleSeconds: idleTimeout, warningSeconds: idleWarning)
    let clock = try Clock(fixed: nil)
    var session = InterviewSession(seeds: seeds, voice: .patient, today: clock.today)
    var showIntroduction = true
    while true {
      let driver = InterviewDriver(
        session: session, input: input, output: screen,
        options: DriverOptions(channel: .kiosk, maxAttempts: nil, allowRestart: true))
      let outcome = driver.run(showIntroduction: showIntroduction)
      showIntroduction = false
      switch outcome {
      case .completed:
        // The review and every answer leave the screen and the scrollback
        // now, not when the next patient starts: only the closing advice and
        // the thanks stay.
        screen.clearScreen()
        let closing = Set(seeds.interview.closingMessages)
        for message in driver.shown where closing.contains(message.id) {
          screen.write(
            "\n" + TextWrapper.wrap(message.title, width: screen.columns) + "\n"
              + TextWrapper.wrap(message.text, width: screen.columns) + "\n")
        }
        if let id = save(driver, seeds: seeds, clock: clock, screen: screen) {
          screen.write(
            SubmittedNotice.render(
              seeds.interview, voice: .patient, recordID: id, emergency: false, delivery: nil, width: screen.columns))
        }
        screen.write(
          "\n"
            + TextWrapper.wrap(
              seeds.interview.say(
                "kioskThanks", .patient, fallback: "Thank you. Please let the reception desk know you have finished."),
              width: screen.columns) + "\n")
        try finish(seeds.interview, screen: screen, input: input)
      case .emergency:
        if let id = save(driver, seeds: seeds, clock: clock, screen: screen) {
          screen.write(
            SubmittedNotice.render(
              seeds.interview, voice: .patient, recordID: id, emergency: true, delivery: nil, width: screen.columns))
        }
        try waitForStaff(seeds.interview, screen: screen, input: input)
      case .idle, .restart:
        try reset(screen, reader)
      case .interrupted(let signal, _):
        if signal == SIGTERM || signal == SIGHUP { try stop(screen, reader) }
        if try confirmStartAgain(seeds.interview, screen: screen, input: input) { try reset(screen, reader) }
        session = driver.session
      case .endedEarly, .tooManyAttempts, .tooManyLines:
        session = driver.session
      }
    }
  }

  /// Writes the patient's record; its id, or nil when it could not be saved
  /// (the patient is told to go to the desk).
  private func save(_ driver: InterviewDriver, seeds: SeedBundle, clock: Clock, screen: TerminalOutput) -> String? {
    let record = RecordBuilder(seeds: seeds).build(
      session: driver.session, id: clock.recordID(), createdAt: RecordID.iso8601(Date()),
      channel: .kiosk, operatorName: nil, shown: driver.shown)
    do {
      _ = try OutputFiles(folder: output.folder).write(
        record: record, layout: seeds.letter, formats: output.format, patientDefinition: seeds.interview)
      Notifier.ringAtSubmit(outputFolder: output.folder, id: record.id)
      return record.id
    } catch {
      Diagnostics.error("\(error)")
      screen.write(
        "\n"
          + seeds.interview.say(
            "kioskNotSaved", .patient, fallback: "Your answers could not be saved. Please tell the reception desk.")
          + "\n")
      return nil
    }
  }

  /// The welcome screen: waits (no idle countdown) for Enter, or the staff code.
  private func welcome(_ seeds: SeedBundle, screen: TerminalOutput, input: KioskInput) throws {
    let text = seeds.interview.say(
      "kioskWelcome", .patient,
      fallback:
        "Welcome. This screen helps you ask for a second opinion about your care. Your answers are private and go only to the practice."
    )
    let start = seeds.interview.say("kioskStart", .patient, fallback: "Press Enter to start.")
    screen.write(TextWrapper.wrap(text, width: screen.columns) + "\n\n" + start + "\n")
    let staffCode = ProcessInfo.processInfo.environment["SECOND_OPINION_STAFF_CODE"].flatMap { $0.isEmpty ? nil : $0 }
    while true {
      switch input.read(prompt: "> ", prefill: nil, completions: []) {
      case .line(let line):
        // Nothing typed here is kept: not the code, nor a wrong guess at it.
        input.reader.forget()
        if let staffCode, line == staffCode { try stop(screen, input.reader) }
        screen.clearScreen()
        return
      case .interrupted(let signal) where signal == SIGTERM || signal == SIGHUP:
        try stop(screen, input.reader)
      default:
        continue
      }
    }
  }

  /// After a submitted interview: the thanks stay until Enter or the idle reset.
  private func finish(_ wording: InterviewDefinition, screen: TerminalOutput, input: KioskInput) throws {
    while true {
      let prompt = wording.say("kioskFinish", .patient, fallback: "[Press Enter to finish]") + " "
      switch input.read(prompt: prompt, prefill: nil, completions: []) {
      case .interrupted(let signal) where signal == SIGTERM || signal == SIGHUP:
        try stop(screen, input.reader)
      default:
        try reset(screen, input.reader)
      }
    }
  }

  /// After an emergency the alert stays on screen, with no idle reset, until
  /// someone presses Enter: staff must see it. Ctrl-C and Ctrl-D do not clear it.
  private func waitForStaff(_ wording: InterviewDefinition, screen: TerminalOutput, input: KioskInput) throws {
    input.reader.idle = nil
    while true {
      let prompt =
        wording.say("kioskWaitForStaff", .patient, fallback: "[Press Enter when a member of staff is with you]") + " "
      switch input.read(prompt: prompt, prefill: nil, completions: []) {
      case .line:
        try reset(screen, input.reader)
      case .interrupted(let signal) where signal == SIGTERM || signal == SIGHUP:
        try stop(screen, input.reader)
      default:
        continue
      }
    }
  }

  /// After Ctrl-C: true to start again (the answers are discarded), false to
  /// carry on at the same question. Walking away counts as starting again.
  private func confirmStartAgain(
    _ wording: InterviewDefinition, screen: TerminalOutput, input: KioskInput
  ) throws -> Bool {
    let question = wording.say(
      "kioskStartAgain", .patient,
      fallback: "Do you want to start again? Your answers so far will be deleted. (yes or no)")
    screen.write("\n" + TextWrapper.wrap(question, width: screen.columns) + "\n")
    while true {
      switch input.read(prompt: "> ", prefill: nil, completions: ["yes", "no"]) {
      case .line(let answer):
        let word = AnswerWords.fold(TextSanitizer.clean(answer))
        if AnswerWords.yes.contains(word) || word == "start again" || word == "restart" { return true }
        if AnswerWords.no.contains(word) { return false }
        let again = wording.say(
          "kioskStartAgainRefused", .patient,
          fallback: "Please type yes to start again, or no to carry on with your answers.")
        screen.write(TextWrapper.wrap(again, width: screen.columns) + "\n")
      case .idleTimeout:
        return true
      case .interrupted(let signal) where signal == SIGTERM || signal == SIGHUP:
        try stop(screen, input.reader)
      default:
        continue
      }
    }
  }

  /// Staff stopped the kiosk: nothing is saved, the screen is cleared, exit 0.
  private func stop(_ screen: TerminalOutput, _ reader: ReadlineLineReader) throws -> Never {
    reader.forget()
    screen.clearScreen()
    throw ExitStatus.ok
  }

  /// Clears everything of this patient and starts a fresh process.
  private func reset(_ screen: TerminalOutput, _ reader: ReadlineLineReader) throws -> Never {
    reader.forget()
    screen.clearScreen()
    // A stop signal arriving from here on stays pending across exec and is
    // handled by the new process's welcome screen.
    SignalTrap.blockForExec()
    let pending = SignalTrap.take()
    if pending == SIGTERM || pending == SIGHUP { throw ExitStatus.ok }
    let arguments = CommandLine.arguments
    var pointers = arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", &pointers)
    // exec failed: the memory cannot be wiped, so stop rather than keep answers.
    Diagnostics.error("could not restart the kiosk for the next patient; stopping.")
    throw ExitStatus.defects
  }
}
