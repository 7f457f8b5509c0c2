import ArgumentParser
import Foundation
import SecondOpinionCore

/// `second-opinion interview`: one interview on the terminal (readline) or from
/// a pipe (one answer a line).
struct InterviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interview",
    abstract: "Run one interview in the terminal, or from answers piped one a line.")

  @Option(name: .long, help: "patient (you) or receptionist (the patient, for a caller).")
  var mode: Voice = .patient

  @Option(name: .long, help: "The receptionist completing the record (required in receptionist mode).")
  var `operator`: String?

  @Option(name: .long, help: "Fix the clock (ISO 8601) for deterministic ids and dates, as in tests.")
  var now: String?

  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if mode == .receptionist, TextSanitizer.clean(`operator` ?? "").isEmpty {
      throw ValidationError("receptionist mode needs --operator NAME: the person completing the record.")
    }
  }

  func run() throws {
    let seeds = try seedsOption.load()
    let clock = try Clock(fixed: now)
    let operatorName = `operator`.map(TextSanitizer.clean)
    let runner = InterviewRunner(
      seeds: seeds, voice: mode, operatorName: operatorName, output: output, clock: clock,
      recordID: clock.recordID(), createdAt: clock.iso)
    try runner.run(session: InterviewSession(seeds: seeds, voice: mode, today: clock.today), showIntroduction: true)
  }
}
