import Foundation

/// Matches typed words to a question's choices: by number, by id or label, by
/// the unambiguous start of a label, id or synonym, then by the start of any
/// word in a label. Several choices are separated by commas (or spaces between
/// numbers).
public enum ChoiceMatcher {
  /// Matches the whole answer to the choices of a question.
  /// - Parameters:
  ///   - typed: the answer, made inert.
  ///   - question: the question whose choices are matched.
  ///   - voice: the voice whose labels are shown.
  ///   - names: the choices' names worked out beforehand (`ChoiceNames` of each
  ///     choice, in this voice), or nil to work them out here.
  public static func match(_ typed: String, question: Question, voice: Voice, names: [ChoiceNames]? = nil)
    -> Result<AnswerValue, ParseFailure>
  {
    // A choice's number (nearly every answer): settled at once, as below.
    if let number = Self.number(typed), let choices = question.choices, number >= 1, number <= choices.count {
      return .success(value(naming: choices[number - 1].id, choices, question))
    }
    let names = names ?? (question.choices ?? []).map { ChoiceNames($0, voice: voice) }
    let choices = question.choices ?? []
    // One part (most answers that are not a number): matched at once, as below.
    if let part = Self.onePart(typed) {
      return one(part, choices, question: question, voice: voice, names: names).map {
        value(naming: $0, choices, question)
      }
    }
    let parser = AnswerParser(voice: voice, today: "2000-01-01")
    var parts: [String]
    let words: [String]
    if let split = Self.splitASCII(typed) {
      (parts, words) = split
    } else {
      parts = typed.split(whereSeparator: { ",;".contains($0) }).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      words = typed.split(whereSeparator: { " ,;".contains($0) }).map(String.init).filter { $0.lowercased() != "and" }
    }
    // "1 3 5" or "1 and 3": numbers separated by spaces.
    if words.count > 1, words.allSatisfy({ Int($0) != nil }) { parts = words }
    // A label that itself has a comma ("Yes, they can decide for themselves").
    if parts.count > 1, let id = whole(typed, choices, question: question, voice: voice, names: names) {
      return .success(question.type == .singleChoice ? .choice(id) : .choices([id]))
    }
    if question.type == .singleChoice, parts.count > 1 {
      return .failure(parser.failure("please choose just one", question))
    }
    var chosen: [String] = []
    for part in parts {
      switch one(part, choices, question: question, voice: voice, names: names) {
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

  /// The value of an answer that names the one choice `id`, as the general
  /// path of `match` makes it.
  private static func value(naming id: String, _ choices: [Choice], _ question: Question) -> AnswerValue {
    question.type == .singleChoice ? .choice(id) : .choices(choices.map(\.id).filter { $0 == id })
  }

  /// The parts of an ASCII answer split at commas and semicolons (trimmed of
  /// spaces and tabs, empty ones dropped), and its words split at those and at
  /// spaces (without "and" in any case), as the general path splits them: in
  /// ASCII other than CR LF (which a cleaned answer never has) every character
  /// is one byte, and the only whitespace is the space and the tab. Nil for
  /// anything else.
  static func splitASCII(_ typed: String) -> (parts: [String], words: [String])? {
    var typed = typed
    return typed.withUTF8 { bytes -> (parts: [String], words: [String])? in
      guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
      func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      }
      func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
      var parts: [String] = []
      var words: [String] = []
      var partStart = 0
      var wordStart = 0
      for index in 0...bytes.count {
        let byte = index < bytes.count ? bytes[index] : UInt8(ascii: ",")
        let partEnds = byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
        if partEnds {
          var start = partStart
          var end = index
          while start < end, isBlank(bytes[start]) { start += 1 }
          while end > start, isBlank(bytes[end - 1]) { end -= 1 }
          if start < end { parts.append(text(start, end)) }
          partStart = index + 1
        }
        if partEnds || byte == 0x20 {
          if wordStart < index {
            let word = text(wordStart, index)
            if word.lowercased() != "and" { words.append(word) }
          }
          wordStart = index + 1
        }
      }
      return (parts, words)
    }
  }

  /// The answer's only part, when `splitASCII` would give exactly one part
  /// and its words could not be numbers between spaces: ASCII without a
  /// comma, a semicolon or a carriage return, and with no digit or no space.
  /// The part is the answer without spaces and tabs at its ends. Nil otherwise.
  static func onePart(_ typed: String) -> String? {
    typed.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var digit = false
      var space = false
      for byte in bytes {
        switch byte {
        case 0x80..., 0x0D, UInt8(ascii: ","), UInt8(ascii: ";"): return nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
        case 0x20: space = true
        default: break
        }
      }
      guard !(digit && space) else { return nil }
      var start = 0
      var end = bytes.count
      while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
      while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
      guard start < end else { return nil }
      return start == 0 && end == bytes.count ? typed : String(decoding: bytes[start..<end], as: UTF8.self)
    } ?? nil
  }

  /// The number an answer of one to three ASCII digits is, or nil.
  private static func number(_ typed: String) -> Int? {
    var value = 0
    var digits = 0
    for byte in typed.utf8 {
      guard PrintableASCII.isDigit(byte), digits < 3 else { return nil }
      value = value * 10 + Int(byte - 0x30)
      digits += 1
    }
    return digits == 0 ? nil : value
  }

  /// What was typed, in quotes, shortened so a huge line is not echoed back.
  static func quoted(_ part: String) -> String {
    let limit = 60
    return "\"" + (part.count > limit ? part.prefix(limit) + "…" : part) + "\""
  }

  /// The choice the whole answer names, as `one` finds it, or nil. An answer
  /// with a comma or a semicolon can only be the whole or the start of a name
  /// that has one too (a name's words have none), so only those names are tried.
  private static func whole(
    _ typed: String, _ choices: [Choice], question: Question, voice: Voice, names: [ChoiceNames]
  ) -> String? {
    guard typed.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B }) else {
      guard case .success(let id) = one(typed, choices, question: question, voice: voice, names: names) else {
        return nil
      }
      return id
    }
    let word = AnswerWords.fold(typed)
    let named = choices.indices.filter { names[$0].hasSeparator }
    if let exact = named.first(where: { names[$0].names.contains(word) }) { return choices[exact].id }
    let candidates = named.filter { names[$0].names.contains { $0.hasPrefix(word) } }
    return candidates.count == 1 ? choices[candidates[0]].id : nil
  }

  static func one(
    _ part: String, _ choices: [Choice], question: Question, voice: Voice, names: [ChoiceNames]
  ) -> Result<String, ParseFailure> {
    let parser = AnswerParser(voice: voice, today: "2000-01-01")
    let word = AnswerWords.fold(part)
    if let number = Int(word) {
      guard number >= 1, number <= choices.count else {
        return .failure(parser.failure("there is no choice \(number); the choices are 1 to \(choices.count)", question))
      }
      return .success(choices[number - 1].id)
    }
    if let exact = choices.indices.first(where: { names[$0].names.contains(word) }) {
      return .success(choices[exact].id)
    }
    var candidates = choices.indices.filter { names[$0].names.contains { $0.hasPrefix(word) } }.map { choices[$0] }
    if candidates.isEmpty {
      candidates = choices.indices.filter { index in
        names[index].words.contains { words in words.contains { $0.hasPrefix(word) } }
      }.map { choices[$0] }
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
