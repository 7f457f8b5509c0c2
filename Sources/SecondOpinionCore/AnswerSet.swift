/// The answers given so far, by question id, in the order given.
public struct AnswerSet: Sendable, Equatable {
  /// The answers in the order given (an answer replaced keeps its place).
  private var list: [Answer] = []
  /// Each answer's position in `list`, by question id.
  private var byID: [String: Int] = [:]

  /// Creates an empty set.
  public init() {}

  /// Creates an empty set with room for `capacity` answers.
  public init(capacity: Int) {
    list.reserveCapacity(capacity)
    byID.reserveCapacity(capacity)
  }

  /// How many answers there are.
  public var count: Int { list.count }

  /// The answer to a question, if it has one.
  public subscript(id: String) -> Answer? { byID[id].map { list[$0] } }

  /// Every answer, in the order given.
  public var all: [Answer] { list }

  /// Sets or replaces an answer, keeping its first position.
  public mutating func set(_ answer: Answer) {
    // One look-up for a new answer (nearly every one): the position is put in
    // place at once, and put back when the answer was there already.
    if let index = byID.updateValue(list.count, forKey: answer.questionID) {
      byID[answer.questionID] = index
      list[index] = answer
    } else {
      list.append(answer)
    }
  }

  /// Removes an answer.
  public mutating func remove(_ id: String) {
    guard let index = byID.removeValue(forKey: id) else { return }
    list.remove(at: index)
    for later in index..<list.count { byID[list[later].questionID] = later }
  }

  /// The state of a question's answer (`notAsked` when it has none).
  public func state(of id: String) -> AnswerState { self[id]?.value.state ?? .notAsked }

  /// Equal when the same answers were given in the same order.
  public static func == (left: AnswerSet, right: AnswerSet) -> Bool { left.list == right.list }
}
