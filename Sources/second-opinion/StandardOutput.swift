import Foundation

/// Writes bytes to standard output with write(2), reporting failure instead of
/// crashing when stdout is closed or full (FileHandle.write traps there).
enum StandardOutput {
  /// Writes all of `data`; returns false if stdout could not take it.
  @discardableResult
  static func write(_ data: Data) -> Bool {
    var offset = 0
    while offset < data.count {
      let written = data[offset...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0, errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }
}
