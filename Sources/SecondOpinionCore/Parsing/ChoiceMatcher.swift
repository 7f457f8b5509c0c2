import Foundation

/// Matches typed words to a question's choices: by number, by id or label, by
/// the unambiguous start of a label, id or synonym, then by the start of any
/// word in a label. Several choices are separated by commas (or spaces between
/// numbers).
public struct ChoiceMatcher: Sendable {
  /// The question whose choices are matched.
  public var question: Question
  /// The voice whose labels are shown.
  public var voice: Voice

  /// Creates a matcher.
  public init(question: Question, voice: Voice) {
    self.question = question
    self.voice = voice
  }

  /// Matches the whole answer.
  public func match(_ typed: String) -> Result<AnswerValue, ParseFailure> {
    let parser = AnswerParser(voice: voice, today: "2000-01-01")
    let choices = question.choices ?? []
    var parts = typed.split(whereSeparator: { ",;".contains($0) }).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    // "1 3 5" or "1 and 3": numbers separated by spaces.
    let words = typed.split(whereSeparator: { " ,;".contains($0) }).map(String.init).filter { $0.lowercased() != "and" }
    if words.count > 1, words.allSatisfy({ Int($0) != nil }) { parts = words }
    if parts.count > 1, case .success(let id) = one(typed, choices) {
      // A label that itself has a comma ("Yes, they can decide for themselves").
      return .success(question.type == .singleChoice ? .choice(id) : .choices([id]))
    }
    if question.type == .singleChoice, parts.count > 1 {
      return .failure(parser.failure("please choose just one", question))
    }
    var chosen: [String] = []
    for part in parts {
      switch one(part, choices) {
      case .success(let id): if !chosen.contains(id) { chosen.append(id) }
      case .failure(let failure): return .failure(failure)
      }
    }
    guard !chosen.isEmpty else { return .failure(parser.failure("an answer is needed", question)) }
    if question.type == .singleChoice { return .success(.choice(chosen[0])) }
    let exclusive = chosen.filter { question.choice($0)?.exclusive == true }
    if !exclusive.isEmpty, chosen.count > 1 {
      let label = question.choice(exclusive[0])?.label.text(for: voice) ?? exclusive[0]
      return .failure(parser.failure("\"\(label)\" cannot be chosen together with other answers", question))
    }
    let ordered = choices.map(\.id).filter(chosen.contains)
    return .success(.choices(ordered))
  }

  /// What was typed, in quotes, shortened so a huge line is not echoed back.
  static func quoted(_ part: String) -> String {
    let limit = 60
    return "\"" + (part.count > limit ? part.prefix(limit) + "…" : part) + "\""
  }

  private func one(_ part: String, _ choices: [Choice]) -> Result<String, ParseFailure> {
    let parser = AnswerParser(voice: voice, today: "2000-01-01")
    let word = AnswerWords.fold(part)
    if let number = Int(word) {
      guard number >= 1, number <= choices.count else {
        return .failure(parser.failure("there is no choice \(number); the choices are 1 to \(choices.count)", question))
      }
      return .success(choices[number - 1].id)
    }
    func names(_ choice: Choice) -> [String] {
      [choice.id.replacingOccurrences(of: "_", with: " "), choice.label.text(for: voice).lowercased()]
        + (choice.synonyms ?? []).map { $0.lowercased() }
    }
    if let exact = choices.first(where: { names($0).contains(word) }) { return .success(exact.id) }
    var candidates = choices.filter { names($0).contains { $0.hasPrefix(word) } }
    if candidates.isEmpty {
      candidates = choices.filter { choice in
        names(choice).contains { name in
          name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix(word) }
        }
      }
    }
    switch candidates.count {
    case 1: return .success(candidates[0].id)
    case 0:
      return .failure(parser.failure("\(Self.quoted(part)) is not one of the choices", question))
    default:
      let listed = candidates.prefix(3).map { "\"\($0.label.text(for: voice))\"" }.joined(separator: " or ")
      return .failure(
        parser.failure("\(Self.quoted(part)) could mean \(listed); type more of the word, or its number", question))
    }
  }
}
