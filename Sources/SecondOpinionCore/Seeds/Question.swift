/// One question of the interview, as defined in seeds/interview.yaml.
public struct Question: Codable, Sendable, Equatable {
  /// Stable id, used by conditions, the record and FHIR linkIds.
  public var id: String
  /// The kind of answer.
  public var type: QuestionKind
  /// The letter heading the answer is printed under (see seeds/letter.yaml).
  public var heading: String
  /// A short voice-neutral label for the letter ("Date of birth").
  public var label: String
  /// A semantic field used by exports, e.g. `patient.name`.
  public var field: String?
  /// The question, per voice.
  public var text: VoiceText
  /// Help shown on `help` or `?`, per voice.
  public var help: VoiceText
  /// Choices, for choice questions.
  public var choices: [Choice]?
  /// Asked only when this holds (or is unknown: when unsure, ask).
  public var when: Condition?
  /// Accept "not sure" (recorded as unknown).
  public var notSure: Bool?
  /// Accept "prefer not to say" (recorded as declined).
  public var preferNotToSay: Bool?
  /// Accept a blank answer or "none" (recorded as skipped).
  public var optional: Bool?
  /// A checked shape for text answers.
  public var format: TextFormat?
  /// Longest text accepted, in characters (default 500).
  public var maxLength: Int?
  /// Smallest number accepted.
  public var minimum: Int?
  /// Largest number accepted.
  public var maximum: Int?
  /// Which dates are accepted (default any).
  public var dateRange: DateRange?
  /// For a date: the least precise answer accepted (default `day`): `full`
  /// (a date of birth: day, month and year all typed), `day`, `month`
  /// ("March 2019") or `year` ("2019"). See `DatePrecision`.
  public var precision: DatePrecision?
  /// For a date of birth: the oldest plausible age in years.
  public var maxAgeYears: Int?
  /// An example of an accepted answer, shown after a rejected one.
  public var example: String?
  /// The line in the YAML file where the question starts (filled by the loader).
  public var line: Int?

  /// Whether "not sure" is accepted.
  public var allowsUnknown: Bool { notSure ?? false }
  /// Whether "prefer not to say" is accepted.
  public var allowsDecline: Bool { preferNotToSay ?? false }
  /// Whether a blank answer is accepted.
  public var isOptional: Bool { optional ?? false }
  /// The least precise date accepted.
  public var datePrecision: DatePrecision { precision ?? .day }
  /// The longest text accepted.
  public var lengthLimit: Int { maxLength ?? 500 }

  /// The choice with this id, if any.
  public func choice(_ id: String) -> Choice? { choices?.first { $0.id == id } }

  /// The ids a condition on this question may test.
  public var possibleValues: Set<String> {
    switch type {
    case .singleChoice, .multipleChoice: return Set((choices ?? []).map(\.id))
    case .yesNo: return ["yes", "no"]
    case .text, .date, .number: return []
    }
  }
}
