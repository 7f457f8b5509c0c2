import ArgumentParser
import SecondOpinionCore

/// `second-opinion schema`: prints the record's JSON Schema.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the record's JSON Schema.")

  func run() throws { print(RecordSchema.json, terminator: "") }
}
