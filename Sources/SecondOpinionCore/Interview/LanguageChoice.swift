/// The kiosk's first screen when it offers more than one language: the
/// welcome in each language, then one line a language ("1. Cymraeg: teipiwch
/// 1 …", "2. English: type 2 …"), all worded by each language's own seeds
/// (`kioskWelcome`, `kioskChooseLanguage`, and `kioskStart` when only one
/// language is offered).
public struct LanguageChoice: Sendable {
  /// The seeds, in any language (each line is worded in its own language).
  public var seeds: SeedBundle
  /// The languages offered, in order; the first is the default.
  public var codes: [String]

  /// Creates the screen.
  public init(seeds: SeedBundle, codes: [String]) {
    self.seeds = seeds
    self.codes = codes.isEmpty ? [SeedBundle.english] : codes
  }

  /// The whole screen, wrapped to `width`.
  public func text(width: Int) -> String {
    var out = ""
    for code in codes {
      let interview = seeds.speaking(code)?.interview ?? seeds.interview
      out += TextWrapper.wrap(interview.say(.kioskWelcome, .patient), width: width) + "\n\n"
    }
    if codes.count == 1 {
      let interview = seeds.speaking(codes[0])?.interview ?? seeds.interview
      return out + TextWrapper.wrap(interview.say(.kioskStart, .patient), width: width) + "\n"
    }
    return out + lines(width: width)
  }

  /// The language lines alone, shown again after an answer that names none.
  public func again(width: Int) -> String { lines(width: width) }

  /// The language an answer picks: Enter alone the first, a number, the
  /// start of a language's own or English name, or its code; nil when it
  /// names none (or more than one). With one language offered, any line
  /// starts the interview, as "Press Enter to start" has always done.
  public func choice(_ typed: String) -> String? {
    let folded = AnswerWords.fold(typed)
    if folded.isEmpty || codes.count == 1 { return codes[0] }
    if let number = Int(folded), (1...codes.count).contains(number) { return codes[number - 1] }
    let found = codes.filter { code in
      code == folded
        || [seeds.name(of: code), seeds.englishName(of: code)].contains {
          folded.count >= 2 && AnswerWords.fold($0).hasPrefix(folded)
        }
    }
    return found.count == 1 ? found[0] : nil
  }

  private func lines(width: Int) -> String {
    var out = ""
    for (index, code) in codes.enumerated() {
      let interview = seeds.speaking(code)?.interview ?? seeds.interview
      let how = interview.say(.kioskChooseLanguage, .patient, ["number": "\(index + 1)"])
      out += TextWrapper.wrap("\(index + 1). \(seeds.name(of: code)): \(how)", width: width) + "\n"
    }
    return out
  }
}
