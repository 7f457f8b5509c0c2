import Foundation
import SecondOpinionCore

/// Writes messages for people to standard error (never answers: no patient
/// data). Uses write(2) and ignores failures, so a hung-up terminal cannot
/// crash the program while it reports something. Every line is made inert
/// (`TextSanitizer`) first: a message may quote a path or a file name, and
/// those may hold escape sequences.
enum Diagnostics {
  static func error(_ message: String) {
    let inert = message.split(separator: "\n", omittingEmptySubsequences: false).map {
      TextSanitizer.clean(String($0))
    }.joined(separator: "\n")
    let bytes = Array(("second-opinion: " + inert + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0, errno == EINTR {
        continue
      } else {
        return
      }
    }
  }
}

/// Text from files (drafts, records), made as inert as typed text before it
/// is printed: each line through `TextSanitizer`, its indentation kept.
enum InertText {
  /// Every line cleaned; leading spaces kept.
  static func lines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let indent = line.prefix { $0 == " " }
      let rest = TextSanitizer.clean(String(line.dropFirst(indent.count)))
      return rest.isEmpty ? "" : String(indent) + rest
    }.joined(separator: "\n")
  }

  /// A name found on disk, shown so that nothing in it acts on a terminal:
  /// quoted, with every control, invisible or bidirectional character as `\u{…}`.
  static func name(_ name: String) -> String {
    var out = "\""
    for scalar in name.unicodeScalars {
      let inert = TextSanitizer.clean(String(scalar))
      if scalar == "\"" || scalar == "\\" {
        out += "\\" + String(scalar)
      } else if inert == String(scalar) || scalar == " " {
        out.unicodeScalars.append(scalar)
      } else {
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      }
    }
    return out + "\""
  }
}
