/// Everything seeds/ defines: the interview, the triage and the letter layout.
public struct SeedBundle: Sendable {
  /// The interview definition.
  public var interview: InterviewDefinition
  /// The triage definition.
  public var triage: TriageDefinition
  /// The letter layout.
  public var letter: LetterLayout
  /// The crisis grammar (seeds/phrases/crisis.LANG.yaml), read in every
  /// free-text answer; nil when the seeds have none (then `{mentions: ..}`
  /// is unknown, so the check question is always asked).
  public var crisis: PhraseMatcher?
  /// What the red-flag screen understands in a person's own words
  /// (seeds/phrases/red-flags.LANG.yaml with the crisis grammar); nil when
  /// the seeds have no red-flag grammar.
  public var redFlagWords: RedFlagReader?

  /// The language the interview speaks (BCP 47: `en`, `cy`).
  public private(set) var language = Self.english
  /// The interview in English, the base language: the clinician's letter, the
  /// record's labels and displayed answers, and the FHIR export read this,
  /// whatever language the interview speaks.
  public var englishInterview: InterviewDefinition { base ?? interview }
  /// The English interview while another language is spoken.
  private var base: InterviewDefinition?
  /// The other languages, by code (seeds/languages/CODE/).
  public private(set) var translations: [String: Translation] = [:]
  /// Every language's phrase grammars, by code (English under `en`).
  public private(set) var grammars: [String: LanguageGrammars] = [:]

  /// The code of the base language.
  public static let english = "en"

  /// Creates a bundle in English.
  public init(interview: InterviewDefinition, triage: TriageDefinition, letter: LetterLayout) {
    self.interview = interview
    self.triage = triage
    self.letter = letter
  }

  /// The codes of the languages the interview can speak: English first,
  /// then the translations in order of code.
  public var languages: [String] { [Self.english] + translations.keys.sorted() }

  /// A language's own name ("Cymraeg", "English"), for the choice of language.
  public func name(of code: String) -> String {
    if code == Self.english { return englishInterview.languageName ?? "English" }
    return translations[code]?.name ?? code
  }

  /// A language's name in English ("Welsh"), for the letter.
  public func englishName(of code: String) -> String {
    if code == Self.english { return "English" }
    return translations[code]?.englishName ?? code
  }

  /// The bundle with its English phrase grammars (`SeedsDirectory.phrases`).
  public func with(crisis: PhraseGrammar?, redFlags: PhraseGrammar?) -> SeedBundle {
    with(
      translations: translations,
      grammars: grammars.merging([Self.english: LanguageGrammars(crisis: crisis, redFlags: redFlags)]) { $1 })
  }

  /// The bundle with its other languages and every language's grammars,
  /// still speaking the language it spoke.
  public func with(translations: [String: Translation], grammars: [String: LanguageGrammars]) -> SeedBundle {
    var bundle = self
    bundle.translations = translations
    bundle.grammars = grammars
    return bundle.speaking(language) ?? bundle.speaking(Self.english)!
  }

  /// The bundle speaking another language: the interview's strings in that
  /// language, and free text read with that language's grammars and the
  /// English ones (many people write English, or mix both: a mention either
  /// finds counts). Nil for a language the seeds do not have.
  public func speaking(_ code: String) -> SeedBundle? {
    var bundle = self
    let english = englishInterview
    if code == Self.english {
      bundle.interview = english
      bundle.base = nil
    } else {
      guard let translation = translations[code] else { return nil }
      bundle.interview = english.translated(translation)
      bundle.base = english
    }
    bundle.language = code
    // This language's grammars first, then English's (`PhraseGrammar.languagesRead`).
    let read = PhraseGrammar.languagesRead(in: code).compactMap { grammars[$0] }
    let crisis = read.compactMap(\.crisis)
    let redFlags = read.compactMap(\.redFlags)
    bundle.crisis = crisis.isEmpty ? nil : PhraseMatcher(crisis)
    bundle.redFlagWords = crisis.isEmpty || redFlags.isEmpty ? nil : RedFlagReader(redFlags: redFlags, crisis: crisis)
    return bundle
  }

  /// An evaluator for this bundle's triage.
  public var evaluator: TriageEvaluator {
    TriageEvaluator(definition: triage, facts: interview.facts ?? [])
  }
}
