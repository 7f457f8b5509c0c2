import ArgumentParser
import Foundation
import SecondOpinionCore

/// `second-opinion explain RECORD.json`: prints the triage path in words.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Explain a record's triage in words.")

  @Argument(help: "The record (ID.json).")
  var record: String

  func run() throws {
    let loaded = try RecordFile.load(record)
    print(TriageExplanation.text(loaded.triage), terminator: "")
  }
}
