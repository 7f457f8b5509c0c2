import ArgumentParser

/// The documented exit codes.
enum ExitStatus {
  static let ok = ExitCode(0)
  static let defects = ExitCode(1)
  static let emergency = ExitCode(3)
  static let endedEarly = ExitCode(4)
  static let tooManyAttempts = ExitCode(5)
  static let seedsInvalid = ExitCode(6)
  static let storage = ExitCode(7)
  static let draftSaved = ExitCode(8)
  static let usage = ExitCode(64)
  /// Standard input could not be read (a directory, an I/O error): not the
  /// end of the input (sysexits' EX_NOINPUT).
  static let inputUnreadable = ExitCode(66)

  /// 128 + the signal number, as shells report a death by signal.
  static func signal(_ number: Int32) -> ExitCode { ExitCode(128 + number) }
}
