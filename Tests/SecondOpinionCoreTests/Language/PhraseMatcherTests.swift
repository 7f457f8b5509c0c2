import Testing

@testable import SecondOpinionCore

@Suite("Phrase matcher")
struct PhraseMatcherTests {
  static let grammar = PhraseGrammar(
    language: "en", spellings: ["kil": "kill", "wanna": "want to"],
    classes: [
      "self": ["myself", "my self", "himself"], "kill": ["kill", "killing"], "poss": ["my", "his"],
      "end": ["end", "ending"],
      "other": ["someone", "<relation>"], "relation": ["my husband"], "jump": ["jump", "throw <self>"],
    ],
    concepts: [
      PhraseConcept(id: "suicidal", patterns: ["<kill> <self>", "<end> <poss>? own? life", "want ... to die"]),
      PhraseConcept(id: "harm_others", patterns: ["<kill> <other>"]),
      PhraseConcept(id: "leap", patterns: ["<jump> off"]),
      PhraseConcept(id: "cutting", patterns: ["been cutting !down"]),
    ])

  static func concepts(_ text: String) -> [String] { PhraseMatcher(grammar).matches(in: text).map(\.concept) }

  @Test func foldsCaseApostrophesAndPunctuation() {
    let matcher = PhraseMatcher(Self.grammar)
    #expect(matcher.words("I DON'T want-to… go!") == ["i", "dont", "want", "to", "go"])
    #expect(matcher.words("I’m") == ["im"])
  }

  @Test func readsClassesOptionalWordsAndGaps() {
    #expect(Self.concepts("I feel like killing myself") == ["suicidal"])
    #expect(Self.concepts("he wants to end his own life") == ["suicidal"])
    #expect(Self.concepts("thoughts of ending my life") == ["suicidal"])
    #expect(Self.concepts("I want more than anything to die") == ["suicidal"])
    #expect(Self.concepts("i want to go home and have a cup of tea and die") == [])
  }

  @Test func mendsSpellingsAndOneEdit() {
    #expect(Self.concepts("i wanna die") == ["suicidal"])
    #expect(Self.concepts("i want to kil myself") == ["suicidal"])
    #expect(Self.concepts("kill himslf") == ["suicidal"])
    #expect(Self.concepts("kill myslf") == [])  // five letters: too short to mend
  }

  @Test func nestedClassesAndNegativeLookahead() {
    #expect(Self.concepts("thoughts of killing my husband") == ["harm_others"])
    #expect(Self.concepts("I could throw myself off") == ["leap"])
    #expect(Self.concepts("he has been cutting again") == ["cutting"])
    #expect(Self.concepts("we have been cutting down on sugar") == [])
  }

  @Test func idiomsWithoutAReflexiveOrAPersonDoNotMatch() {
    #expect(Self.concepts("my back pain is killing me") == [])
  }

  @Test func oneEditIsOneEdit() {
    #expect(PhraseMatcher.isOneEdit("sucidal", "suicidal"))
    #expect(PhraseMatcher.isOneEdit("suicdial", "suicidal"))
    #expect(PhraseMatcher.isOneEdit("suicidel", "suicidal"))
    #expect(PhraseMatcher.isOneEdit("suicidals", "suicidal"))
    #expect(!PhraseMatcher.isOneEdit("suicidal", "suicidal"))
    #expect(!PhraseMatcher.isOneEdit("scidl", "suicidal"))
  }

  @Test func reportsUndefinedClasses() {
    let broken = PhraseGrammar(
      language: "en", classes: [:], concepts: [PhraseConcept(id: "x", patterns: ["<nothing> here", "..."])])
    let problems = PhraseMatcher.problems(broken).map(\.message)
    #expect(problems.contains { $0.contains("<nothing>") })
    #expect(problems.contains { $0.contains("can match nothing") })
  }
}
