import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The kiosk's own screens are worded in seeds/interview.yaml (`wording:`),
/// where a translator or a clinician changes them, not in Swift.
@Suite("Kiosk wording")
struct KioskWordingTests {
  @Test func everyKioskScreenIsWordedInTheSeeds() {
    let keys: [InterfaceWording] = [
      .kioskWelcome, .kioskStart, .kioskThanks, .kioskFinish, .kioskWaitForStaff, .kioskStartAgain,
      .kioskStartAgainRefused, .kioskNotSaved, .kioskIdleCountdown,
    ]
    for key in keys {
      let text = TestSeeds.bundle.interview.say(key, .patient)
      #expect(!text.isEmpty && text != key.rawValue, "\(key)")
    }
  }
}
