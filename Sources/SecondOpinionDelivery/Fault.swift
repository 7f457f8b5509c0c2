import Foundation

/// A test-only fault hook, read only when `SECOND_OPINION_FAULT` is set:
/// `STEP` or `STEP@N` makes the process SIGKILL itself the Nth time (from 1)
/// it reaches STEP. Steps: `before-send` (the attempt is marked, nothing sent),
/// `after-send` (MESH has the message, no bookkeeping yet), `after-bookkeeping`,
/// `during-ack` (an ITK3 response is recorded, not yet acknowledged in MESH).
/// Unset in production: then every call is a no-op.
public enum Fault {
  private final class Counter: @unchecked Sendable {
    let lock = NSLock()
    var seen: [String: Int] = [:]
  }

  private static let counter = Counter()
  private static let plan: (step: String, at: Int)? = {
    guard let text = ProcessInfo.processInfo.environment["SECOND_OPINION_FAULT"], !text.isEmpty else { return nil }
    let parts = text.split(separator: "@", maxSplits: 1)
    return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
  }()

  /// Kills the process here if the plan says so.
  public static func point(_ step: String) {
    guard let plan, plan.step == step else { return }
    counter.lock.lock()
    let count = (counter.seen[step] ?? 0) + 1
    counter.seen[step] = count
    counter.lock.unlock()
    if count == plan.at { kill(getpid(), SIGKILL) }
  }
}
