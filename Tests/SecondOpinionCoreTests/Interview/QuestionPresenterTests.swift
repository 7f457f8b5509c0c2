import SecondOpinionTestSupport
import Testing

@testable import SecondOpinionCore

/// One presenter for both layouts: on a screen the choices are indented and
/// wrapped; in the accessible mode each choice is one line starting with its
/// number, nothing is wrapped, and the text and hint are the same words.
@Suite("Question presenter")
struct QuestionPresenterTests {
  static let redFlags = TestSeeds.bundle.interview.question("red_flags")!

  func lines(_ accessible: Bool, width: Int) -> [Substring] {
    QuestionPresenter(
      question: Self.redFlags, voice: .patient, definition: TestSeeds.bundle.interview, accessible: accessible
    ).render(width: width).split(separator: "\n")
  }

  @Test func accessibleChoicesAreOneLineEachNumberFirst() {
    let shown = lines(true, width: 30)
    let choices = Self.redFlags.choices ?? []
    let choiceLines = shown.filter { $0.first?.isNumber == true }
    #expect(choiceLines.count == choices.count)
    for (index, choice) in choices.enumerated() {
      #expect(choiceLines[index] == "\(index + 1). \(choice.label.text(for: .patient))")
    }
    // Nothing wrapped: the question's text, each choice and the hint, one line each.
    #expect(shown.count == 1 + choices.count + 1)
    #expect(shown.first.map(String.init) == Self.redFlags.text.text(for: .patient))
    #expect(shown.last?.hasPrefix("(") == true && shown.last?.hasSuffix(")") == true)
  }

  @Test func onAScreenChoicesAreIndentedAndWrapped() {
    let shown = lines(false, width: 30)
    #expect(shown.contains("  1. Chest pain or pressure"))
    #expect(shown.allSatisfy { TextWrapper.columns($0) <= 30 })
    #expect(shown.count > 1 + (Self.redFlags.choices ?? []).count + 1)
  }

  @Test func bothLayoutsSayTheSameWords() {
    let words = { (accessible: Bool) in lines(accessible, width: 30).joined(separator: " ").split(separator: " ") }
    #expect(words(true) == words(false))
  }
}
