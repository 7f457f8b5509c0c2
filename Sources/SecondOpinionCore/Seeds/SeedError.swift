/// A defect in seeds/: which file, where, and what is wrong.
public struct SeedError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, relative to the seeds folder.
  public var file: String
  /// The line, where known (1-based).
  public var line: Int?
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}
