import ArgumentParser
import SecondOpinionStorage

/// `second-opinion drafts`: lists saved drafts (receptionist interviews stopped
/// by Ctrl-C, Ctrl-D or a hang-up), oldest first, with the question each waits at.
struct DraftsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drafts", abstract: "List drafts saved from dropped calls.")

  @OptionGroup var output: OutputOptions

  func run() throws {
    let drafts = try DraftStore(outputFolder: output.folder).list()
    if drafts.isEmpty {
      print("No drafts in \(output.folder)/drafts.")
      return
    }
    for draft in drafts {
      let waiting = draft.waitingAt.map { "waiting at \($0)" } ?? "waiting at the review"
      print(
        "\(draft.id)  saved \(draft.savedAt)  by \(draft.operator ?? "?")  \(draft.answers.count) answers, "
          + "\(waiting)  (\(draft.reason))"
      )
    }
    print("Continue one with: second-opinion resume ID --out \(output.folder)")
  }
}
