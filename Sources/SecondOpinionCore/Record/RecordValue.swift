/// An answer's normalised value as it appears in JSON: a string, a boolean, a
/// number, a list of strings, or null when there is no value.
public enum RecordValue: Codable, Sendable, Equatable {
  case string(String)
  case bool(Bool)
  case number(Int)
  case list([String])
  case null

  /// The JSON form of an answer value.
  public init(_ value: AnswerValue) {
    switch value {
    case .choice(let id): self = .string(id)
    case .choices(let ids): self = .list(ids)
    case .bool(let flag): self = .bool(flag)
    case .text(let text), .date(let text): self = .string(text)
    case .number(let number): self = .number(number)
    case .unknown, .declined, .skipped: self = .null
    }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let flag = try? c.decode(Bool.self) {
      self = .bool(flag)
    } else if let number = try? c.decode(Int.self) {
      self = .number(number)
    } else if let text = try? c.decode(String.self) {
      self = .string(text)
    } else {
      self = .list(try c.decode([String].self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .string(let text): try c.encode(text)
    case .bool(let flag): try c.encode(flag)
    case .number(let number): try c.encode(number)
    case .list(let items): try c.encode(items)
    case .null: try c.encodeNil()
    }
  }

  /// The answer value again, given the question's kind and the recorded state.
  public func answerValue(kind: QuestionKind, state: AnswerState) -> AnswerValue {
    switch state {
    case .unknown: return .unknown
    case .declined: return .declined
    case .skipped, .notAsked: return .skipped
    case .answered: break
    }
    switch (self, kind) {
    case (.string(let id), .singleChoice): return .choice(id)
    case (.list(let ids), _): return .choices(ids)
    case (.bool(let flag), _): return .bool(flag)
    case (.string(let iso), .date): return .date(iso)
    case (.string(let text), _): return .text(text)
    case (.number(let number), _): return .number(number)
    case (.null, _): return .skipped
    }
  }
}
