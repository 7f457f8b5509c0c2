/// A small phrase grammar, read from seeds/phrases/*.yaml, that recognises
/// what people mean in their own words: concepts (such as "suicidal
/// thoughts" or "chest pain") written as patterns over word classes
/// (subjects, verbs in every tense, objects), not as a list of substrings.
///
/// A pattern is words separated by spaces:
/// - `word` matches that word;
/// - `<class>` matches any phrase of the class (a class member may be several
///   words, such as `my self`);
/// - a trailing `?` makes a word or class optional (`own?`, `<poss>?`);
/// - `...` matches up to `maxGap` words of anything;
/// - `!word` or `!<class>` matches nothing but requires that the next words
///   are not that word or class (`cutting !down`).
///
/// Text is folded before matching: lower case, apostrophes dropped
/// ("can't" is "cant", or with `splitApostrophes` a space: Welsh "dwi'n" is
/// "dwi n"), accents dropped with `foldAccents` ("sôn" is "son", in the
/// grammar's own words too), anything but letters and digits a space; then
/// each word is put through `spellings` (misspellings and text speak; a key
/// of several words, such as `nac oes`, stands for that run of words), and a word
/// of `fuzzyLength` letters or more that is one edit (a letter added,
/// dropped, changed or two swapped) from a word the grammar uses is read as
/// that word. Negation is deliberately not read: "not suicidal" still
/// mentions suicide, so the check question is still asked.
public struct PhraseGrammar: Codable, Sendable, Equatable {
  /// The language the phrasings are in (`en`, `cy`).
  public var language: String
  /// Misspellings and text speak, folded to the word they stand for.
  public var spellings: [String: String]?
  /// Word classes: a name and the phrases it stands for.
  public var classes: [String: [String]]
  /// The concepts, each with its patterns.
  public var concepts: [PhraseConcept]
  /// Concepts of another grammar read as concepts of this one (the red-flag
  /// screen reads the crisis grammar's `suicidal` as `suicidal_thoughts`).
  public var borrowed: [String: String]?
  /// The most words `...` may stand for (default 3).
  public var maxGap: Int?
  /// The shortest word that is matched with one edit (default 6).
  public var fuzzyLength: Int?
  /// Whether an apostrophe separates words instead of being dropped (Welsh
  /// elides with it: "mae'r" is "mae r", "i'w" is "i w"); default false.
  public var splitApostrophes: Bool?
  /// Whether letters are read without their accents ("siŵr" and "siwr",
  /// "sôn" and "son" are one word), in the text and the grammar; default false.
  public var foldAccents: Bool?

  /// Creates a grammar.
  public init(
    language: String, spellings: [String: String]? = nil, classes: [String: [String]], concepts: [PhraseConcept],
    borrowed: [String: String]? = nil, maxGap: Int? = nil, fuzzyLength: Int? = nil, splitApostrophes: Bool? = nil,
    foldAccents: Bool? = nil
  ) {
    self.borrowed = borrowed
    self.language = language
    self.spellings = spellings
    self.classes = classes
    self.concepts = concepts
    self.maxGap = maxGap
    self.fuzzyLength = fuzzyLength
    self.splitApostrophes = splitApostrophes
    self.foldAccents = foldAccents
  }

  /// The language every session reads besides its own (its grammars are
  /// seeds/phrases/*.en.yaml).
  public static let baseLanguage = "en"

  /// The languages whose grammars a session in `language` reads, its own
  /// first: many people write English or mix it in, so a session in any
  /// language reads English too, and a mention found by either counts.
  public static func languagesRead(in language: String) -> [String] {
    language == baseLanguage ? [baseLanguage] : [language, baseLanguage]
  }
}
