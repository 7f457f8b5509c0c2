import ArgumentParser
import SecondOpinionStorage

/// `second-opinion drafts`: lists saved drafts.
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
      print(
        "\(draft.id)  saved \(draft.savedAt)  by \(draft.operator ?? "?")  \(draft.answers.count) answers  (\(draft.reason))"
      )
    }
  }
}
