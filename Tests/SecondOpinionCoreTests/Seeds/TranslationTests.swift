import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// A translation folder: its files merge, each key once, and the bundle
/// speaks the language with the same questions, conditions and order.
@Suite("Translations")
struct TranslationTests {
  /// Two files of one folder merge; a question's file and line are kept.
  @Test func filesOfAFolderMerge() throws {
    let translation = try SeedLoader.translation(
      code: "cy",
      files: [
        ("languages/cy/a.yaml", "language: cy\nname: Cymraeg\nquestions:\n  full_name:\n    label: \"Enw llawn\"\n"),
        (
          "languages/cy/b.yaml",
          "language: cy\nwording:\n  reviewTitle: \"Gwiriwch\"\nwords:\n  yes: [ie]\n  no: [na]\n  notSure: [ddim yn siwr]\n  preferNotToSay: [gwell peidio]\n  skip: [dim]\n"
        ),
      ])
    #expect(translation.name == "Cymraeg")
    #expect(translation.questions?["full_name"]?.label == "Enw llawn")
    #expect(translation.questions?["full_name"]?.file == "languages/cy/a.yaml")
    #expect(translation.questions?["full_name"]?.line == 4)
    // `yes` and `no` are keys, not booleans, in a merged map.
    #expect(translation.words?.yes == ["ie"])
    #expect(translation.words?.no == ["na"])
    #expect(translation.files == ["languages/cy/a.yaml", "languages/cy/b.yaml"])
  }

  /// A key given in two files is refused, naming both places.
  @Test func aKeyTranslatedTwiceIsRefused() {
    #expect {
      _ = try SeedLoader.translation(
        code: "cy",
        files: [
          ("languages/cy/a.yaml", "language: cy\nquestions:\n  full_name:\n    label: \"Enw\"\n"),
          ("languages/cy/b.yaml", "language: cy\n\nquestions:\n  full_name:\n    label: \"Enw llawn\"\n"),
        ])
    } throws: { error in
      let error = error as? SeedError
      return error?.file == "languages/cy/b.yaml" && error?.line == 4
        && error?.message.contains("also in languages/cy/a.yaml line 3") == true
    }
  }

  /// A file of another language's folder is refused.
  @Test func aFileMustSayItsFoldersLanguage() {
    #expect(throws: SeedError.self) {
      _ = try SeedLoader.translation(code: "cy", files: [("languages/cy/a.yaml", "language: ga\nname: Gaeilge\n")])
    }
  }

  /// In Welsh the interview asks the same questions in the same order, with
  /// the same conditions, choices and ids; only the words differ.
  @Test func welshAsksTheSameQuestions() throws {
    let english = TestSeeds.languages.interview
    let welsh = TestSeeds.speaking("cy").interview
    #expect(welsh.questions.map(\.id) == english.questions.map(\.id))
    #expect(welsh.questions.map(\.when) == english.questions.map(\.when))
    #expect(welsh.questions.map { $0.choices?.map(\.id) } == english.questions.map { $0.choices?.map(\.id) })
    #expect(welsh.stops == english.stops)
    for (cy, en) in zip(welsh.questions, english.questions) {
      #expect(cy.text.text(for: .patient) != en.text.text(for: .patient), "\(cy.id)")
    }
    #expect(welsh.message("emergency_physical")?.kiosk?.contains("999") == true)
    #expect(TestSeeds.speaking("cy").englishInterview.questions.map(\.text) == english.questions.map(\.text))
    #expect(TestSeeds.languages.languages == ["en", "cy"])
    #expect(TestSeeds.languages.name(of: "cy") == "Cymraeg")
    #expect(TestSeeds.languages.englishName(of: "cy") == "Welsh")
  }

  /// Speaking a language the seeds do not have gives nothing; speaking
  /// English again gives the English interview back.
  @Test func speakingSwitchesBothWays() throws {
    #expect(TestSeeds.languages.speaking("ga") == nil)
    let back = try #require(TestSeeds.speaking("cy").speaking("en"))
    #expect(back.language == "en")
    #expect(back.interview.questions.map(\.text) == TestSeeds.languages.interview.questions.map(\.text))
  }
}
