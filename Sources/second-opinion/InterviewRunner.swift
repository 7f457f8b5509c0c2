import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionDelivery
import SecondOpinionStorage
import SecondOpinionTerminal

/// Runs one interview on the terminal or a pipe and turns its outcome into
/// files and an exit code. Shared by `interview` and `resume`.
struct InterviewRunner {
  let seeds: SeedBundle
  let voice: Voice
  let operatorName: String?
  let output: OutputOptions
  let clock: Clock
  let recordID: String
  let createdAt: String
  /// The layout for a screen reader (`--accessible`).
  var accessible = false

  /// Runs the session to its end; throws the exit code. Before the first
  /// question: the output folder is refused if someone else could change it,
  /// and swept (`OutputFolder`); standard input that cannot be read (a
  /// folder) is refused (exit 66); a terminal is read in UTF-8.
  func run(session: InterviewSession, showIntroduction: Bool) throws {
    let interactive = isatty(STDIN_FILENO) == 1
    try OutputFolder.open(output.folder)
    if !interactive, let code = PlainLineReader.unreadable() {
      Diagnostics.error(
        "standard input cannot be read (\(String(cString: strerror(code)))): give the answers one a line, "
          + "or run in a terminal. Nothing was asked or written.")
      throw ExitStatus.inputUnreadable
    }
    if interactive, !ReadlineLineReader.useUTF8Locale() {
      Diagnostics.error(
        "no UTF-8 locale is installed (C.UTF-8, en_GB.UTF-8), so typed accents could not be edited safely; "
          + "install one (apt-get install locales) or set LANG to one. Nothing was asked.")
      throw ExitStatus.usage
    }
    SignalTrap.install(kiosk: false)
    let screen = TerminalOutput(accessible: accessible)
    let pipe = interactive ? nil : PlainLineReader()
    let input: LineSource = pipe ?? ReadlineLineReader(kiosk: false, idle: nil, output: screen)
    let driver = InterviewDriver(
      session: session, input: input, output: screen,
      options: DriverOptions(
        channel: interactive ? .terminal : .pipe, maxAttempts: interactive ? nil : 20,
        maxLines: interactive ? nil : DriverOptions.pipeLineLimit))
    let outcome = driver.run(showIntroduction: showIntroduction)
    let drafts = DraftStore(outputFolder: output.folder)
    switch outcome {
    case .completed, .emergency:
      let record = RecordBuilder(seeds: seeds).build(
        session: driver.session, id: recordID, createdAt: createdAt, channel: interactive ? .terminal : .pipe,
        operatorName: operatorName, shown: driver.shown)
      let paths: [String]
      do {
        paths = try OutputFiles(folder: output.folder).write(
          record: record, layout: seeds.letter, formats: output.format, patientDefinition: seeds.interview)
      } catch let error as StorageError {
        Diagnostics.error("\(error). The interview was not saved.")
        if voice == .receptionist { try? saveDraft(driver.session, waitingAt: nil, reason: "storage-failed") }
        throw ExitStatus.storage
      }
      drafts.remove(recordID)
      Notifier.ringAtSubmit(outputFolder: output.folder, id: recordID)
      var emergency = false
      if case .emergency = outcome { emergency = true }
      // The person is given a reference to read out, never a path; a script
      // on a pipe is also given the files written.
      screen.write(
        SubmittedNotice.render(
          seeds.interview, voice: voice, recordID: recordID, emergency: emergency,
          delivery: (try? Outbox(root: output.folder).state(recordID))?.status.rawValue, width: screen.columns))
      if !screen.isTerminal {
        screen.write("\n" + seeds.interview.say(.savedFiles, voice) + "\n" + paths.map { "  \($0)\n" }.joined())
      }
      if emergency { throw ExitStatus.emergency }
    case .endedEarly(let questionID):
      if let code = pipe?.readError {
        Diagnostics.error(
          "standard input could not be read (\(String(cString: strerror(code)))); this is not the end of the "
            + "answers. No record was written.")
        throw ExitStatus.inputUnreadable
      }
      if voice == .receptionist, interactive {
        try saveDraft(driver.session, waitingAt: questionID, reason: "ended")
        throw ExitStatus.draftSaved
      }
      let name =
        questionID.map { id in
          "question `\(id)` (\"\(seeds.interview.question(id)?.label ?? id)\")"
        } ?? "the final review (type submit to send)"
      Diagnostics.error(
        "the input ended before the interview was complete: \(name) was not answered. No record was written.")
      throw ExitStatus.endedEarly
    case .interrupted(let signal, let questionID):
      // After a hang-up nobody can read the terminal, and writing to it fails.
      if signal == SIGHUP { TerminalOutput.detachFromTerminal() }
      if voice == .receptionist {
        let reason = signal == SIGHUP ? "hang-up" : signal == SIGTERM ? "terminated" : "interrupted"
        try saveDraft(driver.session, waitingAt: questionID, reason: reason)
        throw ExitStatus.draftSaved
      }
      Diagnostics.error("stopped by signal \(signal). Nothing was saved.")
      throw ExitStatus.signal(signal)
    case .tooManyAttempts(let questionID):
      Diagnostics.error(
        "too many answers in a row were not accepted at question `\(questionID)`. No record was written.")
      throw ExitStatus.tooManyAttempts
    case .tooManyLines(let questionID):
      Diagnostics.error(
        "the input went on for \(DriverOptions.pipeLineLimit) lines without finishing the interview (last at "
          + "\(questionID.map { "question `\($0)`" } ?? "the review")). No record was written.")
      throw ExitStatus.tooManyAttempts
    case .idle, .restart:
      throw ExitStatus.endedEarly
    }
  }

  private func saveDraft(_ session: InterviewSession, waitingAt: String?, reason: String) throws {
    let items = session.history.compactMap { id in
      session.answers[id].map { Draft.Item(questionId: id, typed: $0.typed) }
    }
    let draft = Draft(
      id: recordID, mode: voice.rawValue, operator: operatorName, createdAt: createdAt,
      savedAt: RecordID.iso8601(Date()),
      today: session.today, answers: items, waitingAt: waitingAt, reason: reason, language: seeds.language)
    do {
      try DraftStore(outputFolder: output.folder).save(draft)
    } catch let error as StorageError {
      Diagnostics.error("could not save the draft: \(error)")
      throw ExitStatus.storage
    }
    Diagnostics.error(
      "the call was saved as draft \(recordID). Resume with: "
        + ShellCommand.line("resume", recordID, "--out", output.folder))
  }
}
