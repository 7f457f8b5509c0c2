/// How the interview driver behaves on a channel.
public struct DriverOptions: Sendable {
  /// Where it runs: kiosk wording for safety messages, pipe attempt limits.
  public var channel: Channel
  /// Rejected answers allowed in a row on one question before giving up; nil for no limit.
  public var maxAttempts: Int?
  /// Whether `restart` (start again) is offered (the kiosk).
  public var allowRestart: Bool
  /// The most lines read before the run ends with `tooManyLines` (nil: no
  /// limit). On a pipe every other kind of endless input is already stopped by
  /// `maxAttempts`; this bounds a script that keeps going back and answering.
  public var maxLines: Int?

  /// Creates options.
  public init(channel: Channel, maxAttempts: Int? = nil, allowRestart: Bool = false, maxLines: Int? = nil) {
    self.channel = channel
    self.maxAttempts = maxAttempts
    self.allowRestart = allowRestart
    self.maxLines = maxLines
  }

  /// The line limit for a piped interview: far more than any real script
  /// (about 40 answers, with every rejection and change allowed many times over).
  public static let pipeLineLimit = 10_000
}
