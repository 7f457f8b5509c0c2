import Foundation
import SecondOpinionCore

/// Fuzz harness (c): the date, NHS-number, postcode and phone parsers,
/// `TextSanitizer`, and `AnswerParser` for every question of the repository's
/// seeds. When the input's first line is an ISO date it is used as today.
/// Checks: what the parsers accept is well formed and normalising is
/// idempotent; cleaned text has no control characters and cleaning it again
/// changes nothing.
enum ParsersHarness {
  nonisolated(unsafe) static var seeds: SeedBundle?

  static func run(_ input: String) {
    let bundle = seeds ?? FuzzSupport.loadSeeds()
    seeds = bundle
    var today = FuzzSupport.today
    var raw = input
    if let newline = input.firstIndex(of: "\n"), CalendarDate.components(String(input[..<newline])) != nil {
      today = String(input[..<newline])
      raw = String(input[input.index(after: newline)...])
    }
    let text = TextSanitizer.clean(raw)
    FuzzSupport.requireInert(text, newlines: false, "TextSanitizer.clean")
    FuzzSupport.require(TextSanitizer.clean(text) == text, "TextSanitizer.clean is not idempotent")
    FuzzSupport.require(text == text.trimmingCharacters(in: .whitespaces), "TextSanitizer.clean left white space")
    _ = TextSanitizer.hadControls(raw)
    _ = AnswerWords.fold(text)

    let dateWords = bundle.interview.answerWords.dates
    for range in [DateRange.past, .future, .any] {
      for precision in DatePrecision.allCases {
        for candidate in [raw, text] {
          guard
            case .date(let iso) = UKDateParser.parse(
              candidate, today: today, range: range, precision: precision, words: dateWords)
          else { continue }
          // A real date at a precision the question takes, never less precise.
          let typed = DatePrecision.of(iso)
          FuzzSupport.require(typed != nil, "UKDateParser gave \(iso), not an ISO date")
          FuzzSupport.require(
            typed.map { $0 <= max(precision, .day) } ?? false, "UKDateParser gave \(iso) for \(precision)")
          if typed == .day {
            FuzzSupport.require(CalendarDate.components(iso) != nil, "UKDateParser gave \(iso), not a real date")
          }
          _ = CalendarDate.long(iso)
          _ = CalendarDate.days(from: today, to: iso)
          _ = CalendarDate.wholeYears(from: iso, to: today)
        }
      }
    }
    for candidate in [raw, text] {
      if case .valid(let digits) = NHSNumber.check(candidate) {
        FuzzSupport.require(digits.count == 10 && digits.allSatisfy(\.isASCII), "NHSNumber gave \(digits)")
        FuzzSupport.require(NHSNumber.check(NHSNumber.display(digits)) == .valid(digits), "NHS display round trip")
      }
      if let postcode = UKPostcode.normalise(candidate) {
        FuzzSupport.require(UKPostcode.normalise(postcode) == postcode, "UKPostcode is not idempotent: \(postcode)")
      }
      if let phone = UKPhone.normalise(candidate) {
        FuzzSupport.require(UKPhone.normalise(phone) == phone, "UKPhone is not idempotent: \(phone)")
        FuzzSupport.require(UKPhone.normalise(UKPhone.display(phone)) == phone, "UKPhone display round trip")
      }
    }
    let parser = AnswerParser(voice: .patient, today: today, definition: bundle.interview)
    for question in bundle.interview.questions {
      if case .success(let value) = parser.parse(text, for: question) {
        _ = AnswerDisplay.text(value, question: question, voice: .patient, definition: bundle.interview)
      }
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParsers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  ParsersHarness.run(FuzzSupport.text(data, size))
  return 0
}
