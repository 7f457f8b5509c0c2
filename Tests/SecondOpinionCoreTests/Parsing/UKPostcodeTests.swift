import SecondOpinionCore
import Testing

@Suite("Postcodes")
struct UKPostcodeTests {
  @Test(arguments: [
    ("sw1a1aa", "SW1A 1AA"), ("M1 1AE", "M1 1AE"), ("b33 8th", "B33 8TH"), ("CR2 6XH", "CR2 6XH"),
    ("DN55 1PT", "DN55 1PT"), ("LS1  4AP", "LS1 4AP"),
  ])
  func normalisesPostcodes(_ text: String, _ expected: String) {
    #expect(UKPostcode.normalise(text) == expected)
  }

  @Test(arguments: ["12345", "SW1A", "SW1A 1A", "SW1A 1AAA", "S\u{0430}1 1AA", "W1A 1A1", "ABC1 1AA"])
  func rejectsPostcodesOfTheWrongShape(_ text: String) {
    #expect(UKPostcode.normalise(text) == nil)
  }
}
