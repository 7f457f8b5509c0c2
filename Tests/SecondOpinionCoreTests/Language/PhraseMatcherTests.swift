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

  /// A Welsh-like grammar with its own folding: apostrophes split words,
  /// accents dropped, a spelling of two words.
  static let welsh = PhraseGrammar(
    language: "cy", spellings: ["isho": "isio", "nac oes": "na", "dwin": "dwi n"],
    classes: ["self": ["fy hun", "ei hun"], "kill": ["lladd", "ladd"], "want": ["isio", "eisiau"]],
    concepts: [
      PhraseConcept(id: "suicidal", patterns: ["<kill> <self>", "<want> marw", "sôn am farw"]),
      PhraseConcept(id: "none", patterns: ["na"]),
      PhraseConcept(id: "harm_others", patterns: ["brifo r babi"]),
    ], splitApostrophes: true, foldAccents: true)

  @Test func aGrammarFoldsWithItsOwnSettings() {
    let matcher = PhraseMatcher(Self.welsh)
    #expect(matcher.words("Dwi'n sôn") == ["dwi", "n", "son"])
    #expect(matcher.words("dwin isho") == ["dwi", "n", "isio"])
    #expect(matcher.words("Nac oes, diolch") == ["na", "diolch"])
    #expect(matcher.matches(in: "mae o wedi son am farw").map(\.concept) == ["suicidal"])
    #expect(matcher.matches(in: "eisiau brifo’r babi").map(\.concept) == ["harm_others"])
    // English keeps dropping apostrophes and accents.
    #expect(PhraseMatcher(Self.grammar).words("don't sôn") == ["dont", "sôn"])
  }

  @Test func severalGrammarsAreEachReadWithTheirOwnSpellings() {
    let both = PhraseMatcher([Self.welsh, Self.grammar])
    #expect(both.grammar.language == "cy")
    #expect(both.grammars.map(\.language) == ["cy", "en"])
    #expect(both.matches(in: "dwi isho lladd fy hun").map(\.concept) == ["suicidal"])
    #expect(both.matches(in: "i wanna kil myself").map(\.concept) == ["suicidal"])
    // "kil" is an English spelling only, "isho" a Welsh one.
    #expect(PhraseMatcher(Self.welsh).matches(in: "kil fy hun").isEmpty)
    #expect(PhraseMatcher(Self.grammar).matches(in: "isho marw").isEmpty)
    // A concept found by either, each once, the first grammar's first.
    #expect(
      both.matches(in: "isio marw, want to die, thoughts of killing my husband").map(\.concept) == [
        "suicidal", "harm_others",
      ])
    #expect(both.matches(in: "isio marw").first?.words == "isio marw")
    #expect(both.matches(in: "a day out").isEmpty)
  }

  @Test func oneGrammarIsTheOneElementCase() {
    for text in ["I feel like killing myself", "thoughts of killing my husband", "we have been cutting down"] {
      #expect(PhraseMatcher(Self.grammar).matches(in: text) == PhraseMatcher([Self.grammar]).matches(in: text))
    }
  }
}
