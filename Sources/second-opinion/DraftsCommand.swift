import ArgumentParser
import SecondOpinionStorage

/// `second-opinion drafts`: lists saved drafts (receptionist interviews stopped
/// by Ctrl-C, Ctrl-D or a hang-up), oldest first, with the question each waits at.
/// A file in drafts/ that is not a usable draft is named on stderr (and the
/// exit is 1) without hiding the others; a drafts folder that cannot be
/// trusted or read is exit 7.
struct DraftsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drafts", abstract: "List drafts saved from dropped calls.")

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
    for draft in listing.drafts {
      let waiting = draft.waitingAt.map { "waiting at \($0)" } ?? "waiting at the review"
      print(
        InertText.lines(
          "\(draft.id)  saved \(draft.savedAt)  by \(draft.operator ?? "?")  \(draft.answers.count) "
            + "answer\(draft.answers.count == 1 ? "" : "s"), "
            + "\(waiting)  (\(draft.reason))"))
    }
    for file in listing.unusable {
      Diagnostics.error("\(InertText.name(file.name)) in \(store.folder) is not a usable draft: \(file.reason)")
    }
    if !listing.drafts.isEmpty {
      print("Continue one with: second-opinion resume ID --out \(InertText.lines(output.folder))")
    }
    if !listing.unusable.isEmpty { throw ExitStatus.defects }
  }
}
