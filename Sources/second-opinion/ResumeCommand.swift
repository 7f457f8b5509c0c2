import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionStorage

/// `second-opinion resume ID`: continues a saved draft at the same question.
struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume", abstract: "Continue a draft saved when a call dropped.")

  @Argument(help: "The draft's id (see `second-opinion drafts`).")
  var id: String

  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions

  func run() throws {
    let seeds = try seedsOption.load()
    let draft: Draft
    do {
      draft = try DraftStore(outputFolder: output.folder).load(id)
    } catch let error as StorageError {
      Diagnostics.error("\(error)")
      throw ExitStatus.defects
    }
    let voice = Voice(rawValue: draft.mode) ?? .receptionist
    var session = InterviewSession(seeds: seeds, voice: voice, today: draft.today)
    session.replay(draft.answers.map { ($0.questionId, $0.typed) })
    let waiting = session.current.map { "Continuing at: \($0.label)" } ?? "Continuing at the review"
    print("Resuming draft \(draft.id) (saved \(draft.savedAt), \(draft.answers.count) answers). \(waiting).")
    // Before the interview writes to the terminal directly.
    fflush(nil)
    let runner = InterviewRunner(
      seeds: seeds, voice: voice, operatorName: draft.operator, output: output, clock: try Clock(fixed: nil),
      recordID: draft.id, createdAt: draft.createdAt)
    try runner.run(session: session, showIntroduction: false)
  }
}
