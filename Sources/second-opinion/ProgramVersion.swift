import SecondOpinionCore

/// What `second-opinion --version` prints: the program's version and the
/// record format it writes.
enum ProgramVersion {
  /// The program's version (semantic versioning; raised with each release).
  static let number = "0.9.0"
  /// The line `--version` prints.
  static let text = "second-opinion \(number) (record format \(Record.currentSchemaVersion))"
}
