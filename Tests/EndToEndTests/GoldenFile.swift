import Foundation
import Testing

/// Compares text with a golden file in Tests/EndToEndTests/Golden, or rewrites
/// the file when SECOND_OPINION_RECORD_GOLDEN=1 (see README: re-recording).
enum GoldenFile {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static var recording: Bool { ProcessInfo.processInfo.environment["SECOND_OPINION_RECORD_GOLDEN"] == "1" }

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if recording {
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "golden file \(name) is missing; record it with SECOND_OPINION_RECORD_GOLDEN=1 swift test --filter EndToEndTests",
        sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
      let location =
        first.map { "line \($0.offset + 1): expected «\($0.element.0)», got «\($0.element.1)»" } ?? "lengths differ"
      Issue.record("\(name) differs from its golden file at \(location)", sourceLocation: sourceLocation)
    }
  }
}
