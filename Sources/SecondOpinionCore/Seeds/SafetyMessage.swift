/// A safety message shown to the person, worded for each place it may appear.
public struct SafetyMessage: Codable, Sendable, Equatable {
  /// Stable id, recorded when the message is shown.
  public var id: String
  /// A short title, e.g. "Emergency".
  public var title: String
  /// Wording for a patient at a personal terminal.
  public var patient: String
  /// Wording for a patient at a shared kiosk ("tell the reception desk now").
  public var kiosk: String?
  /// Wording for a receptionist on the phone.
  public var receptionist: String
  /// The line in the YAML file where the message starts (filled by the loader).
  public var line: Int?

  /// The wording for where the interview is running.
  public func text(for voice: Voice, kiosk atKiosk: Bool) -> String {
    switch voice {
    case .receptionist: return receptionist
    case .patient: return atKiosk ? (kiosk ?? patient) : patient
    }
  }
}
