import SecondOpinionCore
import Testing

@Suite("Phone numbers")
struct UKPhoneTests {
  @Test(arguments: [
    ("07700 900123", "07700900123"), ("+44 7700 900123", "07700900123"), ("(020) 7946 0000", "02079460000"),
    ("0044 113 496 0000", "01134960000"), ("+44 (0)20 7946 0000", "02079460000"),
  ])
  func normalisesPhones(_ text: String, _ expected: String) {
    #expect(UKPhone.normalise(text) == expected)
  }

  @Test(arguments: ["123", "7700900123", "+1 202 555 0100", "0770090012x", "00000000000", "077009001234"])
  func rejectsPhonesOfTheWrongShape(_ text: String) {
    #expect(UKPhone.normalise(text) == nil)
  }

  @Test func displaysPhonesGrouped() {
    #expect(UKPhone.display("07700900123") == "07700 900123")
    #expect(UKPhone.display("02079460000") == "020 7946 0000")
  }
}
