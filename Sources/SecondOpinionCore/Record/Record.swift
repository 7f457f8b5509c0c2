/// The JSON record of one interview: the source of truth from which the letter
/// and the FHIR export are rendered.
public struct Record: Codable, Sendable, Equatable {
  /// The record format's version (see `second-opinion schema`).
  public static let currentSchemaVersion = "1.0.0"

  /// The record format's version.
  public var schemaVersion: String
  /// A unique, time-sortable id.
  public var id: String
  /// When it was made, ISO 8601 in UTC.
  public var createdAt: String
  /// The voice: patient or receptionist.
  public var mode: Voice
  /// Where it ran.
  public var channel: Channel
  /// The language the interview was held in, a BCP 47 code (`en`, `cy`): the
  /// patient's preferred language, which the letter states and the FHIR
  /// export codes. A record written before it was kept reads as `en`.
  public var language: String
  /// `complete`, or `emergency` when a red flag stopped the interview.
  public var status: String
  /// Set when the emergency disposition was reached.
  public var emergency: EmergencyFlag?
  /// Who completed it.
  public var completedBy: RecordPerson
  /// The interview definition's version.
  public var interviewVersion: String
  /// The answers on the path taken, in the order asked.
  public var answers: [RecordAnswer]
  /// The triage.
  public var triage: TriageResult
  /// Safety messages shown, exactly as shown.
  public var safetyAdvice: [ShownMessage]

  /// The answer to a question, if recorded.
  public func answer(_ id: String) -> RecordAnswer? { answers.first { $0.questionId == id } }
  /// The answer carrying a semantic field, if recorded.
  public func answer(field: String) -> RecordAnswer? { answers.first { $0.field == field } }

  /// The language of a record that does not say (written before it was kept).
  public static let defaultLanguage = "en"

  /// The field of the question of the patient's requirements (`check`
  /// refuses a definition without it, or without its `interpreterChoice`).
  public static let requirementsField = "patient.requirements"
  /// The choice of that question that means an interpreter is needed.
  public static let interpreterChoice = "interpreter"
  /// The field of the free-text detail of the requirements.
  public static let requirementDetailsField = "patient.requirementDetails"
  /// The field of the reasons a second opinion is asked for (the patient's copy).
  public static let reasonField = "referral.reason"

  /// Whether the patient needs an interpreter, from the answer at the field
  /// `patient.requirements` (its choice `interpreter`): nil when that was not
  /// answered (not asked, not sure, preferred not to say).
  public var interpreterNeeded: Bool? {
    guard let answer = answer(field: Self.requirementsField), answer.state == .answered else { return nil }
    switch answer.value {
    case .list(let ids): return ids.contains(Self.interpreterChoice)
    case .string(let id): return id == Self.interpreterChoice
    default: return nil
    }
  }
}

extension Record {
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decode(String.self, forKey: .schemaVersion)
    id = try c.decode(String.self, forKey: .id)
    createdAt = try c.decode(String.self, forKey: .createdAt)
    mode = try c.decode(Voice.self, forKey: .mode)
    channel = try c.decode(Channel.self, forKey: .channel)
    language = try c.decodeIfPresent(String.self, forKey: .language) ?? Self.defaultLanguage
    status = try c.decode(String.self, forKey: .status)
    emergency = try c.decodeIfPresent(EmergencyFlag.self, forKey: .emergency)
    completedBy = try c.decode(RecordPerson.self, forKey: .completedBy)
    interviewVersion = try c.decode(String.self, forKey: .interviewVersion)
    answers = try c.decode([RecordAnswer].self, forKey: .answers)
    triage = try c.decode(TriageResult.self, forKey: .triage)
    safetyAdvice = try c.decode([ShownMessage].self, forKey: .safetyAdvice)
  }
}
