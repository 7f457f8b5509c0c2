import SecondOpinionCore

/// Every language is complete: each translation (seeds/languages/LANG/) gives
/// every string the English has (the title and introduction, each question's
/// label, text, help, example and choice labels in every voice the English
/// has, the safety messages, the section titles, the interface wording and
/// the answer words, with the month names), keeps every `{placeholder}`, and
/// names nothing the English does not have. A defect names the translation's
/// file and line where the entry is, or the folder and the English line when
/// the entry is missing altogether.
public enum TranslationRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let english = definitions.seeds.englishInterview
    var found: [SeedError] = []
    for code in definitions.seeds.translations.keys.sorted() {
      guard let translation = definitions.seeds.translations[code] else { continue }
      found += Gaps(code: code, english: english, translation: translation).all()
    }
    return found
  }

  /// The gaps of one translation.
  private struct Gaps {
    let code: String
    let english: InterviewDefinition
    let translation: Translation
    var folder: String { "\(SeedLoader.languagesFolder)/\(code)" }

    func all() -> [SeedError] {
      var found: [SeedError] = []
      func missing(_ what: String, file: String? = nil, line: Int? = nil, englishLine: Int? = nil) {
        let place = englishLine.map { " (the English is at \(SeedLoader.interviewFile) line \($0))" } ?? ""
        found.append(SeedError(file: file ?? folder, line: line, message: "`\(code)` has no \(what)\(place)"))
      }
      if (translation.name ?? "").isEmpty { missing("`name` (the language's own name)") }
      if (translation.englishName ?? "").isEmpty { missing("`englishName`") }
      found += voices(english.title, translation.title, "title", file: nil, line: nil)
      found += voices(english.introduction, translation.introduction, "introduction", file: nil, line: nil)
      for question in english.questions {
        guard let strings = translation.questions?[question.id] else {
          missing("translation of question `\(question.id)`", englishLine: question.line)
          continue
        }
        let what = "question `\(question.id)`"
        if (strings.label ?? "").isEmpty { missing("label for \(what)", file: strings.file, line: strings.line) }
        found += voices(question.text, strings.text, "\(what) text", file: strings.file, line: strings.line)
        found += voices(question.help, strings.help, "\(what) help", file: strings.file, line: strings.line)
        if question.example != nil, (strings.example ?? "").isEmpty {
          missing("example for \(what)", file: strings.file, line: strings.line)
        }
        let ids = Set((question.choices ?? []).map(\.id))
        for choice in question.choices ?? [] {
          guard let label = strings.choices?[choice.id]?.label else {
            missing("label for choice `\(choice.id)` of \(what)", file: strings.file, line: strings.line)
            continue
          }
          found += voices(
            choice.label, label, "choice `\(choice.id)` of \(what)", file: strings.file, line: strings.line)
        }
        for id in (strings.choices ?? [:]).keys.sorted() where !ids.contains(id) {
          found.append(
            SeedError(
              file: strings.file ?? folder, line: strings.line,
              message: "\(what) has no choice `\(id)` in English: translate the English ids only"))
        }
      }
      let questionIDs = Set(english.questions.map(\.id))
      for (id, strings) in (translation.questions ?? [:]).sorted(by: { $0.key < $1.key })
      where !questionIDs.contains(id) {
        found.append(
          SeedError(
            file: strings.file ?? folder, line: strings.line,
            message: "there is no question `\(id)` in English: translate the English ids only"))
      }
      for message in english.messages {
        guard let strings = translation.messages?[message.id] else {
          missing("translation of message `\(message.id)`", englishLine: message.line)
          continue
        }
        var parts = [("title", message.title, strings.title), ("patient", message.patient, strings.patient)]
        parts.append(("receptionist", message.receptionist, strings.receptionist))
        if let kiosk = message.kiosk { parts.append(("kiosk", kiosk, strings.kiosk)) }
        for (part, englishText, text) in parts {
          guard let text, !text.isEmpty else {
            missing("\(part) for message `\(message.id)`", file: strings.file, line: strings.line)
            continue
          }
          if let gap = placeholders(englishText, text, "message `\(message.id)` \(part)") {
            found.append(SeedError(file: strings.file ?? folder, line: strings.line, message: gap))
          }
        }
      }
      for section in english.sections ?? [] {
        found += voices(
          section.title, translation.sections?[section.id]?.title, "title of section `\(section.id)`", file: nil,
          line: nil)
      }
      for (key, text) in (english.wording ?? [:]).sorted(by: { $0.key < $1.key }) {
        found += voices(text, translation.wording?[key], "wording `\(key)`", file: nil, line: nil)
      }
      for key in (translation.wording ?? [:]).keys.sorted() where english.wording?[key] == nil {
        found.append(SeedError(file: folder, message: "there is no wording `\(key)` in English"))
      }
      if let words = translation.words {
        if words.yes.isEmpty || words.no.isEmpty || words.unknown.isEmpty || words.declined.isEmpty {
          missing("words for each of yes, no, notSure and preferNotToSay")
        }
        if words.dates.months.count != 12 { missing("12 month names under `words.dates.months`") }
      } else {
        missing("`words` (yes, no, not sure, dates…)")
      }
      return found
    }

    /// The gaps of one piece of wording: each voice the English has.
    func voices(_ english: VoiceText, _ text: VoiceText?, _ what: String, file: String?, line: Int?) -> [SeedError] {
      guard let text else {
        return [SeedError(file: file ?? folder, line: line, message: "`\(code)` has no \(what)")]
      }
      var found: [SeedError] = []
      for voice in Voice.allCases where english.has(voice) {
        guard text.has(voice) else {
          found.append(
            SeedError(
              file: file ?? folder, line: line, message: "`\(code)` has no \(voice.rawValue) wording for \(what)"))
          continue
        }
        if let gap = placeholders(english.text(for: voice), text.text(for: voice), "\(what) (\(voice.rawValue))") {
          found.append(SeedError(file: file ?? folder, line: line, message: gap))
        }
      }
      return found
    }

    /// Why a translation's placeholders differ from the English's, if they do.
    func placeholders(_ english: String, _ text: String, _ what: String) -> String? {
      let want = Self.names(english)
      let have = Self.names(text)
      guard want != have else { return nil }
      return "`\(code)` \(what) has placeholders \(have.sorted()) but the English has \(want.sorted())"
    }

    /// The `{name}` placeholders of a text.
    static func names(_ text: String) -> Set<String> {
      var names: Set<String> = []
      var rest = Substring(text)
      while let open = rest.firstIndex(of: "{") {
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(of: "}") else { break }
        let name = after[..<close]
        if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.insert(String(name)) }
        rest = after[after.index(after: close)...]
      }
      return names
    }
  }
}
