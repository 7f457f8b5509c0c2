/// A safety message as it was shown to the person.
public struct ShownMessage: Codable, Sendable, Equatable {
  /// The message id.
  public var id: String
  /// Its title.
  public var title: String
  /// The text exactly as shown.
  public var text: String
  /// The title in English, when the message was shown in another language.
  public var englishTitle: String?
  /// The text in English, when the message was shown in another language
  /// (the clinician's letter prints this).
  public var englishText: String?

  /// Creates a shown message.
  public init(id: String, title: String, text: String) {
    self.id = id
    self.title = title
    self.text = text
  }
}
