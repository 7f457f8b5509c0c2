/// Why a typed value was refused, as the key of its wording and the values
/// its `{placeholders}` take, so a parser that has no wording of its own
/// (`NHSNumber`, `UKDateParser`) says what is wrong and `AnswerParser` words
/// it in the seeds' language.
public struct InterfaceReason: Sendable, Equatable {
  /// The wording's key.
  public var key: InterfaceWording
  /// The values of its placeholders, by name.
  public var values: [String: String]

  /// Creates a reason.
  public init(_ key: InterfaceWording, _ values: [String: String] = [:]) {
    self.key = key
    self.values = values
  }

  /// The reason in the seeds' wording (see `InterfaceWording.text(in:_:_:)`).
  public func text(in wording: [String: VoiceText]?, _ voice: Voice) -> String {
    key.text(in: wording, voice, values)
  }
}
