extension Condition {
  /// The condition with every `{redFlag: CLASS}` test bound to the red-flag
  /// screen: `question`, and the ids of `flags` whose class the test names,
  /// in the screen's order. Everything else is unchanged.
  public func bindingRedFlags(question: String, flags: [Choice]) -> Condition {
    switch self {
    case .redFlag(let classes, _, _):
      let ids = flags.filter { flag in flag.redFlag.map(classes.contains) ?? false }.map(\.id)
      return .redFlag(classes: classes, question: question, flags: ids)
    case .all(let parts): return .all(parts.map { $0.bindingRedFlags(question: question, flags: flags) })
    case .any(let parts): return .any(parts.map { $0.bindingRedFlags(question: question, flags: flags) })
    case .not(let inner): return .not(inner.bindingRedFlags(question: question, flags: flags))
    default: return self
    }
  }

  /// Every `{redFlag: ...}` test in the condition, with the classes it names.
  public var redFlagTests: [[RedFlagClass]] {
    switch self {
    case .redFlag(let classes, _, _): return [classes]
    case .all(let parts), .any(let parts): return parts.flatMap(\.redFlagTests)
    case .not(let inner): return inner.redFlagTests
    default: return []
    }
  }
}
