/// One question of the interview, as defined in seeds/interview.yaml.
public struct Question: Codable, Sendable, Equatable {
  /// The question's fields, as defined in seeds/interview.yaml.
  struct Fields: Codable, Sendable, Equatable {
    var id: String
    var type: QuestionKind
    var heading: String
    var label: String
    var field: String?
    var text: VoiceText
    var help: VoiceText
    var choices: [Choice]?
    var when: Condition?
    var notSure: Bool?
    var preferNotToSay: Bool?
    var optional: Bool?
    var format: TextFormat?
    var maxLength: Int?
    var minimum: Int?
    var maximum: Int?
    var dateRange: DateRange?
    var maxAgeYears: Int?
    var example: String?
    var line: Int?
  }

  /// The fields, shared by every copy of the question: a question is copied
  /// wherever it is passed around, and one reference is cheaper to copy than
  /// twenty fields. Changing a field makes a new box, so copies stay apart.
  private final class Box: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  /// The fields as one value (for the seed cache's checks).
  var fields: Fields {
    get { box.fields }
    set { box = Box(newValue) }
  }

  /// Stable id, used by conditions, the record and FHIR linkIds.
  public var id: String {
    get { box.fields.id }
    set { fields.id = newValue }
  }
  /// The kind of answer.
  public var type: QuestionKind {
    get { box.fields.type }
    set { fields.type = newValue }
  }
  /// The letter heading the answer is printed under (see seeds/letter.yaml).
  public var heading: String {
    get { box.fields.heading }
    set { fields.heading = newValue }
  }
  /// A short voice-neutral label for the letter ("Date of birth").
  public var label: String {
    get { box.fields.label }
    set { fields.label = newValue }
  }
  /// A semantic field used by exports, e.g. `patient.name`.
  public var field: String? {
    get { box.fields.field }
    set { fields.field = newValue }
  }
  /// The question, per voice.
  public var text: VoiceText {
    get { box.fields.text }
    set { fields.text = newValue }
  }
  /// Help shown on `help` or `?`, per voice.
  public var help: VoiceText {
    get { box.fields.help }
    set { fields.help = newValue }
  }
  /// Choices, for choice questions.
  public var choices: [Choice]? {
    get { box.fields.choices }
    set { fields.choices = newValue }
  }
  /// Asked only when this holds (or is unknown: when unsure, ask).
  public var when: Condition? {
    get { box.fields.when }
    set { fields.when = newValue }
  }
  /// Accept "not sure" (recorded as unknown).
  public var notSure: Bool? {
    get { box.fields.notSure }
    set { fields.notSure = newValue }
  }
  /// Accept "prefer not to say" (recorded as declined).
  public var preferNotToSay: Bool? {
    get { box.fields.preferNotToSay }
    set { fields.preferNotToSay = newValue }
  }
  /// Accept a blank answer or "none" (recorded as skipped).
  public var optional: Bool? {
    get { box.fields.optional }
    set { fields.optional = newValue }
  }
  /// A checked shape for text answers.
  public var format: TextFormat? {
    get { box.fields.format }
    set { fields.format = newValue }
  }
  /// Longest text accepted, in characters (default 500).
  public var maxLength: Int? {
    get { box.fields.maxLength }
    set { fields.maxLength = newValue }
  }
  /// Smallest number accepted.
  public var minimum: Int? {
    get { box.fields.minimum }
    set { fields.minimum = newValue }
  }
  /// Largest number accepted.
  public var maximum: Int? {
    get { box.fields.maximum }
    set { fields.maximum = newValue }
  }
  /// Which dates are accepted (default any).
  public var dateRange: DateRange? {
    get { box.fields.dateRange }
    set { fields.dateRange = newValue }
  }
  /// For a date of birth: the oldest plausible age in years.
  public var maxAgeYears: Int? {
    get { box.fields.maxAgeYears }
    set { fields.maxAgeYears = newValue }
  }
  /// An example of an accepted answer, shown after a rejected one.
  public var example: String? {
    get { box.fields.example }
    set { fields.example = newValue }
  }
  /// The line in the YAML file where the question starts (filled by the loader).
  public var line: Int? {
    get { box.fields.line }
    set { fields.line = newValue }
  }

  /// Creates a question.
  public init(
    id: String, type: QuestionKind, heading: String, label: String, field: String?, text: VoiceText, help: VoiceText,
    choices: [Choice]?, when: Condition?, notSure: Bool?, preferNotToSay: Bool?, optional: Bool?, format: TextFormat?,
    maxLength: Int?, minimum: Int?, maximum: Int?, dateRange: DateRange?, maxAgeYears: Int?, example: String?,
    line: Int?
  ) {
    box = Box(
      Fields(
        id: id, type: type, heading: heading, label: label, field: field, text: text, help: help, choices: choices,
        when: when, notSure: notSure, preferNotToSay: preferNotToSay, optional: optional, format: format,
        maxLength: maxLength, minimum: minimum, maximum: maximum, dateRange: dateRange, maxAgeYears: maxAgeYears,
        example: example, line: line))
  }

  public init(from decoder: Decoder) throws { box = Box(try Fields(from: decoder)) }

  public func encode(to encoder: Encoder) throws { try box.fields.encode(to: encoder) }

  public static func == (left: Question, right: Question) -> Bool {
    left.box === right.box || left.box.fields == right.box.fields
  }

  /// Whether "not sure" is accepted.
  public var allowsUnknown: Bool { notSure ?? false }
  /// Whether "prefer not to say" is accepted.
  public var allowsDecline: Bool { preferNotToSay ?? false }
  /// Whether a blank answer is accepted.
  public var isOptional: Bool { optional ?? false }
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
