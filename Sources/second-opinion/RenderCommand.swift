import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionStorage

/// `second-opinion render RECORD.json --format ...`: letters or FHIR from a record alone.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Render a record as letters or FHIR.")

  @Argument(help: "The record (OUT/ID/ID.json, or its folder OUT/ID).")
  var record: String

  @Option(name: .long, parsing: .upToNextOption, help: "markdown, text, html, fhir (several allowed).")
  var format: [LetterFormat] = [.markdown]

  @Option(name: .long, help: "Write ID.EXT files into this folder instead of printing (never overwriting).")
  var out: String?

  @OptionGroup var seedsOption: SeedsOption

  func run() throws {
    let loaded = try RecordFile.load(record)
    let layout = try seedsOption.load(verified: false).letter
    var rendered: [(name: String, data: Data)] = []
    var seen: Set<LetterFormat> = []
    for format in format where seen.insert(format).inserted {
      let data = try LetterRenderer.render(loaded, layout: layout, as: format)
      rendered.append(("\(loaded.id).\(format.fileExtension)", data))
    }
    guard let out else {
      for file in rendered where !StandardOutput.write(file.data) {
        Diagnostics.error("could not write to standard output (closed or full)")
        throw ExitStatus.storage
      }
      return
    }
    // Every file or none: on a failure the files this run wrote are removed.
    // The folder is refused if someone else could change it, and swept.
    let store = try OutputFolder.open(out)
    var written: [String] = []
    do {
      try AtomicFileWriter.ensureFolder(out)
      try store.prepare(create: false)
      try store.whileWriting {
        for file in rendered {
          try AtomicFileWriter.write(file.data, to: file.name, in: out)
          written.append(file.name)
        }
      }
    } catch let error as StorageError {
      for name in written { AtomicFileWriter.remove(name, in: out) }
      Diagnostics.error("\(error). Nothing was written.")
      throw ExitStatus.storage
    }
    for name in written { print("\(out)/\(name)") }
  }
}
