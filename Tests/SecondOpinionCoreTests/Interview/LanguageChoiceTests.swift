import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The kiosk's welcome offers each language in its own words.
@Suite("Choosing a language")
struct LanguageChoiceTests {
  let choice = LanguageChoice(seeds: TestSeeds.languages, codes: ["cy", "en"])

  /// A number, the start of a name in the language or in English, the code,
  /// or Enter alone (the first offered) picks a language; anything else none.
  @Test(
    arguments: [
      ("", "cy"), ("1", "cy"), ("2", "en"), ("Cymraeg", "cy"), ("cym", "cy"), ("welsh", "cy"), ("English", "en"),
      ("eng", "en"), ("saesneg", nil), ("3", nil), ("x", nil), ("cy", "cy"),
    ] as [(String, String?)])
  func anAnswerPicksALanguage(typed: String, expected: String?) {
    #expect(choice.choice(typed) == expected)
  }

  /// The screen has the welcome in both languages and a line for each.
  @Test func theScreenIsInBothLanguages() {
    let screen = choice.text(width: 80)
    let welsh = TestSeeds.speaking("cy").interview.say(.kioskWelcome, .patient)
    let english = TestSeeds.languages.interview.say(.kioskWelcome, .patient)
    #expect(screen.replacingOccurrences(of: "\n", with: " ").contains(welsh.prefix(30)))
    #expect(screen.replacingOccurrences(of: "\n", with: " ").contains(english.prefix(30)))
    #expect(screen.contains("1. Cymraeg: teipiwch 1"))
    #expect(screen.contains("2. English: type 2"))
  }

  /// With one language there is no choice: the welcome and "press Enter".
  @Test func oneLanguageAsksOnlyForEnter() {
    let screen = LanguageChoice(seeds: TestSeeds.languages, codes: ["en"]).text(width: 80)
    #expect(!screen.contains("1. English"))
    // Any line starts it, as before there was a choice.
    #expect(LanguageChoice(seeds: TestSeeds.languages, codes: ["en"]).choice("anything") == "en")
    #expect(screen.contains(TestSeeds.languages.interview.say(.kioskStart, .patient)))
  }
}
