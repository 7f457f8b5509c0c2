import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionStorage

/// `second-opinion resume ID`: continues a saved draft at the same question.
/// The draft is named by `ID` alone (a record id): the record it completes is
/// written as `ID` and the draft removed is `ID`'s, whatever the file says.
struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume", abstract: "Continue a draft saved when a call dropped.")

  @Argument(help: "The draft's id (see `second-opinion drafts`).")
  var id: String

  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions

  func run() throws {
    let seeds = try seedsOption.load()
    guard RecordID.isValid(id) else {
      Diagnostics.error(
        "\(InertText.name(id)) is not a draft id (SO-yyyyMMddTHHmmssZ-XXXXXXXX; see `second-opinion drafts`)")
      throw ExitStatus.defects
    }
    let store = try OutputFolder.open(output.folder)
    // A run that saved the record but stopped before removing the draft: the
    // sweep has removed the draft by now, and there is nothing left to do.
    if store.contains(id) {
      print("The record \(id) was already saved, in \(InertText.lines(store.recordFolder(id)))/; nothing to resume.")
      return
    }
    let draft: Draft
    do {
      draft = try DraftStore(outputFolder: output.folder).load(id)
    } catch let error as StorageError {
      if case .refused = error {
        Diagnostics.error("the drafts folder cannot be used: \(error)")
        throw ExitStatus.storage
      }
      Diagnostics.error("\(error)")
      throw ExitStatus.defects
    }
    guard let voice = Voice(rawValue: draft.mode) else { throw ExitStatus.defects }
    var session = InterviewSession(seeds: seeds, voice: voice, today: draft.today)
    let unused = Self.replay(draft.answers, into: &session)
    let waiting = session.current.map { "Continuing at: \($0.label)" } ?? "Continuing at the review"
    let restored = draft.answers.count - unused.count
    print(
      InertText.lines(
        "Resuming draft \(id) (saved \(draft.savedAt), \(restored) answer\(restored == 1 ? "" : "s") restored). \(waiting)."
      ))
    if !unused.isEmpty {
      print(
        "\(unused.count) saved answer\(unused.count == 1 ? "" : "s") could not be used and will be asked again "
          + "if still needed: " + unused.joined(separator: "; ") + ".")
    }
    // Before the interview writes to the terminal directly.
    fflush(nil)
    let runner = InterviewRunner(
      seeds: seeds, voice: voice, operatorName: draft.operator, output: output, clock: try Clock(fixed: nil),
      recordID: id, createdAt: draft.createdAt)
    try runner.run(session: session, showIntroduction: false)
  }

  /// Replays the saved answers in order, as the session's own replay does,
  /// and says which could not be used: a question the seeds no longer have
  /// or no longer ask there, or an answer no longer accepted.
  static func replay(_ items: [Draft.Item], into session: inout InterviewSession) -> [String] {
    var unused: [String] = []
    for item in items {
      guard let question = session.seeds.interview.question(item.questionId) else {
        unused.append("`\(item.questionId)` (no such question now)")
        continue
      }
      guard session.isAsked(question) else {
        unused.append("`\(item.questionId)` (not asked after the answers before it)")
        continue
      }
      if case .rejected = session.apply(TextSanitizer.clean(item.typed), to: question) {
        unused.append("`\(item.questionId)` (the answer is no longer accepted)")
      }
    }
    return unused
  }
}
