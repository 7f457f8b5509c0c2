import Foundation
import SecondOpinionCore

/// Reads a record file for `explain` and `render`.
enum RecordFile {
  static func load(_ path: String) throws -> Record {
    guard let data = FileManager.default.contents(atPath: path) else {
      Diagnostics.error("cannot read \(path)")
      throw ExitStatus.defects
    }
    do {
      return try RecordBuilder.decode(data)
    } catch {
      Diagnostics.error("\(path) is not a second-opinion record: \(error)")
      throw ExitStatus.defects
    }
  }
}
