/// The answers given so far, by question id, in the order given.
public struct AnswerSet: Sendable, Equatable {
  private var byID: [String: Answer] = [:]
  private(set) var order: [String] = []

  /// Creates an empty set.
  public init() {}

  /// The answer to a question, if it has one.
  public subscript(id: String) -> Answer? { byID[id] }

  /// Every answer, in the order given.
  public var all: [Answer] { order.compactMap { byID[$0] } }

  /// Sets or replaces an answer, keeping its first position.
  public mutating func set(_ answer: Answer) {
    if byID[answer.questionID] == nil { order.append(answer.questionID) }
    byID[answer.questionID] = answer
  }

  /// Removes an answer.
  public mutating func remove(_ id: String) {
    byID[id] = nil
    order.removeAll { $0 == id }
  }

  /// The state of a question's answer (`notAsked` when it has none).
  public func state(of id: String) -> AnswerState { byID[id]?.value.state ?? .notAsked }
}
