import SecondOpinionCore

/// The phrase grammars of seeds/phrases/ are whole and agree with the
/// interview, in every language: a `{mentions: ..}` test needs the crisis
/// grammar and names only concepts every language's crisis grammar defines;
/// every class a pattern names is defined; a file's `language` is the one
/// its name gives; the red-flag grammars' concepts are the screen's red
/// flags (or `none`, `not_sure`) and borrow only concepts of the same
/// language's crisis grammar; and a language the interview is translated
/// into (seeds/languages/LANG/) has both grammars of its own. The grammars
/// are every language's the bundle carries (`SeedBundle.grammars`).
public enum PhraseGrammarRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let base = PhraseGrammar.baseLanguage
    let crisisGrammars = definitions.seeds.grammars.compactMapValues(\.crisis)
    let redFlagGrammars = definitions.seeds.grammars.compactMapValues(\.redFlags)
    let translations = Set(definitions.seeds.translations.keys)
    let languages = Set(crisisGrammars.keys).union(redFlagGrammars.keys).union(translations).union([base])
      .sorted(by: englishFirst)
    var found = mentionDefects(definitions, crisisGrammars)
    for language in languages {
      let crisisFile = file(crisisName, language)
      let redFlagFile = file(redFlagsName, language)
      if translations.contains(language) {
        for (file, grammar) in [(crisisFile, crisisGrammars[language]), (redFlagFile, redFlagGrammars[language])]
        where grammar == nil {
          found.append(
            SeedError(
              file: file,
              message:
                "is missing: seeds/languages/\(language)/ translates the interview, and a session in it reads "
                + "its own grammar beside the English one"))
        }
      }
      let crisis = crisisGrammars[language]
      if let crisis { found += grammarDefects(crisis, language: language, file: crisisFile) }
      if let redFlags = redFlagGrammars[language] {
        found += grammarDefects(redFlags, language: language, file: redFlagFile)
        found += redFlagDefects(
          redFlags, crisis: crisis, definitions: definitions, file: redFlagFile, crisisFile: crisisFile)
      }
    }
    return found
  }

  /// The crisis grammar's kind, as its file is named (`crisis.LANG.yaml`).
  static let crisisName = "crisis"
  /// The red-flag grammar's kind, as its file is named (`red-flags.LANG.yaml`).
  static let redFlagsName = "red-flags"

  /// The file of a grammar, as defects name it: `phrases/NAME.LANG.yaml`.
  static func file(_ name: String, _ language: String) -> String { "phrases/\(name).\(language).yaml" }

  /// English first, then the other languages by code.
  private static func englishFirst(_ a: String, _ b: String) -> Bool {
    let base = PhraseGrammar.baseLanguage
    return a == base ? b != base : b != base && a < b
  }

  /// A `{mentions: ..}` test needs the English crisis grammar, and each
  /// concept it names must be defined by every language's crisis grammar.
  private static func mentionDefects(_ definitions: DefinitionIndex, _ crisis: [String: PhraseGrammar])
    -> [SeedError]
  {
    func mentioned(_ condition: Condition) -> [String] {
      switch condition {
      case .mentions(let concepts): return concepts
      case .all(let parts), .any(let parts): return parts.flatMap(mentioned)
      case .not(let inner): return mentioned(inner)
      default: return []
      }
    }
    let base = PhraseGrammar.baseLanguage
    var found: [SeedError] = []
    for site in definitions.conditions {
      let concepts = mentioned(site.condition)
      guard !concepts.isEmpty else { continue }
      guard crisis[base] != nil else {
        found.append(
          SeedError(
            file: site.file, line: site.line,
            message:
              "\(site.owner) tests `mentions`, but \(file(crisisName, base)) "
              + "is missing, so no crisis could be recognised"))
        continue
      }
      for (language, grammar) in crisis.sorted(by: { englishFirst($0.key, $1.key) }) {
        let known = Set(grammar.concepts.map(\.id))
        for concept in concepts where !known.contains(concept) {
          found.append(
            SeedError(
              file: site.file, line: site.line,
              message:
                "\(site.owner) tests `mentions: \(concept)`, which "
                + "\(file(crisisName, language)) does not define"))
        }
      }
    }
    return found
  }

  /// What `PhraseMatcher.problems` finds in one file, and a `language` that
  /// is not the one the file's name gives.
  private static func grammarDefects(_ grammar: PhraseGrammar, language: String, file: String) -> [SeedError] {
    var found: [SeedError] = []
    if grammar.language != language {
      found.append(
        SeedError(file: file, message: "says `language: \(grammar.language)`, but the file is for `\(language)`"))
    }
    for problem in PhraseMatcher.problems(grammar) {
      found.append(SeedError(file: file, line: problem.line, message: problem.message))
    }
    return found
  }

  /// A red-flag grammar's concepts are the screen's red flags, `none` or
  /// `not_sure`; what it borrows names a flag and a concept of the same
  /// language's crisis grammar.
  private static func redFlagDefects(
    _ grammar: PhraseGrammar, crisis: PhraseGrammar?, definitions: DefinitionIndex, file: String,
    crisisFile: String
  ) -> [SeedError] {
    var found: [SeedError] = []
    let known = Set(crisis?.concepts.map(\.id) ?? [])
    let flags = Set(
      definitions.interview.questions.flatMap { question in
        (question.choices ?? []).filter { $0.redFlag != nil }.map(\.id)
      })
    let allowed = flags.union([RedFlagReader.unsureConcept, RedFlagReader.noneConcept])
    for concept in grammar.concepts where !allowed.contains(concept.id) {
      found.append(
        SeedError(
          file: file, line: concept.line,
          message: "concept `\(concept.id)` is not a red flag of the screen (nor none or not_sure)"))
    }
    for (from, flag) in (grammar.borrowed ?? [:]).sorted(by: { $0.key < $1.key }) {
      if !flags.contains(flag) {
        found.append(
          SeedError(file: file, message: "`borrowed: \(from): \(flag)` names a red flag the screen does not have"))
      }
      if !known.contains(from) {
        found.append(SeedError(file: file, message: "`borrowed: \(from)` is not a concept of \(crisisFile)"))
      }
    }
    return found
  }
}
