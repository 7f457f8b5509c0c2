import Foundation

/// Runs the built `second-opinion` binary with piped input, for end-to-end tests.
struct BinaryRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary beside the test bundle (SwiftPM builds it for the test target).
  static let binary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [beside, beside.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
      let candidate = folder.appendingPathComponent("second-opinion")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return repository.appendingPathComponent(".build/debug/second-opinion")
  }()

  static func run(_ arguments: [String], input: Data, environment extra: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var environment = [
      "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "SECOND_OPINION_NOW": "2026-11-25T10:00:00Z",
      "SECOND_OPINION_SEEDS": repository.appendingPathComponent("seeds").path, "SWIFT_BACKTRACE": "enable=no",
    ]
    environment.merge(extra) { $1 }
    process.environment = environment
    // Files rather than pipes: no threads needed, and a closed stdin is a real EOF.
    let scratch = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inputURL = scratch.appendingPathComponent("stdin")
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    try input.write(to: inputURL)
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    let out = try Data(contentsOf: outURL)
    let err = try Data(contentsOf: errURL)
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  static func run(_ arguments: [String], lines: [String], environment: [String: String] = [:]) throws -> Result {
    try run(arguments, input: Data(lines.map { $0 + "\n" }.joined().utf8), environment: environment)
  }

  /// A fresh temporary folder.
  static func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("so-e2e-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
