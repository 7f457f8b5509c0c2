/// Who the interview is speaking to: the patient in the second person, or a
/// receptionist talking about the patient in the third person.
public enum Voice: String, Codable, Sendable, CaseIterable {
  /// The patient answers for themselves ("you").
  case patient
  /// A receptionist answers for a caller ("the patient").
  case receptionist
}
