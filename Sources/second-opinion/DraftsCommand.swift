import ArgumentParser
import SecondOpinionCore
import SecondOpinionStorage

/// `second-opinion drafts`: lists saved drafts (receptionist interviews stopped
/// by Ctrl-C, Ctrl-D or a hang-up), oldest first: each with its id and
/// reference, when it was saved (UK local time), by whom, the caller's and
/// the patient's names, and the question it waits at in its own wording.
/// A file in drafts/ that is not a usable draft is named on stderr (and the
/// exit is 1) without hiding the others; a drafts folder that cannot be
/// trusted or read is exit 7.
struct DraftsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drafts", abstract: "List drafts saved from dropped calls, with the caller's and patient's names.")

  @OptionGroup var seedsOption: SeedsOption
  @OptionGroup var output: OutputOptions

  func run() throws {
    let store = DraftStore(outputFolder: output.folder)
    let listing: DraftStore.Listing
    do {
      listing = try store.list()
    } catch let error as StorageError {
      Diagnostics.error("the drafts cannot be listed: \(error)")
      throw ExitStatus.storage
    }
    if listing.drafts.isEmpty, listing.unusable.isEmpty {
      print("No drafts in \(InertText.lines(store.folder)).")
      return
    }
    // Without usable seeds the drafts are still listed, by id.
    let seeds = try? SeedsDirectory.load(seedsOption.folder, verify: false)
    for draft in listing.drafts {
      print(InertText.lines(Self.describe(draft, seeds: seeds)))
    }
    for file in listing.unusable {
      Diagnostics.error("\(InertText.name(file.name)) in \(store.folder) is not a usable draft: \(file.reason)")
    }
    if !listing.drafts.isEmpty {
      print(
        "Continue one with: " + InertText.lines(ShellCommand.line("resume", "ID", "--out", output.folder))
          + " (the start of the id, or its reference, is enough)")
    }
    if !listing.unusable.isEmpty { throw ExitStatus.defects }
  }

  /// One draft's lines.
  static func describe(_ draft: Draft, seeds: SeedBundle?) -> String {
    let count = "\(draft.answers.count) answer\(draft.answers.count == 1 ? "" : "s")"
    var lines = [
      "\(draft.id)  (reference \(RecordReference.make(for: draft.id)))",
      "  saved \(DraftSummary.ukTime(draft.savedAt)) by \(draft.operator ?? "?"), \(count) (\(draft.reason))",
    ]
    guard let seeds else {
      lines.append("  waiting at " + (draft.waitingAt.map { "`\($0)`" } ?? "the review"))
      return lines.joined(separator: "\n")
    }
    let summary = DraftSummary(draft, seeds: seeds)
    let caller = summary.caller ?? (summary.callerIsPatient ? "the patient" : "not given yet")
    lines.append("  caller: \(caller); patient: \(summary.patient ?? "not given yet")")
    lines.append("  waiting at: " + (summary.waiting ?? "the review, to submit"))
    return lines.joined(separator: "\n")
  }
}
