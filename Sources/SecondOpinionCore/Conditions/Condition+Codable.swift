extension Condition: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    func strings(_ key: String) throws -> [String] {
      if let many = try? c.decode([String].self, forKey: Key(key)) { return many }
      if let flag = try? c.decode(Bool.self, forKey: Key(key)) { return [flag ? "yes" : "no"] }
      if let number = try? c.decode(Int.self, forKey: Key(key)) { return [String(number)] }
      return [try c.decode(String.self, forKey: Key(key))]
    }
    let keys = Set(c.allKeys.map(\.stringValue))
    if keys.contains("all") {
      self = .all(try c.decode([Condition].self, forKey: Key("all")))
    } else if keys.contains("any") {
      self = .any(try c.decode([Condition].self, forKey: Key("any")))
    } else if keys.contains("not") {
      self = .not(try c.decode(Condition.self, forKey: Key("not")))
    } else if keys.contains("always") {
      self = .always(try c.decode(Bool.self, forKey: Key("always")))
    } else if keys.contains("mentions") {
      self = .mentions(try c.decode([String].self, forKey: Key("mentions")))
    } else if keys.contains("redFlag") {
      let names = try strings("redFlag")
      guard let classes = RedFlagClass.classes(named: names), !classes.isEmpty else {
        throw DecodingError.dataCorruptedError(
          forKey: Key("redFlag"), in: c,
          debugDescription:
            "unknown red-flag class in \(names); expected \(RedFlagClass.allCases.map(\.rawValue).joined(separator: ", ")) or any"
        )
      }
      self = .redFlag(classes: classes, question: "", flags: [])
    } else if keys.contains("mode") {
      self = .mode(try c.decode(Voice.self, forKey: Key("mode")))
    } else if let fact = try c.decodeIfPresent(String.self, forKey: Key("fact")) {
      if keys.contains("below") {
        self = .factBelow(fact, try c.decode(Double.self, forKey: Key("below")))
      } else if keys.contains("belowAssumption") {
        self = .factBelowAssumption(fact, try c.decode(String.self, forKey: Key("belowAssumption")))
      } else if keys.contains("known") {
        self = .factKnown(fact)
      } else {
        throw DecodingError.dataCorruptedError(
          forKey: Key("fact"), in: c,
          debugDescription: "a fact test needs `below`, `belowAssumption` or `known`")
      }
    } else if let id = try c.decodeIfPresent(String.self, forKey: Key("answer")) {
      if keys.contains("is") {
        self = .answerIs(id, try strings("is"))
      } else if keys.contains("in") {
        self = .answerIs(id, try strings("in"))
      } else if keys.contains("isNot") {
        self = .answerIsNot(id, try strings("isNot"))
      } else if keys.contains("includes") {
        self = .answerIncludesAny(id, try strings("includes"))
      } else if keys.contains("includesAny") {
        self = .answerIncludesAny(id, try strings("includesAny"))
      } else if keys.contains("state") {
        self = .answerState(id, try c.decode(AnswerState.self, forKey: Key("state")))
      } else {
        throw DecodingError.dataCorruptedError(
          forKey: Key("answer"), in: c,
          debugDescription: "an answer test needs `is`, `in`, `isNot`, `includes`, `includesAny` or `state`")
      }
    } else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "unknown condition with keys \(keys.sorted()); expected answer, fact, redFlag, mode, all, any, not or always"
        ))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    switch self {
    case .answerIs(let id, let values):
      try c.encode(id, forKey: Key("answer"))
      try c.encode(values, forKey: Key("in"))
    case .answerIsNot(let id, let values):
      try c.encode(id, forKey: Key("answer"))
      try c.encode(values, forKey: Key("isNot"))
    case .answerIncludesAny(let id, let values):
      try c.encode(id, forKey: Key("answer"))
      try c.encode(values, forKey: Key("includesAny"))
    case .answerState(let id, let state):
      try c.encode(id, forKey: Key("answer"))
      try c.encode(state, forKey: Key("state"))
    case .factBelow(let name, let limit):
      try c.encode(name, forKey: Key("fact"))
      try c.encode(limit, forKey: Key("below"))
    case .factBelowAssumption(let name, let assumption):
      try c.encode(name, forKey: Key("fact"))
      try c.encode(assumption, forKey: Key("belowAssumption"))
    case .factKnown(let name):
      try c.encode(name, forKey: Key("fact"))
      try c.encode(true, forKey: Key("known"))
    case .mode(let voice): try c.encode(voice, forKey: Key("mode"))
    case .mentions(let concepts): try c.encode(concepts, forKey: Key("mentions"))
    case .all(let parts): try c.encode(parts, forKey: Key("all"))
    case .any(let parts): try c.encode(parts, forKey: Key("any"))
    case .not(let inner): try c.encode(inner, forKey: Key("not"))
    case .always(let flag): try c.encode(flag, forKey: Key("always"))
    case .redFlag(let classes, _, _):
      let names = classes.map(\.rawValue)
      if names.count == 1 {
        try c.encode(names[0], forKey: Key("redFlag"))
      } else {
        try c.encode(names, forKey: Key("redFlag"))
      }
    }
  }
}
