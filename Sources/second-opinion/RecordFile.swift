import Foundation
import SecondOpinionCore

/// Reads a record file for `explain` and `render`.
enum RecordFile {
  /// Loads and checks a record: it must decode, be of this schema version and
  /// have a well-formed id (the id names the files `render --out` writes, so a
  /// hand-edited id such as `../x` must never reach a path).
  static func load(_ path: String) throws -> Record {
    guard let data = FileManager.default.contents(atPath: path) else {
      Diagnostics.error("cannot read \(path)")
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
