import SecondOpinionCore

/// Every language's phrase grammars, as `check` is given them beside the
/// bundle: the crisis and red-flag grammar of each language that has one
/// (seeds/phrases/crisis.LANG.yaml, red-flags.LANG.yaml) and the languages
/// the interview is translated into (a folder seeds/languages/LANG/). The
/// bundle carries the grammars a session reads; this carries them all, so
/// `PhraseGrammarRule` checks every language's files with the same rules as
/// English and refuses a translation without its own grammars. Read from
/// disk by the storage edge (`PhraseGrammarFolder` in SecondOpinionStorage).
public struct PhraseGrammarFiles: Sendable {
  /// The crisis grammar of each language, by language code.
  public var crisis: [String: PhraseGrammar]
  /// The red-flag grammar of each language, by language code.
  public var redFlags: [String: PhraseGrammar]
  /// The languages with a folder in seeds/languages/.
  public var translations: Set<String>

  /// Creates the set of files.
  public init(
    crisis: [String: PhraseGrammar] = [:], redFlags: [String: PhraseGrammar] = [:], translations: Set<String> = []
  ) {
    self.crisis = crisis
    self.redFlags = redFlags
    self.translations = translations
  }

  /// The crisis grammar's kind, as its file is named (`crisis.LANG.yaml`).
  public static let crisisName = "crisis"
  /// The red-flag grammar's kind, as its file is named (`red-flags.LANG.yaml`).
  public static let redFlagsName = "red-flags"

  /// The file of a grammar, as defects name it: `phrases/NAME.LANG.yaml`.
  public static func file(_ name: String, _ language: String) -> String {
    "phrases/\(name).\(language).yaml"
  }
}
