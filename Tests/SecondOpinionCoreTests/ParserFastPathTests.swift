import Foundation
import Testing

@testable import SecondOpinionCore

/// The parsers' fast paths (printable ASCII read as bytes, answers settled
/// without splitting) give exactly what their general code gives: the general
/// code is kept here as it was, and both run on random text.
@Suite("Parser fast paths")
struct ParserFastPathTests {
  static func random(_ pool: [String], _ count: Int, _ generator: inout SeededGenerator) -> String {
    FastPathTests.random(pool, count, &generator)
  }

  /// `NHSNumber.check` as it was, on characters.
  static func referenceNHS(_ text: String) -> NHSNumber.Outcome {
    let compact = text.filter { $0 != " " && $0 != "-" }
    guard compact.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .invalid("an NHS number has digits only") }
    guard compact.count == 10 else { return .invalid("an NHS number has 10 digits, and this has \(compact.count)") }
    let digits = compact.compactMap { $0.wholeNumberValue }
    let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
    var check = 11 - sum % 11
    if check == 11 { check = 0 }
    guard check != 10, check == digits[9] else {
      return .invalid("the last digit does not match the others (the check digit is wrong); please check the number")
    }
    return .valid(compact)
  }

  /// `UKPostcode.normalise` as it was.
  static func referencePostcode(_ text: String) -> String? {
    let compact = text.uppercased().filter { $0 != " " }
    guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
    else { return nil }
    let inward = Array(compact.suffix(3))
    let outward = compact.dropLast(3)
    guard inward[0].isNumber, inward[1].isLetter, inward[2].isLetter else { return nil }
    let shape = String(outward.map { $0.isLetter ? "A" : "9" })
    guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { return nil }
    return String(outward) + " " + String(inward)
  }

  /// `UKPhone.normalise` and `display` as they were.
  static func referencePhone(_ text: String) -> String? {
    var compact = text.filter { !" -()".contains($0) }
    if compact.hasPrefix("+44") {
      compact = "0" + compact.dropFirst(3).drop { $0 == "0" }
    } else if compact.hasPrefix("0044") {
      compact = "0" + compact.dropFirst(4).drop { $0 == "0" }
    }
    guard compact.allSatisfy({ $0.isASCII && $0.isNumber }), compact.hasPrefix("0"), !compact.hasPrefix("00")
    else { return nil }
    guard compact.count == 11 || (compact.count == 10 && compact.hasPrefix("01")) else { return nil }
    return compact
  }

  static func referencePhoneDisplay(_ digits: String) -> String {
    let c = Array(digits)
    guard c.count == 11 else { return digits }
    if digits.hasPrefix("02") { return String(c[0..<3]) + " " + String(c[3..<7]) + " " + String(c[7...]) }
    if digits.hasPrefix("011") || digits.hasPrefix("01") && c[3] == "1" {
      return String(c[0..<4]) + " " + String(c[4..<7]) + " " + String(c[7...])
    }
    return String(c[0..<5]) + " " + String(c[5...])
  }

  static func referenceNHSDisplay(_ digits: String) -> String {
    guard digits.count == 10 else { return digits }
    let chars = Array(digits)
    return String(chars[0..<3]) + " " + String(chars[3..<6]) + " " + String(chars[6..<10])
  }

  /// `CalendarDate.components` as it was, splitting at hyphens.
  static func referenceComponents(_ iso: String) -> (year: Int, month: Int, day: Int)? {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      CalendarDate.isReal(year: year, month: month, day: day)
    else { return nil }
    return (year, month, day)
  }

  @Test func nhsNumbersAreCheckedAsBefore() {
    var generator = SeededGenerator(seed: 41)
    let pool = ["9", "4", "3", "4", "7", "6", "5", "1", "0", " ", "-", "x", "é", "٣", "\u{301}", "+"]
    for round in 0..<20_000 {
      let text = round % 5 == 0 ? "943 476 5919" + Self.random(pool, 2, &generator) : Self.random(pool, 14, &generator)
      #expect(NHSNumber.check(text) == Self.referenceNHS(text), "\(text.debugDescription)")
      #expect(NHSNumber.display(text) == Self.referenceNHSDisplay(text), "\(text.debugDescription)")
    }
  }

  @Test func postcodesAreNormalisedAsBefore() {
    var generator = SeededGenerator(seed: 42)
    let pool = ["S", "w", "1", "A", "a", " ", "9", "Z", "é", "ß", "-", "0", "W1A", "1AA"]
    for _ in 0..<20_000 {
      let text = Self.random(pool, 9, &generator)
      #expect(UKPostcode.normalise(text) == Self.referencePostcode(text), "\(text.debugDescription)")
    }
  }

  @Test func phonesAreNormalisedAndShownAsBefore() {
    var generator = SeededGenerator(seed: 43)
    let pool = ["0", "1", "2", "7", "9", "+44", "0044", " ", "-", "(", ")", "x", "٣", "00"]
    for _ in 0..<20_000 {
      let text = Self.random(pool, 13, &generator)
      #expect(UKPhone.normalise(text) == Self.referencePhone(text), "\(text.debugDescription)")
      #expect(UKPhone.display(text) == Self.referencePhoneDisplay(text), "\(text.debugDescription)")
    }
  }

  @Test func datesAreReadIntoTheSameWords() {
    var generator = SeededGenerator(seed: 44)
    let pool = ["25", "/", "-", ".", ",", " ", "Nov", "NOVEMBER", "1970", "70", "\t", "é", "Today", "x"]
    for _ in 0..<20_000 {
      let text = Self.random(pool, 8, &generator)
      let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
      let tokens = trimmed.split(whereSeparator: { " /-.,".contains($0) }).map(String.init)
      let words = UKDateParser.words(text)
      #expect(words.trimmed == trimmed && words.tokens == tokens, "\(text.debugDescription)")
    }
  }

  @Test func isoDatesAreReadAsBefore() {
    var generator = SeededGenerator(seed: 45)
    let pool = ["2026", "1582", "0099", "+123", "-", "11", "02", "29", "30", "31", "1", "x", "٢"]
    for _ in 0..<20_000 {
      let text = Self.random(pool, 5, &generator)
      let quick = CalendarDate.components(text)
      let reference = Self.referenceComponents(text)
      #expect(
        quick?.year == reference?.year && quick?.month == reference?.month && quick?.day == reference?.day,
        "\(text.debugDescription)")
    }
  }

  @Test func namesAreAcceptedAsBefore() throws {
    let question = try #require(TestSeeds.bundle.interview.questions.first { $0.format == .name })
    let parser = AnswerParser(voice: .patient, today: TestSeeds.today)
    var generator = SeededGenerator(seed: 46)
    let pool = ["Sam", " ", "-", "'", ".", "’", "O", "é", "1", "_", "Ł", "\u{301}"]
    for _ in 0..<20_000 {
      let text = TextSanitizer.clean(Self.random(pool, 6, &generator))
      guard !text.isEmpty, !AnswerWords.mayBeSpecial(AnswerWords.fold(text)) else { continue }
      let allowed = text.allSatisfy { $0.isLetter || " -'.’".contains($0) } && text.contains(where: \.isLetter)
      let accepted: Bool
      if case .success = parser.parse(text, for: question) { accepted = true } else { accepted = false }
      #expect(accepted == allowed, "\(text.debugDescription)")
    }
  }

  @Test func everySpecialWordMayBeSpecial() {
    for word in AnswerWords.unknown.union(AnswerWords.declined).union(AnswerWords.skip) {
      #expect(AnswerWords.mayBeSpecial(word), "\(word)")
    }
    #expect(!AnswerWords.mayBeSpecial("2"))
    #expect(!AnswerWords.mayBeSpecial(String(repeating: "n", count: 40)))
  }
}
