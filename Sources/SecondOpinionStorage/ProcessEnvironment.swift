import Foundation

/// Reads one environment variable as `ProcessInfo.processInfo.environment[name]`
/// does (the last of repeated entries; invalid UTF-8 repaired), without
/// building the whole dictionary: its first use instantiates generic types
/// and costs about 0.1 ms of start-up, for each of the few variables read.
public enum ProcessEnvironment {
  /// The value of `name`, or nil when it is not set.
  public static func value(_ name: String) -> String? {
    let key = (Array(name.utf8) + [UInt8(ascii: "=")]).map { CChar(bitPattern: $0) }
    var found: UnsafeMutablePointer<CChar>?
    var entry = environ
    while let pointer = entry.pointee {
      // The last entry wins, as in ProcessInfo's dictionary.
      if strncmp(pointer, key, key.count) == 0 { found = pointer }
      entry += 1
    }
    guard let found else { return nil }
    return String(cString: found + key.count)
  }
}
