import Testing

@testable import SecondOpinionCore

/// The alert's two forms: the `!` frame on a screen, and for a screen reader
/// plain lines that each start with the prefix word.
@Suite("Alert box")
struct AlertBoxTests {
  @Test func plainLinesStartWithThePrefixAndHaveNoFrame() {
    let text = AlertBox.plainLines(
      prefix: "Alert:", title: "Emergency: get help now", body: "Call 999 now.\n\n  Tell   the reception desk.")
    #expect(text == "\nAlert: Emergency: get help now\nAlert: Call 999 now.\nAlert: Tell the reception desk.\n\n")
    #expect(!text.contains("!!"))
  }

  @Test func theFrameIsKeptOnAScreen() {
    let box = AlertBox.render(title: "Emergency", body: "Call 999 now.", width: 40)
    #expect(box.contains("!! EMERGENCY"))
    #expect(box.contains(String(repeating: "!", count: 40)))
  }
}
