import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionStorage

/// `second-opinion render RECORD.json --format ...`: letters or FHIR from a record alone.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Render a record as letters or FHIR.")

  @Argument(help: "The record (ID.json).")
  var record: String

  @Option(name: .long, parsing: .upToNextOption, help: "markdown, text, html, fhir (several allowed).")
  var format: [LetterFormat] = [.markdown]

  @Option(name: .long, help: "Write ID.EXT files into this folder instead of printing.")
  var out: String?

  @OptionGroup var seedsOption: SeedsOption

  func run() throws {
    let loaded = try RecordFile.load(record)
    let layout = try seedsOption.load().letter
    for format in format {
      let data = try LetterRenderer.render(loaded, layout: layout, as: format)
      if let out {
        do {
          try AtomicFileWriter.ensureFolder(out)
          try AtomicFileWriter.write(data, to: "\(loaded.id).\(format.fileExtension)", in: out)
          print("\(out)/\(loaded.id).\(format.fileExtension)")
        } catch let error as StorageError {
          Diagnostics.error("\(error)")
          throw ExitStatus.storage
        }
      } else {
        FileHandle.standardOutput.write(data)
      }
    }
  }
}
