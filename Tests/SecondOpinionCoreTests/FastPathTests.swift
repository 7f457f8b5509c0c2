import Foundation
import Testing

@testable import SecondOpinionCore

/// The byte-level fast paths give exactly what the general code gives: the
/// general code is kept here as it was, and both run on random text.
@Suite("Fast paths")
struct FastPathTests {
  /// `TextWrapper.wrap` as it was before its ASCII fast path.
  static func referenceWrap(_ text: String, width: Int, hangingIndent: String = "") -> String {
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indent = String(paragraph.prefix { $0 == " " })
      var line = ""
      var lineWidth = 0
      var first = true
      for word in paragraph.split(separator: " ") {
        let prefix = first ? indent : hangingIndent
        let wordWidth = TextWrapper.columns(word)
        if line.isEmpty {
          line = prefix + word
          lineWidth = TextWrapper.columns(prefix) + wordWidth
        } else if lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
        } else if wordWidth > width - TextWrapper.columns(hangingIndent) {
          var rest = Substring(word)
          var current = line + " "
          var currentWidth = lineWidth + 1
          while let character = rest.first {
            let w = TextWrapper.columns(character)
            if currentWidth + w > width {
              out.append(current)
              first = false
              current = hangingIndent
              currentWidth = TextWrapper.columns(hangingIndent)
            }
            current.append(character)
            currentWidth += w
            rest = rest.dropFirst()
          }
          line = current
          lineWidth = currentWidth
        } else {
          out.append(line)
          first = false
          line = hangingIndent + word
          lineWidth = TextWrapper.columns(hangingIndent) + wordWidth
        }
      }
      out.append(line)
    }
    return out.joined(separator: "\n")
  }

  /// `MarkdownLetter.escape` as it was before its ASCII fast path.
  static func referenceEscape(_ text: String) -> String {
    let characters = Array(TextSanitizer.clean(text))
    var out = ""
    for (index, character) in characters.enumerated() {
      switch character {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "@":
        out += "\\\(character)"
      case ":" where characters[(index + 1)...].starts(with: ["/", "/"]):
        out += "\\:"
      case "." where index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www":
        out += "\\."
      default: out.append(character)
      }
    }
    return out
  }

  static func random(_ pool: [String], _ count: Int, _ generator: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...count, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
  }

  @Test func wrappingIsUnchanged() {
    var generator = SeededGenerator(seed: 31)
    let ascii = [
      " ", " ", " ", "a", "W", ".", "-", "\n", "1", "~", "supercalifragilistic", String(repeating: "z", count: 90),
    ]
    let mixed = ascii + ["é", "中", "\u{301}", "👍", "\t", "\r\n", "\u{7F}"]
    for round in 0..<20_000 {
      let text = Self.random(round % 2 == 0 ? ascii : mixed, 40, &generator)
      let width = [76, 68, 20, 5, 1, 0].randomElement(using: &generator)!
      let indent = ["", "    ", "     ", "x", "é"].randomElement(using: &generator)!
      #expect(
        TextWrapper.wrap(text, width: width, hangingIndent: indent)
          == Self.referenceWrap(text, width: width, hangingIndent: indent),
        "\(width) \(indent) \(text.debugDescription)")
    }
  }

  @Test func escapingIsUnchanged() {
    var generator = SeededGenerator(seed: 32)
    let ascii = [
      "a", "w", "W", ".", ":", "/", "<", ">", "&", "\\", "`", "*", "_", "[", "]", "#", "|", "~", "@", " ", "x",
    ]
    let mixed = ascii + ["é", "\u{1B}[31m", "\t", "\u{301}", "中", "\u{200B}"]
    for round in 0..<20_000 {
      let text = Self.random(round % 3 == 0 ? mixed : ascii, 30, &generator)
      #expect(MarkdownLetter.escape(text) == Self.referenceEscape(text), "\(text.debugDescription)")
    }
  }

  @Test func rejectionsAreCountedOnceEach() {
    // The first answer is not a choice, and its words are echoed in the
    // reason: each rejected answer still counts once.
    let bundle = TestSeeds.bundle
    let first = bundle.interview.questions[0]
    let echoed = InterviewDriver.rejectionMarker
    let sink = StringSink()
    let driver = InterviewDriver(
      session: InterviewSession(seeds: bundle, voice: .patient, today: TestSeeds.today),
      input: ScriptedLines([echoed, "", "zzz"]), output: sink,
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    _ = driver.run()
    #expect(first.type != .text)
    #expect(driver.rejections == 3)
    #expect(sink.text.components(separatedBy: "\n" + echoed).count - 1 == driver.rejections)
  }

  @Test func phraseSearchIsFoundationsAnswer() {
    var generator = SeededGenerator(seed: 34)
    let pool = [
      "kill", "Kill", "KILL", " ", "my", "self", "myself", "é", "É", "\u{0}", "x", "harm", "-", "ı", "İ", "ß",
    ]
    let phraseSets: [[String]] = [
      ["kill myself", "self-harm", "harm"], ["KILL", "é"], ["", "x"], ["ß", "ss"], ["\u{0}"], ["İ", "i̇"],
      ["killmyself"],
    ]
    for round in 0..<20_000 {
      let text = Self.random(pool, 10, &generator)
      let phrases = phraseSets[round % phraseSets.count]
      let reference = phrases.contains { !$0.isEmpty && text.lowercased().contains($0.lowercased()) }
      #expect(PhraseSet(phrases).isMentioned(in: text) == reference, "\(text.debugDescription) \(phrases)")
    }
  }

  @Test func choiceAnswersSplitAsTheGeneralPathSplitsThem() {
    var generator = SeededGenerator(seed: 35)
    let pool = ["1", "2", " ", " ", "\t", ",", ";", "and", "AND", "And", "ab", "x y", "10", "\r", "é"]
    for _ in 0..<20_000 {
      let text = Self.random(pool, 10, &generator)
      guard let quick = ChoiceMatcher.splitASCII(text) else {
        #expect(text.utf8.contains { $0 >= 0x80 || $0 == 0x0D }, "\(text.debugDescription)")
        continue
      }
      let parts = text.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      let words = text.split(whereSeparator: { " ,;".contains($0) }).map(String.init).filter {
        $0.lowercased() != "and"
      }
      #expect(quick.parts == parts, "\(text.debugDescription)")
      #expect(quick.words == words, "\(text.debugDescription)")
    }
  }

  @Test func foldingIsUnchanged() {
    var generator = SeededGenerator(seed: 36)
    let pool = ["a", "B", " ", " ", ".", "!", "’", "don", "t", "é", "1", "?"]
    for _ in 0..<20_000 {
      let text = Self.random(pool, 8, &generator)
      #expect(AnswerWords.fold(text) == Self.referenceFold(text), "\(text.debugDescription)")
    }
  }

  /// `AnswerWords.fold` as it was before its shortcut for folded text.
  static func referenceFold(_ text: String) -> String {
    var lower = Array(text.lowercased().utf8)
    var index = 0
    while index + 2 < lower.count {
      if lower[index] == 0xE2, lower[index + 1] == 0x80, lower[index + 2] == 0x99 {
        lower.replaceSubrange(index..<(index + 3), with: [0x27])
      }
      index += 1
    }
    let words = String(decoding: lower, as: UTF8.self).split(separator: " ").joined(separator: " ")
    var trimmed = Substring(words)
    while let first = trimmed.first, first == "." || first == "!" { trimmed.removeFirst() }
    while let last = trimmed.last, last == "." || last == "!" { trimmed.removeLast() }
    return String(trimmed)
  }

  @Test func answerSetsAreEqualOnlyWithTheSameAnswersInTheSameOrder() {
    let a = Answer(questionID: "a", typed: "yes", value: .bool(true))
    let b = Answer(questionID: "b", typed: "no", value: .bool(false))
    var first = AnswerSet()
    first.set(a)
    first.set(b)
    var second = AnswerSet()
    second.set(b)
    second.set(a)
    #expect(first != second)
    second.remove("b")
    second.set(b)
    #expect(first == second)
    first.remove("a")
    #expect(first.all.map(\.questionID) == ["b"])
    #expect(first["b"] == b && first["a"] == nil)
    first.set(Answer(questionID: "b", typed: "yes", value: .bool(true)))
    #expect(first.all.count == 1 && first.state(of: "b") == .answered)
  }
}
