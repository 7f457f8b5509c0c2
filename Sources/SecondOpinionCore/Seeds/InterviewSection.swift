/// A part of the interview as the person sees it ("About you", "Your health
/// now"): the questions from `from` up to the next section's first question,
/// in the order of the definition. Sections give the progress line and group
/// the review; they do not change what is asked or where an answer is printed
/// in the letter (that is each question's `heading`).
public struct InterviewSection: Codable, Sendable, Equatable {
  /// The section's id.
  public var id: String
  /// Its title in both voices, short enough for a 40-column screen.
  public var title: VoiceText
  /// The id of the first question of the section.
  public var from: String
  /// The line in the YAML file where the section starts (filled by the loader).
  public var line: Int?

  /// Creates a section.
  public init(id: String, title: VoiceText, from: String) {
    self.id = id
    self.title = title
    self.from = from
  }

  private enum CodingKeys: String, CodingKey { case id, title, from }
}
