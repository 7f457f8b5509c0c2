import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The kiosk's own screens are worded in seeds/interview.yaml (`wording:`),
/// where a translator or a clinician changes them, not in Swift.
@Suite("Kiosk wording")
struct KioskWordingTests {
  @Test func everyKioskScreenIsWordedInTheSeeds() {
    let keys = [
      "kioskWelcome", "kioskStart", "kioskThanks", "kioskFinish", "kioskWaitForStaff", "kioskStartAgain",
      "kioskStartAgainRefused", "kioskNotSaved",
    ]
    for key in keys {
      #expect(TestSeeds.bundle.interview.say(key, .patient, fallback: "") != "", "\(key)")
    }
  }
}
