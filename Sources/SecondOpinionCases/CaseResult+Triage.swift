import SecondOpinionCore

extension CaseResult {
  /// How this run's triage differs from `other`'s (the same case in another
  /// language, English as a rule), first difference first; empty when they
  /// are the same. Compared: whether a record was made and its status, the
  /// urgency and delay-risk levels and leaves, the decision path (each step's
  /// tree, node and result), the stop rule that fired, the safety messages
  /// shown (by id, in order), and the answers recorded (the questions in
  /// order, each answer's state and value: `RecordValue`). What is typed, the
  /// wording asked and the letter's English labels may differ.
  public func triageDifferences(from other: CaseResult) -> [String] {
    let mine = language
    let theirs = other.language
    func differ(_ what: String, _ own: String, _ others: String) -> String {
      "\(what): \(theirs) \(others), \(mine) \(own)"
    }
    guard let record, let base = other.record else {
      if record == nil && other.record == nil { return [] }
      return [differ("record", record == nil ? "none" : "made", other.record == nil ? "none" : "made")]
    }
    var differences: [String] = []
    if record.status != base.status { differences.append(differ("status", record.status, base.status)) }
    let triage = record.triage
    let english = base.triage
    if triage.urgency != english.urgency {
      differences.append(differ("urgency", triage.urgency.rawValue, english.urgency.rawValue))
    }
    if triage.delayRisk != english.delayRisk {
      differences.append(differ("delay risk", triage.delayRisk.rawValue, english.delayRisk.rawValue))
    }
    if triage.urgencyLeaf != english.urgencyLeaf {
      differences.append(differ("urgency leaf", triage.urgencyLeaf, english.urgencyLeaf))
    }
    if triage.delayRiskLeaf != english.delayRiskLeaf {
      differences.append(differ("delay-risk leaf", triage.delayRiskLeaf, english.delayRiskLeaf))
    }
    func step(_ step: PathStep?) -> String { step.map { "\($0.tree).\($0.node) \($0.result)" } ?? "nothing" }
    let path = triage.path.map(step)
    let basePath = english.path.map(step)
    if path != basePath {
      let index = path.indices.first { $0 >= basePath.count || path[$0] != basePath[$0] } ?? path.count
      differences.append(
        differ(
          "decision path at step \(index + 1)", index < path.count ? path[index] : "nothing",
          index < basePath.count ? basePath[index] : "nothing"))
    }
    let rule = record.emergency?.rule ?? "none"
    let baseRule = base.emergency?.rule ?? "none"
    if rule != baseRule { differences.append(differ("stop rule", rule, baseRule)) }
    let shown = record.safetyAdvice.map(\.id)
    let baseShown = base.safetyAdvice.map(\.id)
    if shown != baseShown {
      differences.append(
        differ("safety messages shown", "[\(shown.joined(separator: ", "))]", "[\(baseShown.joined(separator: ", "))]"))
    }
    let asked = record.answers.map(\.questionId)
    let baseAsked = base.answers.map(\.questionId)
    if asked != baseAsked {
      let index = asked.indices.first { $0 >= baseAsked.count || asked[$0] != baseAsked[$0] } ?? asked.count
      differences.append(
        differ(
          "question answered \(index + 1)", index < asked.count ? "`\(asked[index])`" : "nothing",
          index < baseAsked.count ? "`\(baseAsked[index])`" : "nothing"))
    }
    for answer in record.answers {
      guard let english = base.answer(answer.questionId) else { continue }
      if answer.state != english.state || answer.value != english.value {
        differences.append(
          differ(
            "answer `\(answer.questionId)`", Self.describe(answer), Self.describe(english)))
      }
    }
    return differences
  }

  /// An answer's state and value, and what was typed for it.
  private static func describe(_ answer: RecordAnswer) -> String {
    let value: String
    switch answer.value {
    case .string(let text): value = "\"\(text)\""
    case .bool(let flag): value = flag ? "yes" : "no"
    case .number(let number): value = String(number)
    case .list(let items): value = "[\(items.joined(separator: ", "))]"
    case .null: value = "null"
    }
    return "\(value) (\(answer.state.rawValue), typed \"\(answer.typed)\")"
  }
}
