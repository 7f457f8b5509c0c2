import ArgumentParser
import Foundation
import SecondOpinionCore

/// `second-opinion explain RECORD`: prints the triage path in words. Every
/// line from the record is made inert first, as typed text is: a record
/// edited by hand cannot set the terminal's title, write to its clipboard,
/// clear it or reverse text on it.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Explain a record's triage in words.")

  @Argument(help: "The record (OUT/ID/ID.json, or its folder OUT/ID).")
  var record: String

  func run() throws {
    let loaded = try RecordFile.load(record)
    print(InertText.lines(TriageExplanation.text(loaded.triage)), terminator: "")
  }
}
