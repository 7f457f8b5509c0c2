/// How the interview driver behaves on a channel.
public struct DriverOptions: Sendable {
  /// Where it runs: kiosk wording for safety messages, pipe attempt limits.
  public var channel: Channel
  /// Rejected answers allowed in a row on one question before giving up; nil for no limit.
  public var maxAttempts: Int?
  /// Whether `restart` (start again) is offered (the kiosk).
  public var allowRestart: Bool

  /// Creates options.
  public init(channel: Channel, maxAttempts: Int? = nil, allowRestart: Bool = false) {
    self.channel = channel
    self.maxAttempts = maxAttempts
    self.allowRestart = allowRestart
  }
}
