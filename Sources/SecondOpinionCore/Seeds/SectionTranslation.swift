/// A section's title in another language, by the section's id.
public struct SectionTranslation: Codable, Sendable, Equatable {
  /// The title in both voices.
  public var title: VoiceText?
}
