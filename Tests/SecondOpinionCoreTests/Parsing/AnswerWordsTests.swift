import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The answer words (yes, no, not sure, prefer not to say, skip) are data in
/// seeds/interview.yaml (`words:`), read by the parser from the seeds.
@Suite("Answer words from the seeds")
struct AnswerWordsTests {
  let words = TestSeeds.bundle.interview.answerWords

  /// The words that were hard-coded in AnswerWords.swift before they moved to
  /// the seeds: every one still means what it meant.
  @Test func theSeedsHoldEveryWordThatWasHardCoded() {
    #expect(
      words.unknown == [
        "not sure", "notsure", "unsure", "don't know", "dont know", "do not know", "i don't know",
        "i dont know", "unknown", "no idea", "not known", "dunno",
      ])
    #expect(
      words.declined == [
        "prefer not to say", "prefer not", "rather not say", "i'd rather not say", "decline",
        "declined", "no comment",
      ])
    #expect(
      words.yes == [
        "y", "yes", "yeah", "yep", "yup", "aye", "true", "correct", "yes please", "i do", "it is",
        "they do", "ok", "okay", "sure",
      ])
    #expect(
      words.no == [
        "n", "no", "nope", "nah", "false", "no thanks", "not really", "i don't", "i dont", "they don't",
        "it isn't", "never",
      ])
    #expect(words.skip == ["none", "skip", "nothing", "no more", "n/a", "na"])
  }

  @Test func theParserReadsTheSeedsWords() throws {
    var seeds = EditedSeeds()
    seeds.replace("  \"yes\": [\"yes\", \"y\",", with: "  \"yes\": [\"ja\", \"yes\", \"y\",")
    let edited = try seeds.bundle()
    let parser = AnswerParser(voice: .patient, today: TestSeeds.today, definition: edited.interview)
    let consent = try #require(edited.interview.question("consent_share"))
    #expect(try parser.parse("JA", for: consent).get() == .bool(true))
    let before = AnswerParser(
      voice: .patient, today: TestSeeds.today, words: words, wording: TestSeeds.bundle.interview.wording)
    #expect((try? before.parse("ja", for: consent).get()) == nil)
  }

  @Test func aParserWithoutWordsRefusesRatherThanGuesses() throws {
    let parser = AnswerParser(voice: .patient, today: TestSeeds.today, wording: TestSeeds.bundle.interview.wording)
    let consent = try #require(TestSeeds.bundle.interview.question("consent_share"))
    #expect((try? parser.parse("yes", for: consent).get()) == nil)
    #expect((try? parser.parse("no", for: consent).get()) == nil)
  }

  @Test func wordsAreFoldedAsTypedAnswersAre() {
    let custom = AnswerWords(yes: ["Yes Please", "I DON’T MIND"])
    #expect(custom.yes == ["yes please", "i don't mind"])
  }

  @Test func seedsWithoutWordsAreRefused() throws {
    var seeds = EditedSeeds()
    seeds.replace("\nwords:\n", with: "\nunusedWords:\n")
    #expect(throws: SeedError.self) { try seeds.bundle() }
    do {
      _ = try seeds.bundle()
    } catch let error as SeedError {
      #expect(error.message.contains("`words:` is missing"))
    }
  }

  @Test func aWordInTwoListsIsRefused() throws {
    var seeds = EditedSeeds()
    let line = seeds.replace("  \"no\": [\"no\", \"n\",", with: "  \"no\": [\"yes\", \"no\", \"n\",")
    do {
      _ = try seeds.bundle()
      Issue.record("a word in both yes and no was accepted")
    } catch let error as SeedError {
      #expect(error.message == "the word \"yes\" is in both `words.yes` and `words.no`: it would mean two things")
      #expect(error.file == SeedLoader.interviewFile)
      #expect(error.line != nil && error.line! < line)
    }
  }

  @Test func anEmptyListIsRefused() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "  preferNotToSay: [\"prefer not to say\", \"prefer not\", \"rather not say\", \"i'd rather not say\", \"decline\",\n    \"declined\", \"no comment\"]",
      with: "  preferNotToSay: []")
    do {
      _ = try seeds.bundle()
      Issue.record("an empty list was accepted")
    } catch let error as SeedError {
      #expect(error.message == "`words.preferNotToSay` has no words")
    }
  }

  @Test func anEmergencyFollowUpNamingAnUnknownQuestionIsRefused() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "  receptionist: [caller_relationship, callback_number, full_name]",
      with: "  receptionist: [caller_relationship, call_back]")
    do {
      _ = try seeds.bundle()
      Issue.record("an unknown follow-up question was accepted")
    } catch let error as SeedError {
      #expect(
        error.message == "`afterEmergency.receptionist` names question `call_back`, which the interview does not have")
    }
  }
}
