/// A normalised answer.
public enum AnswerValue: Sendable, Equatable {
  /// A single choice, by its id.
  case choice(String)
  /// Several choices, by id, in the order the definition lists them.
  case choices([String])
  /// A yes/no answer.
  case bool(Bool)
  /// Free text (already made inert).
  case text(String)
  /// A calendar date, ISO 8601 at its precision: yyyy-mm-dd, yyyy-mm or yyyy
  /// (see `DatePrecision`).
  case date(String)
  /// A whole number.
  case number(Int)
  /// Not sure.
  case unknown
  /// Prefer not to say.
  case declined
  /// Left blank where that is allowed.
  case skipped

  /// The state this value stands for.
  public var state: AnswerState {
    switch self {
    case .unknown: return .unknown
    case .declined: return .declined
    case .skipped: return .skipped
    default: return .answered
    }
  }

  /// The values conditions compare against: choice ids, "yes"/"no", the text,
  /// the ISO date or the number as a string.
  public var comparable: [String] {
    switch self {
    case .choice(let id): return [id]
    case .choices(let ids): return ids
    case .bool(let flag): return [flag ? "yes" : "no"]
    case .text(let text): return [text]
    case .date(let iso): return [iso]
    case .number(let number): return [String(number)]
    case .unknown, .declined, .skipped: return []
    }
  }
}
