extension Condition {
  /// Evaluates the condition in three-valued logic. A question not asked makes
  /// a value test false (it does not apply); an unknown or declined answer
  /// makes it unknown, so callers can take the safer course.
  public func evaluate(in context: EvaluationContext) -> Truth {
    switch self {
    case .answerIs(let id, let values):
      return test(id, in: context) { $0.contains(where: values.contains) }
    case .answerIsNot(let id, let values):
      let state = context.answers.state(of: id)
      if state == .unknown || state == .declined { return .unknown }
      // Not asked or left blank: the test does not apply, like `is`.
      guard let answer = context.answers[id], state == .answered else { return .no }
      return answer.value.comparable.contains(where: values.contains) ? .no : .yes
    case .answerIncludesAny(let id, let values):
      return test(id, in: context) { $0.contains(where: values.contains) }
    case .answerState(let id, let state):
      return context.answers.state(of: id) == state ? .yes : .no
    case .factBelow(let name, let limit):
      return compare(name, in: context) { $0 < limit }
    case .factBelowAssumption(let name, let assumption):
      guard let limit = context.assumptions[assumption] else { return .unknown }
      return compare(name, in: context) { $0 < limit }
    case .factKnown(let name):
      guard let fact = context.facts[name] else { return .no }
      return fact == nil ? .no : .yes
    case .mode(let voice):
      return context.voice == voice ? .yes : .no
    case .textMentions(let phrases):
      for answer in context.answers.all {
        guard case .text(let text) = answer.value else { continue }
        if Self.mentions(text, anyOf: phrases) { return .yes }
      }
      return .no
    case .all(let parts):
      return parts.reduce(Truth.yes) { $0 && $1.evaluate(in: context) }
    case .any(let parts):
      return parts.reduce(Truth.no) { $0 || $1.evaluate(in: context) }
    case .not(let inner):
      return !inner.evaluate(in: context)
    case .always(let flag):
      return flag ? .yes : .no
    case .redFlag(_, let question, let flags):
      guard !question.isEmpty else { return .unknown }
      return test(question, in: context) { $0.contains(where: flags.contains) }
    }
  }

  /// Whether the text, in lower case, contains any of the phrases in lower
  /// case, as Foundation's `contains` decides (an empty phrase is never
  /// found). Foundation's search goes through NSString and dominated the case
  /// library's profile, so text and phrases that are ASCII without NUL (nearly
  /// always) are compared byte by byte, folding A-Z, without building lower-case
  /// copies; for those the answer is the same. Anything else takes Foundation's
  /// path.
  static func mentions(_ text: String, anyOf phrases: [String]) -> Bool {
    let plain: (UInt8) -> Bool = { $0 != 0 && $0 < 0x80 }
    let quick = text.utf8.withContiguousStorageIfAvailable { haystack -> Bool? in
      guard haystack.allSatisfy(plain) else { return nil }
      for phrase in phrases {
        let found =
          phrase.utf8.withContiguousStorageIfAvailable { needle -> Bool? in
            guard needle.allSatisfy(plain) else { return nil }
            return search(haystack, for: needle)
          } ?? nil
        if found ?? text.lowercased().contains(phrase.lowercased()) { return true }
      }
      return false
    }
    if let quick, let quick { return quick }
    let haystack = text.lowercased()
    return phrases.contains { haystack.contains($0.lowercased()) }
  }

  /// Whether `needle` occurs in `haystack`, both ASCII, ignoring the case of
  /// A-Z; an empty needle never does, as with Foundation's `contains`.
  private static func search(_ haystack: UnsafeBufferPointer<UInt8>, for needle: UnsafeBufferPointer<UInt8>) -> Bool {
    func lower(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    let first = lower(needle[0])
    for start in 0...(haystack.count - needle.count) where lower(haystack[start]) == first {
      var offset = 1
      while offset < needle.count, lower(haystack[start + offset]) == lower(needle[offset]) { offset += 1 }
      if offset == needle.count { return true }
    }
    return false
  }

  private func test(_ id: String, in context: EvaluationContext, _ match: ([String]) -> Bool) -> Truth {
    switch context.answers.state(of: id) {
    case .unknown, .declined: return .unknown
    case .skipped, .notAsked: return .no
    case .answered:
      return match(context.answers[id]?.value.comparable ?? []) ? .yes : .no
    }
  }

  private func compare(_ name: String, in context: EvaluationContext, _ check: (Double) -> Bool) -> Truth {
    guard let fact = context.facts[name] else { return .no }
    guard let value = fact else { return .unknown }
    return check(value) ? .yes : .no
  }
}
