import Foundation

/// Wording in both voices. In YAML either a map with `patient` and
/// `receptionist`, or one string used for both (allowed for choice labels only;
/// `check` rejects a question whose text or help lacks either voice).
public struct VoiceText: Codable, Sendable, Equatable {
  /// The second-person wording.
  public var patient: String?
  /// The third-person wording.
  public var receptionist: String?
  /// Whether the YAML gave a single string for both voices.
  public var shared: Bool

  /// Creates wording with a text per voice.
  public init(patient: String?, receptionist: String?) {
    self.patient = patient
    self.receptionist = receptionist
    self.shared = false
  }

  /// Creates wording that is the same in both voices.
  public init(_ both: String) {
    self.patient = both
    self.receptionist = both
    self.shared = true
  }

  /// The wording for a voice, falling back to the other voice only when absent.
  public func text(for voice: Voice) -> String {
    switch voice {
    case .patient: return patient ?? receptionist ?? ""
    case .receptionist: return receptionist ?? patient ?? ""
    }
  }

  /// Whether the voice has its own wording.
  public func has(_ voice: Voice) -> Bool {
    guard let value = voice == .patient ? patient : receptionist else { return false }
    return !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }

  private enum Keys: String, CodingKey { case patient, receptionist }

  public init(from decoder: Decoder) throws {
    if let single = try? decoder.singleValueContainer().decode(String.self) {
      self.init(single)
      return
    }
    let container = try decoder.container(keyedBy: Keys.self)
    self.init(
      patient: try container.decodeIfPresent(String.self, forKey: .patient),
      receptionist: try container.decodeIfPresent(String.self, forKey: .receptionist))
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encodeIfPresent(patient, forKey: .patient)
    try container.encodeIfPresent(receptionist, forKey: .receptionist)
  }
}
