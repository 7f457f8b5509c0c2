import Foundation
import SecondOpinionCore

/// Runs the configured notification command for an emergency or urgent
/// record: the record id and urgency only, as the last two arguments and as
/// `SECOND_OPINION_RECORD_ID` and `SECOND_OPINION_URGENCY`. No patient data.
public enum Notifier {
  /// Rings once for a record of the outbox that needs it (emergency or
  /// urgent) and has not been rung for: runs `command`, then notes
  /// `notifiedAt` in its delivery state, or the reason in `lastError` (so
  /// `deliver` tries again). The record folder is locked meanwhile, so the
  /// submitting program and a running `deliver` never both ring. Returns
  /// true when this call rang.
  @discardableResult
  public static func ringOnce(_ command: [String], outbox: Outbox, id: String, at time: () -> String) -> Bool {
    let fd = open(outbox.folder(id), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    guard flock(fd, LOCK_EX) == 0 else { return false }
    defer { flock(fd, LOCK_UN) }
    guard var state = try? outbox.state(id), state.needsNotification, state.notifiedAt == nil else { return false }
    if let problem = run(command, recordID: id, urgency: state.urgency) {
      state.lastError = problem
    } else {
      state.notifiedAt = time()
    }
    try? outbox.save(state)
    return state.notifiedAt != nil
  }

  /// At submit: rings for a record just committed to `outputFolder` when a
  /// notification command is configured (`notify_command` in the MESH
  /// settings, or `$SECOND_OPINION_NOTIFY_COMMAND`); needs no MESH settings.
  @discardableResult
  public static func ringAtSubmit(outputFolder: String, id: String) -> Bool {
    guard let command = MESHConfiguration.notifyCommand() else { return false }
    return ringOnce(command, outbox: Outbox(root: outputFolder), id: id) { RecordID.iso8601(Date()) }
  }

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
