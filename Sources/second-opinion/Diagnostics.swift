import Foundation

/// Writes messages for people to standard error (never answers: no patient
/// data). Uses write(2) and ignores failures, so a hung-up terminal cannot
/// crash the program while it reports something.
enum Diagnostics {
  static func error(_ message: String) {
    let bytes = Array(("second-opinion: " + message + "\n").utf8)
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
