/// A test over the answers so far, used to decide whether a question is asked,
/// whether the interview stops, and which branch a triage node takes.
///
/// YAML forms: `{answer: ID, is: V}`, `{answer: ID, isNot: V}`, `{answer: ID, in: [..]}`,
/// `{answer: ID, includes: V}`, `{answer: ID, includesAny: [..]}`,
/// `{answer: ID, state: answered|unknown|declined|skipped|notAsked}`,
/// `{fact: NAME, below: N}`, `{fact: NAME, belowAssumption: NAME}`,
/// `{fact: NAME, known: true}`, `{mode: patient|receptionist}`, `{mentions: [CONCEPT..]}`,
/// `{redFlag: physical|mental_health|any}` (or a list of classes),
/// `{all: [..]}`, `{any: [..]}`, `{not: {..}}`, `{always: true}`.
public indirect enum Condition: Sendable, Equatable {
  case answerIs(String, [String])
  case answerIsNot(String, [String])
  case answerIncludesAny(String, [String])
  case answerState(String, AnswerState)
  case factBelow(String, Double)
  case factBelowAssumption(String, String)
  case factKnown(String)
  case mode(Voice)
  /// Any text answer mentions any of these concepts of the crisis grammar
  /// (seeds/phrases/crisis.LANG.yaml), in the person's own words.
  case mentions([String])
  case all([Condition])
  case any([Condition])
  case not(Condition)
  case always(Bool)
  /// The red-flag screen's answer includes any red flag of these classes.
  /// Decoded as `{redFlag: CLASS}` with no `question` and no `flags`; the
  /// loader binds it to the screen (its question id and the ids of its flags
  /// of these classes, in order), after which it is evaluated exactly as
  /// `{answer: QUESTION, includesAny: FLAGS}`. An unbound test is unknown:
  /// the screen cannot be ruled out, so it never under-triages.
  case redFlag(classes: [RedFlagClass], question: String, flags: [String])

  /// Every question id the condition reads.
  public var questionIDs: [String] {
    switch self {
    case .answerIs(let id, _), .answerIsNot(let id, _), .answerIncludesAny(let id, _),
      .answerState(let id, _):
      return [id]
    case .redFlag(_, let question, _): return question.isEmpty ? [] : [question]
    case .all(let parts), .any(let parts): return parts.flatMap(\.questionIDs)
    case .not(let inner): return inner.questionIDs
    case .factBelow, .factBelowAssumption, .factKnown, .mode, .always, .mentions: return []
    }
  }

  /// Every fact name the condition reads.
  public var factNames: [String] {
    switch self {
    case .factBelow(let name, _), .factBelowAssumption(let name, _), .factKnown(let name):
      return [name]
    case .all(let parts), .any(let parts): return parts.flatMap(\.factNames)
    case .not(let inner): return inner.factNames
    default: return []
    }
  }

  /// Every assumption name the condition reads.
  public var assumptionNames: [String] {
    switch self {
    case .factBelowAssumption(_, let name): return [name]
    case .all(let parts), .any(let parts): return parts.flatMap(\.assumptionNames)
    case .not(let inner): return inner.assumptionNames
    default: return []
    }
  }

  /// Every (question id, value) pair the condition compares against.
  public var testedValues: [(question: String, value: String)] {
    switch self {
    case .answerIs(let id, let values), .answerIsNot(let id, let values),
      .answerIncludesAny(let id, let values):
      return values.map { (id, $0) }
    case .redFlag(_, let question, let flags): return question.isEmpty ? [] : flags.map { (question, $0) }
    case .all(let parts), .any(let parts): return parts.flatMap(\.testedValues)
    case .not(let inner): return inner.testedValues
    default: return []
    }
  }
}
