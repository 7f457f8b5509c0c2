import Foundation

/// Matches typed words to a question's choices: by number, by id, label or
/// synonym, by the unambiguous start of a label, id or synonym, then by the
/// start of any word in a label. Several choices are separated by commas (or
/// spaces between numbers). Hyphens count as spaces ("step-mum", "step mum").
/// A bare yes or no (the seeds' words) is never taken as the start of a choice
/// ("no" is not "No pain"): only a choice that names it exactly, such as a
/// `synonyms: ["no"]`, takes it. When nothing matches, a lead-in of the seeds'
/// words ("my", "it is") is taken off the start and the rest matched again.
public struct ChoiceMatcher: Sendable {
  /// The question whose choices are matched.
  public var question: Question
  /// The parser whose voice, words (yes and no, the lead-ins, the word
  /// between numbers) and wording the matcher uses.
  public var parser: AnswerParser
  private var voice: Voice { parser.voice }
  private var words: AnswerWords { parser.words }

  /// Creates a matcher.
  public init(question: Question, parser: AnswerParser) {
    self.question = question
    self.parser = parser
  }

  /// Matches the whole answer.
  public func match(_ typed: String) -> Result<AnswerValue, ParseFailure> {
    let choices = question.choices ?? []
    var parts = typed.split(whereSeparator: { ",;".contains($0) }).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    // "1 3 5" or "1 and 3": numbers separated by spaces.
    let tokens = typed.split(whereSeparator: { " ,;".contains($0) }).map(String.init).filter {
      !words.means(AnswerWords.fold($0), .and)
    }
    if tokens.count > 1, tokens.allSatisfy({ Int($0) != nil }) { parts = tokens }
    if parts.count > 1, case .success(let id) = one(typed, choices) {
      // A label that itself has a comma ("Yes, they can decide for themselves").
      return .success(question.type == .singleChoice ? .choice(id) : .choices([id]))
    }
    if question.type == .singleChoice, parts.count > 1 {
      return .failure(parser.failure(parser.say(.reasonChooseOne), question))
    }
    var chosen: [String] = []
    for part in parts {
      switch one(part, choices) {
      case .success(let id): if !chosen.contains(id) { chosen.append(id) }
      case .failure(let failure): return .failure(failure)
      }
    }
    guard !chosen.isEmpty else { return .failure(parser.failure(parser.say(.reasonAnswerNeeded), question)) }
    if question.type == .singleChoice { return .success(.choice(chosen[0])) }
    let exclusive = chosen.filter { question.choice($0)?.exclusive == true }
    if !exclusive.isEmpty, chosen.count > 1 {
      let label = question.choice(exclusive[0])?.label.text(for: voice) ?? exclusive[0]
      return .failure(parser.failure(parser.say(.reasonExclusive, ["label": label]), question))
    }
    let ordered = choices.map(\.id).filter(chosen.contains)
    return .success(.choices(ordered))
  }

  /// What was typed, in quotes, shortened so a huge line is not echoed back.
  static func quoted(_ part: String) -> String {
    let limit = 60
    return "\"" + (part.count > limit ? part.prefix(limit) + "…" : part) + "\""
  }

  /// The form names and typed words are compared in: folded, hyphens as spaces.
  static func key(_ text: String) -> String {
    AnswerWords.fold(text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " "))
  }

  private func one(_ part: String, _ choices: [Choice]) -> Result<String, ParseFailure> {
    if let number = Int(AnswerWords.fold(part)) {
      guard number >= 1, number <= choices.count else {
        let reason = parser.say(.reasonNoSuchChoice, ["number": "\(number)", "count": "\(choices.count)"])
        return .failure(parser.failure(reason, question))
      }
      return .success(choices[number - 1].id)
    }
    let word = Self.key(part)
    let result = one(word, typed: part, choices)
    guard case .failure = result else { return result }
    // "my mum", "it's not controlled": without the lead-in, if that matches.
    var rest = word
    while let leadIn = words.leadIns.first(where: { rest.hasPrefix($0 + " ") }) {
      rest = String(rest.dropFirst(leadIn.count + 1))
      if case .success(let id) = one(rest, typed: part, choices) { return .success(id) }
    }
    return result
  }

  private func one(_ word: String, typed part: String, _ choices: [Choice]) -> Result<String, ParseFailure> {
    func names(_ choice: Choice) -> [String] {
      [Self.key(choice.id), Self.key(choice.label.text(for: voice))] + (choice.synonyms ?? []).map(Self.key)
    }
    if let exact = choices.first(where: { names($0).contains(word) }) { return .success(exact.id) }
    if words.isYesOrNo(word) {
      return .failure(parser.failure(parser.say(.reasonNotWhichChoice, ["typed": Self.quoted(part)]), question))
    }
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
      return .failure(parser.failure(parser.say(.reasonNotAChoice, ["typed": Self.quoted(part)]), question))
    default:
      let or = " " + parser.say(.or) + " "
      let listed = candidates.prefix(3).map { "\"\($0.label.text(for: voice))\"" }.joined(separator: or)
      let reason = parser.say(.reasonAmbiguousChoice, ["typed": Self.quoted(part), "choices": listed])
      return .failure(parser.failure(reason, question))
    }
  }
}
