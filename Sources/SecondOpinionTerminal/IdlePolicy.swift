/// The kiosk's idle reset: after `idleSeconds` without a key, a countdown of
/// `warningSeconds` in the prompt; no key by then and the line reader reports
/// an idle timeout.
public struct IdlePolicy: Sendable {
  /// Seconds without a keystroke before the warning.
  public var idleSeconds: Int
  /// Seconds of countdown after the warning.
  public var warningSeconds: Int
  /// The words shown before the prompt during the countdown, for the seconds
  /// left (the seeds' wording: the kiosk gives `kioskIdleCountdown`).
  public var countdown: @Sendable (Int) -> String

  /// Creates a policy.
  public init(idleSeconds: Int, warningSeconds: Int, countdown: @escaping @Sendable (Int) -> String) {
    self.idleSeconds = idleSeconds
    self.warningSeconds = warningSeconds
    self.countdown = countdown
  }
}
