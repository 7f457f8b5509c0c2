import SecondOpinionCore

/// Every question can be asked. A question is unreachable when its condition
/// can never hold: it is `always: false`, needs a value from a question that
/// is itself unreachable or asked only later, or wants two answers of one
/// single-answer question that have no value in common.
public enum UnreachableQuestionRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    var dead: Set<String> = []
    var found: [SeedError] = []
    for (index, question) in definitions.interview.questions.enumerated() {
      guard let condition = question.when else { continue }
      if !canHold(condition, dead: dead, before: index, in: definitions) {
        dead.insert(question.id)
        found.append(
          SeedError(
            file: SeedLoader.interviewFile, line: question.line,
            message: "question `\(question.id)` can never be asked: its condition can never hold"))
      }
    }
    return found
  }

  private static func canHold(
    _ condition: Condition, dead: Set<String>, before index: Int, in definitions: DefinitionIndex
  )
    -> Bool
  {
    switch condition {
    case .always(let flag): return flag
    case .answerIs(let id, _), .answerIncludesAny(let id, _), .redFlag(_, let id, _):
      guard let position = definitions.index(of: id) else { return false }
      return position < index && !dead.contains(id)
    case .all(let parts):
      return parts.allSatisfy { canHold($0, dead: dead, before: index, in: definitions) }
        && !contradictory(parts, in: definitions)
    case .any(let parts): return parts.contains { canHold($0, dead: dead, before: index, in: definitions) }
    default: return true
    }
  }

  /// `all` of two single-answer tests on one question with no value in common.
  private static func contradictory(_ parts: [Condition], in definitions: DefinitionIndex) -> Bool {
    var wanted: [String: Set<String>] = [:]
    for part in parts {
      guard case .answerIs(let id, let values) = part, let question = definitions.question(id),
        question.type != .multipleChoice
      else { continue }
      let set = Set(values)
      if let existing = wanted[id], existing.isDisjoint(with: set) { return true }
      wanted[id] = (wanted[id] ?? set).intersection(set)
    }
    return false
  }
}
