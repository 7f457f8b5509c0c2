/// One safety message in another language, by the message's id.
public struct MessageTranslation: Codable, Sendable, Equatable {
  /// The title.
  public var title: String?
  /// The wording for a patient at a personal terminal.
  public var patient: String?
  /// The wording for a patient at a shared kiosk.
  public var kiosk: String?
  /// The wording for a receptionist.
  public var receptionist: String?
  /// The file this entry is in (filled by the loader).
  public var file: String?
  /// The line where the entry starts (filled by the loader).
  public var line: Int?

  private enum CodingKeys: String, CodingKey { case title, patient, kiosk, receptionist }
}
