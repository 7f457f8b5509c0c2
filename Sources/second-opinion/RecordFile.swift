import Foundation
import SecondOpinionCore
import SecondOpinionStorage

/// Reads a record file for `explain` and `render`.
enum RecordFile {
  /// The largest record file read (a record is some tens of kilobytes).
  static let maxBytes = 16 << 20

  /// The record file a path names: the file itself, or a record folder
  /// `OUT/ID/` (its `ID.json`).
  static func path(_ given: String) -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue else {
      return given
    }
    let trimmed = given.hasSuffix("/") && given.count > 1 ? String(given.dropLast()) : given
    let id = URL(fileURLWithPath: trimmed).lastPathComponent
    return trimmed + "/" + id + ".json"
  }

  /// Loads and checks a record: it must decode, be of this schema version and
  /// have a well-formed id (the id names the files `render --out` writes, so a
  /// hand-edited id such as `../x` must never reach a path).
  static func load(_ given: String) throws -> Record {
    let path = path(given)
    let data: Data
    do {
      data = try SafeFile.read(path, limit: maxBytes, trusted: false)
    } catch {
      Diagnostics.error("cannot read \(path): \(error.reason)")
      throw ExitStatus.defects
    }
    let record: Record
    do {
      record = try RecordBuilder.decode(data)
    } catch {
      Diagnostics.error("\(path) is not a second-opinion record: \(error)")
      throw ExitStatus.defects
    }
    guard record.schemaVersion == Record.currentSchemaVersion else {
      Diagnostics.error(
        "\(path) is a record of format \(record.schemaVersion); this version reads format \(Record.currentSchemaVersion)"
      )
      throw ExitStatus.defects
    }
    guard RecordID.isValid(record.id) else {
      Diagnostics.error(
        "\(path) is not a second-opinion record: its id is not of the form SO-yyyyMMddTHHmmssZ-XXXXXXXX")
      throw ExitStatus.defects
    }
    return record
  }
}
