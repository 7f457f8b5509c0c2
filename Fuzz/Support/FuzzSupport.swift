import Foundation
import SecondOpinionCore

/// Helpers shared by the fuzz harnesses: reading the repository's seeds and
/// checking that text is inert. A broken invariant aborts, so libFuzzer keeps
/// the input as a crash.
enum FuzzSupport {
  /// The fixed day every harness runs on.
  static let today = "2026-11-25"

  /// The seeds folder: `$SECOND_OPINION_SEEDS`, else `seeds` in the working directory.
  static var seedsFolder: String {
    if let folder = ProcessInfo.processInfo.environment["SECOND_OPINION_SEEDS"], !folder.isEmpty { return folder }
    return "seeds"
  }

  /// The text of one seeds file; aborts when it is missing (a setup error, not a finding).
  static func seedsText(_ name: String) -> String {
    let path = seedsFolder + "/" + name
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      say("fuzz: cannot read \(path); set SECOND_OPINION_SEEDS to the repository's seeds folder\n")
      exit(2)
    }
    return text
  }

  /// The repository's seeds, decoded with `SeedLoader.bundle` from the YAML text.
  static func loadSeeds() -> SeedBundle {
    do {
      return try SeedLoader.bundle(
        interview: seedsText(SeedLoader.interviewFile), triage: seedsText(SeedLoader.triageFile),
        letter: seedsText(SeedLoader.letterFile))
    } catch {
      say("fuzz: the seeds do not load: \(error)\n")
      exit(2)
    }
  }

  /// The fuzz input as text. Invalid UTF-8 never reaches the core from a pipe
  /// (the line reader rejects it), so it is replaced here as `String(decoding:)` does.
  static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    guard let data, size > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  }

  /// Whether a scalar is one that must never come out of typed input: C0 and
  /// C1 controls (newline allowed where `newlines`), DEL, and bidirectional
  /// controls.
  static func isControl(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
    switch scalar.value {
    case 0x0A: return !newlines
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// Aborts when `text` has a control character (see `isControl`).
  static func requireInert(_ text: String, newlines: Bool, _ what: @autoclosure () -> String) {
    if let bad = text.unicodeScalars.first(where: { isControl($0, newlines: newlines) }) {
      say(
        "fuzz: \(what()) has control character U+\(String(bad.value, radix: 16, uppercase: true)): \(text.debugDescription.prefix(400))\n"
      )
      abort()
    }
  }

  /// Writes a line to standard error.
  static func say(_ message: String) {
    FileHandle.standardError.write(Data(message.utf8))
  }

  /// Aborts with a message when a condition fails.
  static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
      say("fuzz: \(message())\n")
      abort()
    }
  }
}
