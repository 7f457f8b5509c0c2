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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The languages the welcome screen offers, in order, the first the default (e.g. cy,en in Wales; default: English, then every language of seeds/languages).",
      valueName: "codes"))
  var languages: String?

  @Flag(
    name: .long,
    help:
      "Say each question, its choices, errors and alerts aloud with espeak-ng (never what is typed), in the language chosen."
  )
  var speak = false

  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions
  @OptionGroup var accessibleOption: AccessibleOption

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
    let allSeeds = try seedsOption.load(languages: requestedLanguages)
    let offered = try offeredLanguages(allSeeds)
    // Before the first patient: the folder can be trusted and written.
    try OutputFolder.open(output.folder, probe: true)
    // The voice speaks the first language offered on the welcome screen,
    // then the language the patient chose.
    let speaker = speak ? Speaker(voice: Speaker.voice(forLanguage: offered[0])) : nil
    let screen = TerminalOutput(accessible: accessibleOption.enabled, speaker: speaker)
    let reader = ReadlineLineReader(kiosk: true, idle: nil, output: screen)
    let input = KioskInput(reader: reader)
    screen.clearScreen()
    let seeds = allSeeds.speaking(try welcome(allSeeds, offering: offered, screen: screen, input: input))!
    speaker?.voice = Speaker.voice(forLanguage: seeds.language)
    let wording = seeds.interview
    reader.idle = IdlePolicy(idleSeconds: idleTimeout, warningSeconds: idleWarning) { seconds in
      wording.say(.kioskIdleCountdown, .patient, ["seconds": "\(seconds)"])
    }
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
              seeds.interview.say(.kioskThanks, .patient),
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
          + seeds.interview.say(.kioskNotSaved, .patient)
          + "\n")
      return nil
    }
  }

  /// The welcome screen, in every language offered: waits (no idle
  /// countdown) for Enter, a language's number or the start of its name, or
  /// the staff code, and returns the language chosen (Enter: the first).
  private func welcome(
    _ seeds: SeedBundle, offering codes: [String], screen: TerminalOutput, input: KioskInput
  ) throws -> String {
    let choice = LanguageChoice(seeds: seeds, codes: codes)
    screen.write(choice.text(width: screen.columns))
    screen.speak(choice.text(width: Int.max))
    let staffCode = ProcessInfo.processInfo.environment["SECOND_OPINION_STAFF_CODE"].flatMap { $0.isEmpty ? nil : $0 }
    while true {
      switch input.read(prompt: "> ", prefill: nil, completions: codes.count > 1 ? codes.map(seeds.name) : []) {
      case .line(let line):
        // Nothing typed here is kept: not the code, nor a wrong guess at it.
        input.reader.forget()
        if let staffCode, line == staffCode { try stop(screen, input.reader) }
        guard let code = LanguageChoice(seeds: seeds, codes: codes).choice(TextSanitizer.clean(line)) else {
          screen.write(LanguageChoice(seeds: seeds, codes: codes).again(width: screen.columns))
          continue
        }
        screen.clearScreen()
        return code
      case .interrupted(let signal) where signal == SIGTERM || signal == SIGHUP:
        try stop(screen, input.reader)
      default:
        continue
      }
    }
  }

  /// The codes `--languages` names, read alone from seeds/languages/ (nil:
  /// every language).
  private var requestedLanguages: Set<String>? {
    languages.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
  }

  /// The languages `--languages` names, each checked against the seeds
  /// (exit 64 naming those it has), or English then every translation.
  private func offeredLanguages(_ seeds: SeedBundle) throws -> [String] {
    guard let languages else { return seeds.languages }
    let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let unknown = codes.filter { !seeds.languages.contains($0) }
    guard !codes.isEmpty, unknown.isEmpty, Set(codes).count == codes.count else {
      Diagnostics.error(
        "--languages takes a comma-separated list of different languages the seeds have: "
          + seeds.languages.map { "\($0) (\(seeds.name(of: $0)))" }.joined(separator: ", "))
      throw ExitStatus.usage
    }
    return codes
  }

  /// After a submitted interview: the thanks stay until Enter or the idle reset.
  private func finish(_ wording: InterviewDefinition, screen: TerminalOutput, input: KioskInput) throws {
    while true {
      let prompt = wording.say(.kioskFinish, .patient) + " "
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
      let prompt = wording.say(.kioskWaitForStaff, .patient) + " "
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
    let question = wording.say(.kioskStartAgain, .patient)
    screen.write("\n" + TextWrapper.wrap(question, width: screen.columns) + "\n")
    // The seeds' words for yes and no, and for starting again.
    let words = wording.answerWords
    let completions = ["yes", "no"].compactMap { words.offered[$0] }
    screen.speak(question)
    while true {
      switch input.read(prompt: "> ", prefill: nil, completions: completions) {
      case .line(let answer):
        let word = AnswerWords.fold(TextSanitizer.clean(answer))
        if words.yes.contains(word) || words.means(word, .restart) { return true }
        if words.no.contains(word) { return false }
        let again = wording.say(.kioskStartAgainRefused, .patient)
        let shown = screen.accessible ? wording.say(.errorPrefix, .patient) + " " + again : again
        screen.write(TextWrapper.wrap(shown, width: screen.columns) + "\n")
        screen.speak(shown)
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
    screen.stopSpeaking()
    reader.forget()
    screen.clearScreen()
    throw ExitStatus.ok
  }

  /// Clears everything of this patient and starts a fresh process.
  private func reset(_ screen: TerminalOutput, _ reader: ReadlineLineReader) throws -> Never {
    screen.stopSpeaking()
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
