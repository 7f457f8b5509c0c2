import ArgumentParser
import Foundation
import SecondOpinionCore

/// `second-opinion interview`: one interview on the terminal (readline) or from
/// a pipe (one answer a line).
struct InterviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interview",
    abstract: "Run one interview in the terminal, or from answers piped one a line.",
    discussion: """
      At any question: type ? (or help) for help with it, back to go back to the previous question \
      (its answer is shown again to edit), or an answer and Enter. Choices take a number or the start \
      of a word; Tab completes them. At the end every answer is shown for review, a page at a time on a \
      small screen (Enter for the next page, list to start again): type a number to change that answer, \
      or submit to send. The person is then given a short reference for the record.

      In receptionist mode Ctrl-C, Ctrl-D or a dropped call saves a draft (see `drafts` and `resume`).

      Piped answers: one a line; the review needs a submit line. A wrong answer is re-prompted with the \
      reason.

      Exit codes: 0 submitted and saved; 3 emergency (a red flag stopped the interview; the flagged \
      record was saved); 4 the input ended before the interview was complete (nothing saved); 5 on a pipe, \
      20 answers in a row not accepted, or 10,000 lines without finishing (nothing saved); 6 seeds invalid \
      or refused; 7 the files could not be written; 8 receptionist draft saved; 64 usage; 66 standard input \
      could not be read; 128+N stopped by signal N (patient mode: nothing saved).
      """)

  @Option(name: .long, help: "patient (you) or receptionist (the patient, for a caller).")
  var mode: Voice = .patient

  @Option(name: .long, help: "The receptionist completing the record (required in receptionist mode).")
  var `operator`: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Fix the clock (ISO 8601) for deterministic ids and dates, as in tests.", visibility: .hidden))
  var now: String?

  @OptionGroup var languageOption: LanguageOption
  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions
  @OptionGroup var accessibleOption: AccessibleOption

  func validate() throws {
    if mode == .receptionist, TextSanitizer.clean(`operator` ?? "").isEmpty {
      throw ValidationError("receptionist mode needs --operator NAME: the person completing the record.")
    }
  }

  func run() throws {
    let seeds = try languageOption.load(seedsOption)
    let clock = try Clock(fixed: now)
    let operatorName = `operator`.map(TextSanitizer.clean)
    let runner = InterviewRunner(
      seeds: seeds, voice: mode, operatorName: operatorName, output: output, clock: clock,
      recordID: clock.recordID(), createdAt: clock.iso, accessible: accessibleOption.enabled)
    try runner.run(session: InterviewSession(seeds: seeds, voice: mode, today: clock.today), showIntroduction: true)
  }
}
