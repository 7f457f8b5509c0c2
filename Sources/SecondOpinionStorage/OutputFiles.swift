import Foundation
import SecondOpinionCore

/// Writes one interview's record and letters into the output folder as
/// `ID.json`, `ID.md`, `ID.txt`, `ID.html` and `ID.fhir.json`. Either every
/// file is written or, on failure, none is left behind.
public struct OutputFiles: Sendable {
  /// The output folder.
  public var folder: String

  /// Creates a writer for a folder.
  public init(folder: String) { self.folder = folder }

  /// Writes the record and the letters in the formats asked for; returns the paths.
  public func write(record: Record, layout: LetterLayout, formats: [LetterFormat]) throws -> [String] {
    try AtomicFileWriter.ensureFolder(folder)
    var files: [(String, Data)] = [("\(record.id).json", try RecordBuilder.encode(record))]
    for format in formats {
      files.append(
        ("\(record.id).\(format.fileExtension)", try LetterRenderer.render(record, layout: layout, as: format)))
    }
    var written: [String] = []
    do {
      for (name, data) in files {
        try AtomicFileWriter.write(data, to: name, in: folder)
        written.append(name)
      }
    } catch {
      for name in written { AtomicFileWriter.remove(name, in: folder) }
      throw error
    }
    return written.map { folder + "/" + $0 }
  }
}
