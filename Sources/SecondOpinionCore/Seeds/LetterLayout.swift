/// The referral letter's layout, from seeds/letter.yaml: its titles, the
/// summary at the top, the headings in order, and the few words the letter
/// adds to the record's own.
public struct LetterLayout: Codable, Sendable, Equatable {
  /// One heading of the letter.
  public struct Heading: Codable, Sendable, Equatable {
    /// Stable id that questions name in `heading`.
    public var id: String
    /// The heading as printed.
    public var title: String
    /// Whether the PRSB standard makes it mandatory (printed even when empty).
    public var mandatory: Bool
    /// What to print, once, when it holds nothing ("Not recorded").
    public var empty: String?
    /// What fills it: `answers` (default), `summary`, `referral`, `triage`,
    /// `alerts`, `advice`, `completedBy`, `distribution` or `requirements`
    /// (the answers, after the patient's language and interpreter need).
    public var source: String?
    /// Questions (by id) whose answers are shown here too, though their
    /// `heading` is another (the allergies among the safety alerts).
    public var include: [String]?
    /// `summary` when the heading's answers are printed in the summary (as its
    /// numbered list) and not again under a heading of their own.
    public var shownIn: String?
    /// The line in the YAML file where the heading starts (filled by the loader).
    public var line: Int?
  }

  /// One line of the summary at the top of the letter.
  public struct SummaryLine: Codable, Sendable, Equatable {
    /// The label printed.
    public var label: String
    /// What fills it: `patient` (name, age, sex, NHS number), `urgency`,
    /// `deadline` or `reasons` (why the urgency); absent, the `answers`.
    public var source: String?
    /// Questions (by id) whose answers, those recorded, are joined with "; ".
    public var answers: [String]?
    /// A heading whose answers become the summary's numbered list.
    public var items: String?
  }

  /// The words the letter puts around the record's values.
  public struct Words: Codable, Sendable, Equatable {
    /// The age after a patient's name; `{years}` is replaced ("{years} years").
    public var age: String
    /// The NHS number in the patient's line; `{number}` is replaced.
    public var nhsNumber: String
    /// The label of why the urgency is what it is.
    public var urgencyReasons: String
    /// The label of why the delay risk is what it is.
    public var delayRiskReasons: String
    /// The emergency banner's title ("EMERGENCY").
    public var emergency: String
    /// The label of the emergency line among the safety alerts.
    public var emergencyAlert: String
    /// After the title of advice shown but not printed in full.
    public var adviceByTitle: String
    /// The line under the title; `{id}`, `{time}`, `{interview}` and
    /// `{triage}` (the versions) are replaced.
    public var subtitle: String
    /// Labels of the lines the letter makes from the triage.
    public var delayRisk: String
    /// The mapping onto the e-Referral and FHIR priorities.
    public var otherScales: String
    /// Factors that hold but did not decide.
    public var alsoNoted: String
    /// The assumptions used.
    public var assumptions: String
    /// Labels and values of the referrer and the person completing the record;
    /// `{name}` is the operator's name, or `nameNotGiven`.
    public var requestedBy: String
    /// Who took the referral.
    public var takenBy: String
    /// Who completed the record.
    public var completedBy: String
    /// When the record was made.
    public var date: String
    /// A patient's own referral.
    public var selfReferral: String
    /// Taken at the practice's kiosk.
    public var takenAtKiosk: String
    /// Taken by the patient elsewhere (a terminal, a script).
    public var takenSelfCompleted: String
    /// Taken by a receptionist on the telephone.
    public var takenByReceptionist: String
    /// Completed by a receptionist with the caller.
    public var completedByReceptionist: String
    /// Completed by the patient at the kiosk.
    public var completedAtKiosk: String
    /// Completed by the patient elsewhere.
    public var completedSelf: String
    /// In place of an operator's name not given.
    public var nameNotGiven: String
    /// In place of a caller's relationship not recorded.
    public var notRecorded: String
    /// The label of the patient's language under the individual requirements.
    public var preferredLanguage: String
    /// The patient's language; `{language}` (its `name`) and `{interview}`
    /// (its `english` name) are replaced.
    public var preferredLanguageText: String
    /// The label of the interpreter need.
    public var interpreter: String
    /// An interpreter is needed and no details were given; `{interview}` is replaced.
    public var interpreterNeeded: String
    /// An interpreter is needed and the requirement details say more; `{interview}` is replaced.
    public var interpreterNeededDetails: String
  }

  /// A language an interview may be held in, as the letter names it.
  public struct Language: Codable, Sendable, Equatable {
    /// The name printed ("Welsh (Cymraeg)").
    public var name: String
    /// The English name ("Welsh").
    public var english: String
  }

  /// How times are printed for people: a zone and its names.
  public struct Clock: Codable, Sendable, Equatable {
    /// The IANA zone ("Europe/London").
    public var zone: String
    /// The zone's name outside summer time ("GMT").
    public var standard: String
    /// The zone's name in summer time ("BST").
    public var daylight: String
  }

  /// The letter's title.
  public var title: String
  /// The title of a record the emergency disposition made.
  public var emergencyTitle: String
  /// The lines of the summary at the top, in order.
  public var summary: [SummaryLine]
  /// Headings in the order printed.
  public var headings: [Heading]
  /// The closing statement that triage supports, not replaces, judgement.
  public var disclaimer: String
  /// Who receives copies.
  public var distribution: [String]
  /// Choice ids that mean there is nothing to report ("none"): an answer of
  /// only these is left out of the letter, as a skipped one is.
  public var nothingToReport: [String]?
  /// Safety messages (by id, interview.yaml `messages`) printed in full under
  /// the advice given; any other message shown is named by its title (its
  /// wording is in the record).
  public var adviceInFull: [String]
  /// The words the letter adds.
  public var words: Words
  /// The zone times are printed in.
  public var clock: Clock
  /// The languages by BCP 47 code (`en`, `cy`).
  public var languages: [String: Language]?
}
