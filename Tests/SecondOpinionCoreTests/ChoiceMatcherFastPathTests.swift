import Foundation
import Testing

@testable import SecondOpinionCore

/// `ChoiceMatcher`'s shortcuts (a number settled at once, one part matched
/// without splitting, a comma-separated answer tried whole only against names
/// with commas) give what it gave before them: its `match` is kept here as it
/// was (matching each part as `ChoiceMatcher.one` does), and both run on
/// random answers to every choice question of the seeds.
@Suite("Choice matcher fast paths")
struct ChoiceMatcherFastPathTests {
  /// `ChoiceMatcher.match` as it was.
  struct Reference {
    let question: Question
    let voice: Voice
    let names: [ChoiceNames]

    init(question: Question, voice: Voice) {
      self.question = question
      self.voice = voice
      names = (question.choices ?? []).map { ChoiceNames($0, voice: voice) }
    }

    func match(_ typed: String) -> Result<AnswerValue, ParseFailure> {
      let parser = AnswerParser(voice: voice, today: "2000-01-01")
      let choices = question.choices ?? []
      var parts = typed.split(whereSeparator: { ",;".contains($0) }).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      let words = typed.split(whereSeparator: { " ,;".contains($0) }).map(String.init).filter {
        $0.lowercased() != "and"
      }
      if words.count > 1, words.allSatisfy({ Int($0) != nil }) { parts = words }
      if parts.count > 1, case .success(let id) = one(typed, choices) {
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
      return .success(.choices(choices.map(\.id).filter(chosen.contains)))
    }

    /// One part, as `ChoiceMatcher` matches it (unchanged by the shortcuts).
    private func one(_ part: String, _ choices: [Choice]) -> Result<String, ParseFailure> {
      ChoiceMatcher.one(part, choices, question: question, voice: voice, names: names)
    }
  }

  @Test func answersMatchAsBefore() {
    var generator = SeededGenerator(seed: 51)
    let questions = TestSeeds.bundle.interview.questions.filter { $0.choices?.isEmpty == false }
    #expect(!questions.isEmpty)
    for question in questions {
      for voice in Voice.allCases {
        let reference = Reference(question: question, voice: voice)
        let names = (question.choices ?? []).map { ChoiceNames($0, voice: voice) }
        // Pieces of the question's own words, so that answers often match.
        var pool = ["1", "2", "3", "12", "0", "007", " ", ",", ";", " and ", "\t", "x", "é", "+1", "Yes,"]
        for name in names.flatMap(\.names) {
          pool.append(name)
          pool.append(String(name.prefix(3)).uppercased())
        }
        for _ in 0..<400 {
          let text = FastPathTests.random(pool, 4, &generator)
          #expect(
            ChoiceMatcher.match(text, question: question, voice: voice, names: names) == reference.match(text),
            "\(question.id) \(voice) \(text.debugDescription)")
        }
      }
    }
  }

  @Test func onePartIsWhatSplittingGives() {
    var generator = SeededGenerator(seed: 52)
    let pool = ["1", "a", "b c", " ", "\t", ",", ";", "and", "é", "\r", "x1"]
    for _ in 0..<20_000 {
      let text = FastPathTests.random(pool, 6, &generator)
      guard let part = ChoiceMatcher.onePart(text) else { continue }
      let split = ChoiceMatcher.splitASCII(text)
      #expect(split?.parts == [part], "\(text.debugDescription)")
      let words = split?.words ?? []
      #expect(!(words.count > 1 && words.allSatisfy { Int($0) != nil }), "\(text.debugDescription)")
    }
  }
}
