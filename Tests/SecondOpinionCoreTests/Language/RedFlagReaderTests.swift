import Testing

@testable import SecondOpinionCore

/// The red-flag reader built from several languages: the words are read with
/// every grammar, and flags win over doubt, doubt over none.
@Suite("Red-flag reader")
struct RedFlagReaderTests {
  static func grammar(_ language: String, _ concepts: [String: [String]], borrowed: [String: String]? = nil)
    -> PhraseGrammar
  {
    PhraseGrammar(
      language: language, classes: [:],
      concepts: concepts.sorted { $0.key < $1.key }.map { PhraseConcept(id: $0.key, patterns: $0.value) },
      borrowed: borrowed, splitApostrophes: language == "cy" ? true : nil)
  }

  static let welshFlags = grammar(
    "cy", ["chest_pain": ["poen yn y frest"], "not_sure": ["ddim yn siwr"], "none": ["na", "dim"]],
    borrowed: ["suicidal": "suicidal_thoughts"])
  static let englishFlags = grammar(
    "en", ["breathing": ["cant breathe"], "not_sure": ["maybe", "y"], "none": ["no", "nothing"]],
    borrowed: ["suicidal": "suicidal_thoughts", "harm_others": "harm_others"])
  static let welshCrisis = grammar("cy", ["suicidal": ["isio marw"]])
  static let englishCrisis = grammar("en", ["suicidal": ["want to die"], "harm_others": ["kill him"]])

  static let both = RedFlagReader(redFlags: [welshFlags, englishFlags], crisis: [welshCrisis, englishCrisis])

  @Test func flagsFromEitherLanguageAreFound() {
    #expect(Self.both.read("poen yn y frest") == .flags(confirm: ["chest_pain"], certain: []))
    #expect(Self.both.read("cant breathe") == .flags(confirm: ["breathing"], certain: []))
    #expect(
      Self.both.read("poen yn y frest and i cant breathe") == .flags(confirm: ["chest_pain", "breathing"], certain: []))
    #expect(Self.both.read("dwi isio marw") == .flags(confirm: [], certain: ["suicidal_thoughts"]))
    // Borrowed by the English red-flag grammar only, read in a Welsh session.
    #expect(Self.both.read("i could kill him") == .flags(confirm: [], certain: ["harm_others"]))
  }

  @Test func flagsWinOverDoubtAndDoubtOverNoneAcrossLanguages() {
    // Welsh none, English flag: the flag.
    #expect(Self.both.read("na, but i cant breathe") == .flags(confirm: ["breathing"], certain: []))
    // Welsh doubt, English none: doubt.
    #expect(Self.both.read("no... ddim yn siwr") == .unsure)
    // Welsh none, English doubt: doubt.
    #expect(Self.both.read("dim, maybe") == .unsure)
    // None only when no grammar finds a flag or doubt.
    #expect(Self.both.read("dim") == .none)
    #expect(Self.both.read("nothing") == .none)
    #expect(Self.both.read("bore da") == .unrecognised)
  }

  @Test func oneLanguageIsTheOneElementCase() {
    let one = RedFlagReader(redFlags: Self.englishFlags, crisis: Self.englishCrisis)
    let list = RedFlagReader(redFlags: [Self.englishFlags], crisis: [Self.englishCrisis])
    for text in ["cant breathe", "maybe", "no", "want to die", "poen yn y frest", "bore da"] {
      #expect(one.read(text) == list.read(text))
    }
    #expect(one.read("poen frest") == .unrecognised)
    #expect(Self.both.grammars.map(\.language) == ["cy", "en"])
  }
}
