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

  @Argument(help: "The draft's id, a unique start of it, or its reference (see `second-opinion drafts`).")
  var id: String

  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions
  @OptionGroup var accessibleOption: AccessibleOption

  func run() throws {
    let seeds = try seedsOption.load()
    let store = try OutputFolder.open(output.folder)
    let id = try resolve(store: store)
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
      if case .noSuchDraft = error {
        Diagnostics.error(
          "there is no draft called \(id) in \(output.folder) (see `"
            + ShellCommand.line("drafts", "--out", output.folder) + "`)")
      } else {
        Diagnostics.error("\(error)")
      }
      throw ExitStatus.defects
    }
    guard let voice = Voice(rawValue: draft.mode), let replayed = draft.session(seeds: seeds) else {
      Diagnostics.error(
        "the draft's language `\(InertText.lines(draft.language ?? SeedBundle.english))` is not in the seeds now; "
          + "add seeds/languages/\(InertText.lines(draft.language ?? "")) back to resume it")
      throw ExitStatus.defects
    }
    let (session, unused) = replayed
    let waiting = session.current.map { "Continuing at: \($0.label)" } ?? "Continuing at the review"
    let restored = draft.answers.count - unused.count
    print(
      InertText.lines(
        "Resuming draft \(id) (saved \(DraftSummary.ukTime(draft.savedAt)), \(restored) answer\(restored == 1 ? "" : "s") restored). \(waiting)."
      ))
    if !unused.isEmpty {
      print(
        "\(unused.count) saved answer\(unused.count == 1 ? "" : "s") could not be used and will be asked again "
          + "if still needed: " + unused.joined(separator: "; ") + ".")
    }
    // Before the interview writes to the terminal directly.
    fflush(nil)
    let runner = InterviewRunner(
      seeds: session.seeds, voice: voice, operatorName: draft.operator, output: output, clock: try Clock(fixed: nil),
      recordID: id, createdAt: draft.createdAt, accessible: accessibleOption.enabled)
    try runner.run(session: session, showIntroduction: false)
  }

  /// The draft `id` names: a whole id, a unique start of one, or a
  /// reference (`RecordReference`), among the drafts in the folder (and a
  /// record already saved from one). Several matches are listed and refused.
  private func resolve(store: RecordStore) throws -> String {
    if RecordID.isValid(id) { return id }
    let drafts = DraftStore(outputFolder: output.folder)
    var ids: [String] = []
    do {
      ids = try drafts.list().drafts.map(\.id)
    } catch let error as StorageError {
      Diagnostics.error("the drafts folder cannot be used: \(error)")
      throw ExitStatus.storage
    }
    switch RecordReference.resolve(id, among: ids) {
    case .one(let found): return found
    case .none:
      Diagnostics.error(
        "no draft in \(drafts.folder) has the id or reference \(InertText.name(id)), or an id starting so (see `"
          + ShellCommand.line("drafts", "--out", output.folder) + "`)")
      throw ExitStatus.defects
    case .several(let found):
      Diagnostics.error(
        "\(InertText.name(id)) could be any of \(found.count) drafts; give more of the id:\n"
          + found.map { "- \($0)" }.joined(separator: "\n"))
      throw ExitStatus.defects
    }
  }
}
