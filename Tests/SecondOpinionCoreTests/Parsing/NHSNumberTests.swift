import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("NHS number")
struct NHSNumberTests {
  @Test(arguments: ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
  func acceptsValidNumbers(_ text: String) {
    guard case .valid(let digits) = NHSNumber.check(text) else {
      Issue.record("rejected \(text)")
      return
    }
    #expect(digits.count == 10)
  }

  @Test(arguments: [
    ("9434765910", "check digit"), ("943476591", "10 digits"), ("94347659199", "10 digits"),
    ("94347A5919", "digits only"), ("", "10 digits"),
  ])
  func rejectsInvalidNumbersWithAReason(_ text: String, _ reason: String) {
    guard case .invalid(let message) = NHSNumber.check(text) else {
      Issue.record("accepted \(text)")
      return
    }
    #expect(TestSeeds.reason(message).contains(reason))
  }

  @Test func aCheckDigitOfTenIsNeverValid() {
    // 000000001x: weights give a remainder that needs check digit 10 for some prefixes.
    var rejectedTen = false
    for prefix in 100_000_000..<100_000_200 {
      let digits = String(prefix)
      let sum = digits.enumerated().reduce(0) { $0 + Int(String($1.element))! * (10 - $1.offset) }
      if 11 - sum % 11 == 10 {
        for last in 0...9 {
          if case .valid = NHSNumber.check(digits + String(last)) { Issue.record("accepted \(digits)\(last)") }
        }
        rejectedTen = true
      }
    }
    #expect(rejectedTen)
  }

  @Test func displaysInThreeGroups() {
    #expect(NHSNumber.display("9434765919") == "943 476 5919")
  }
}
