/// The lines the record gives about the triage's assumptions: each
/// assumption with the value it resolved to (and whether that was its
/// cautious default), and the decision margin. Made once per evaluator for
/// every value an assumption can take.
struct AssumptionLines: Sendable {
  /// For each assumption, its line when it takes its default.
  private let defaults: [String?]
  /// For each assumption, its line for each value a route gives it.
  private let values: [[Double: String]]
  /// The line on the decision margin.
  let margin: String
  private let assumptions: [Assumption]

  init(_ definition: TriageDefinition) {
    assumptions = definition.assumptions
    defaults = definition.assumptions.map { Self.makeLine($0, value: $0.default, usedDefault: true) }
    values = definition.assumptions.map { assumption in
      var lines: [Double: String] = [:]
      for value in (assumption.values ?? [:]).values where lines[value] == nil {
        lines[value] = Self.makeLine(assumption, value: value, usedDefault: false)
      }
      return lines
    }
    margin =
      "The decision should be made at least \(definition.decisionMarginDays) days before a planned treatment date."
  }

  /// The line of the assumption at `index` resolved to `resolved`.
  func line(_ index: Int, _ resolved: (value: Double, usedDefault: Bool)) -> String {
    let known = resolved.usedDefault ? defaults[index] : values[index][resolved.value]
    return known ?? Self.line(assumptions[index], value: resolved.value, usedDefault: resolved.usedDefault)
  }

  /// The line, or nil when the value is not a whole number of days that
  /// fits (left to `line`, which fails on it as the evaluator always did).
  private static func makeLine(_ assumption: Assumption, value: Double, usedDefault: Bool) -> String? {
    guard value.isFinite, value > -1e15, value < 1e15 else { return nil }
    return line(assumption, value: value, usedDefault: usedDefault)
  }

  private static func line(_ assumption: Assumption, value: Double, usedDefault: Bool) -> String {
    let note = usedDefault ? " (the cautious default, as the route is not known)" : ""
    return "\(assumption.description): \(Int(value)) days\(note). Source: \(assumption.source)."
  }
}
