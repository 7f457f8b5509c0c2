import Foundation

/// Writes messages for people to standard error (never answers: no patient data).
enum Diagnostics {
  static func error(_ message: String) {
    FileHandle.standardError.write(Data(("second-opinion: " + message + "\n").utf8))
  }
}
