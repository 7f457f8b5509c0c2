import Foundation
import SecondOpinionCore

/// Runs the configured notification command for an emergency or urgent
/// record: the record id and urgency only, as the last two arguments and as
/// `SECOND_OPINION_RECORD_ID` and `SECOND_OPINION_URGENCY`. No patient data.
public enum Notifier {
  /// Runs the command and waits for it (10 seconds at most). Returns nil on
  /// success, or a reason (naming the setting, not its value).
  public static func run(_ command: [String], recordID: String, urgency: Urgency) -> String? {
    guard let program = command.first else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = Array(command.dropFirst()) + [recordID, urgency.rawValue]
    var environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "SECOND_OPINION_RECORD_ID": recordID, "SECOND_OPINION_URGENCY": urgency.rawValue,
    ]
    if let home = ProcessInfo.processInfo.environment["HOME"] { environment["HOME"] = home }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return "the notification command (setting `notify_command`) could not be started"
    }
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning {
      process.terminate()
      return "the notification command (setting `notify_command`) took longer than 10 seconds"
    }
    return process.terminationStatus == 0
      ? nil : "the notification command (setting `notify_command`) exited \(process.terminationStatus)"
  }
}
