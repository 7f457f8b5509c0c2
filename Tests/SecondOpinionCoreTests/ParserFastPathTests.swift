import Foundation
import Testing

@testable import SecondOpinionCore

/// The parsers' fast paths (printable ASCII read as bytes) give exactly what
/// their general code, on characters, gives: both run on random text.
@Suite("Parser fast paths")
struct ParserFastPathTests {
  /// Runs `fast` and `general` on random text made of `pool`, and expects the same.
  static func expectSame<T: Equatable>(
    seed: UInt64, pool: [String], pieces: Int, rounds: Int = 20_000, _ fast: (String) -> T,
    _ general: (String) -> T
  ) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<rounds {
      let text = FastPathTests.random(pool, pieces, &generator)
      #expect(fast(text) == general(text), "\(text.debugDescription)")
    }
  }

  @Test func nhsNumbersAreCheckedAndShownAsOnCharacters() {
    let pool = ["943 476 5919", "9", "4", "3", "7", "6", "5", "1", "0", " ", "-", "x", "é", "٣", "\u{301}", "+"]
    Self.expectSame(seed: 41, pool: pool, pieces: 12, NHSNumber.check, NHSNumber.checkCharacters)
    Self.expectSame(seed: 42, pool: pool, pieces: 12, NHSNumber.display, NHSNumber.displayCharacters)
  }

  @Test func postcodesAreNormalisedAsOnCharacters() {
    let pool = ["S", "w", "1", "A", "a", " ", "9", "Z", "é", "ß", "-", "0", "W1A", "1AA"]
    Self.expectSame(seed: 43, pool: pool, pieces: 9, UKPostcode.normalise, UKPostcode.normaliseCharacters)
  }

  @Test func phonesAreNormalisedAndShownAsOnCharacters() {
    let pool = ["0", "1", "2", "7", "9", "+44", "0044", " ", "-", "(", ")", "x", "٣", "00"]
    Self.expectSame(seed: 44, pool: pool, pieces: 13, UKPhone.normalise, UKPhone.normaliseCharacters)
    Self.expectSame(seed: 45, pool: pool, pieces: 13, UKPhone.display, UKPhone.displayCharacters)
  }

  @Test func datesAreReadIntoTheSameWords() {
    let pool = ["25", "/", "-", ".", ",", " ", "Nov", "NOVEMBER", "1970", "70", "\t", "é", "Today", "x"]
    Self.expectSame(
      seed: 46, pool: pool, pieces: 8,
      { UKDateParser.words($0).trimmed + "|" + UKDateParser.words($0).tokens.joined(separator: "|") },
      {
        UKDateParser.wordsByCharacters($0).trimmed + "|"
          + UKDateParser.wordsByCharacters($0).tokens.joined(separator: "|")
      })
  }

  @Test func isoDatesAreReadAsBySplitting() {
    let pool = ["2026", "1582", "0099", "+123", "-", "11", "02", "29", "30", "31", "1", "x", "٢"]
    func text(_ parts: (year: Int, month: Int, day: Int)?) -> String { parts.map { "\($0)" } ?? "nil" }
    Self.expectSame(
      seed: 47, pool: pool, pieces: 5, { text(CalendarDate.components($0)) }, { text(CalendarDate.splitting($0)) })
  }

  @Test func namesAreAcceptedAsOnCharacters() throws {
    let question = try #require(TestSeeds.bundle.interview.questions.first { $0.format == .name })
    let parser = AnswerParser(voice: .patient, today: TestSeeds.today)
    var generator = SeededGenerator(seed: 48)
    let pool = ["Sam", " ", "-", "'", ".", "’", "O", "é", "1", "_", "Ł", "\u{301}"]
    for _ in 0..<20_000 {
      let text = TextSanitizer.clean(FastPathTests.random(pool, 6, &generator))
      guard !text.isEmpty, !AnswerWords.mayBeSpecial(AnswerWords.fold(text)) else { continue }
      let allowed = text.allSatisfy { $0.isLetter || " -'.’".contains($0) } && text.contains(where: \.isLetter)
      let accepted: Bool
      if case .success = parser.parse(text, for: question) { accepted = true } else { accepted = false }
      #expect(accepted == allowed, "\(text.debugDescription)")
    }
  }

  @Test func whatCannotBeSpecialBeforeFoldingCannotBeAfter() {
    var generator = SeededGenerator(seed: 49)
    let pool = [" ", ".", "!", "n", "N", "o", "t", " sure", "none", "x", "2", "é", "’", "\t", "Prefer", "d"]
    for _ in 0..<20_000 {
      let text = FastPathTests.random(pool, 6, &generator)
      guard let quick = AnswerWords.mayBeSpecialUnfolded(text) else { continue }
      let folded = AnswerWords.fold(text)
      #expect(quick || !AnswerWords.mayBeSpecial(folded), "\(text.debugDescription)")
      #expect(!folded.isEmpty, "\(text.debugDescription)")
    }
  }

  @Test func everySpecialWordMayBeSpecial() {
    for word in AnswerWords.unknown.union(AnswerWords.declined).union(AnswerWords.skip) {
      #expect(AnswerWords.mayBeSpecial(word), "\(word)")
      #expect(AnswerWords.mayBeSpecialUnfolded(word) != false, "\(word)")
      #expect(AnswerWords.mayBeSpecialUnfolded(". " + word.uppercased() + "!") != false, "\(word)")
    }
    #expect(!AnswerWords.mayBeSpecial("2"))
    #expect(!AnswerWords.mayBeSpecial(String(repeating: "n", count: 40)))
  }
}
