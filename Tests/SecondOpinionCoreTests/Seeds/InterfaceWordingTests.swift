import Foundation
import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// Everything the program says on the interview screen is worded once, in
/// seeds/interview.yaml (`wording:` and `words.commands`): the Swift names the
/// keys (`InterfaceWording`, `InterfaceCommand`) and holds no English copy.
@Suite("Interface wording")
struct InterfaceWordingTests {
  /// The repository's Sources/ folder.
  static let sources = TestSeeds.folder.deletingLastPathComponent().appendingPathComponent("Sources")

  @Test func everyKeyTheProgramSaysIsInTheSeedsInEachOfItsVoices() {
    let missing = InterfaceWording.missing(in: TestSeeds.bundle.interview.wording)
    #expect(missing.isEmpty, "\(missing.map { "\($0.key.rawValue).\($0.voice.rawValue)" })")
    for key in InterfaceWording.allCases {
      for voice in key.voices {
        let text = TestSeeds.bundle.interview.wording?[key.rawValue]?.text(for: voice) ?? ""
        #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key.rawValue) \(voice)")
      }
    }
  }

  @Test func everyWordingKeyInTheSeedsIsOneTheProgramSays() {
    // A key the program does not know would be a translation nobody sees.
    let unknown = (TestSeeds.bundle.interview.wording ?? [:]).keys.filter { InterfaceWording(rawValue: $0) == nil }
    #expect(unknown.isEmpty, "\(unknown.sorted())")
  }

  @Test func everyCommandHasWordsInTheSeeds() {
    let words = TestSeeds.bundle.interview.answerWords
    for command in InterfaceCommand.allCases {
      #expect(words.offered(command) != nil, "\(command)")
    }
    #expect(words.means("?", .help) && words.means("go back", .back) && words.means("submit", .submit))
    #expect(words.offered["yes"] == "yes" && words.offered["no"] == "no")
  }

  @Test func theLoaderRefusesSeedsWithoutAKeyNamingIt() throws {
    var seeds = EditedSeeds()
    seeds.replace("  noBack: \"This is the first question, so there is nothing to go back to.\"\n", with: "")
    #expect {
      try seeds.bundle()
    } throws: { error in
      guard let error = error as? SeedError else { return false }
      return error.file == "interview.yaml" && error.message.contains("`wording.noBack` is missing")
        && error.line != nil
    }
  }

  @Test func theLoaderRefusesAKeyWithoutAVoiceTheProgramSaysItIn() throws {
    var seeds = EditedSeeds()
    seeds.replace(
      "    receptionist: \"From what the caller said, this may be happening to the patient now:\"\n", with: "")
    #expect {
      try seeds.bundle()
    } throws: { error in
      (error as? SeedError)?.message.contains("`wording.redFlagConfirm` has no `receptionist` wording") ?? false
    }
  }

  @Test func theLoaderRefusesSeedsWithoutACommandsWords() throws {
    var seeds = EditedSeeds()
    seeds.replace("    list: [\"list\", \"review\", \"show\", \"all\"]\n", with: "")
    #expect {
      try seeds.bundle()
    } throws: { error in
      (error as? SeedError)?.message.contains("`words.commands.list` is missing") ?? false
    }
  }

  @Test func aValueTypedByAPersonIsNeverReadForPlaceholders() {
    let wording = ["reasonNotAChoice": VoiceText("{typed} is not one of the choices")]
    let text = InterfaceWording.reasonNotAChoice.text(in: wording, .patient, ["typed": "\"{typed} {x}\""])
    #expect(text == "\"{typed} {x}\" is not one of the choices")
  }

  /// The Welsh of the program's own wording (seeds/languages/cy/interface-program.yaml).
  struct Translation: Decodable {
    struct Words: Decodable { var commands: [String: [String]] }
    var language: String
    var wording: [String: VoiceText]
    var words: Words
  }

  @Test func theWelshKeepsEveryPlaceholderAndEveryEnglishCommandWord() throws {
    let file = "languages/cy/interface-program.yaml"
    let welsh: Translation = try SeedLoader.decode(TestSeeds.text(file), file: file)
    #expect(welsh.language == "cy")
    let english = TestSeeds.bundle.interview
    func placeholders(_ text: String) -> Set<String> {
      Set(
        text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap {
          $0.split(separator: "}").first.map(String.init)
        })
    }
    for (name, text) in welsh.wording {
      let key = try #require(InterfaceWording(rawValue: name), "\(name) is not a key the program says")
      for voice in key.voices {
        #expect(!text.text(for: voice).isEmpty, "\(name) \(voice)")
        #expect(
          placeholders(text.text(for: voice)) == placeholders(english.say(key, voice)), "\(name) \(voice)")
      }
    }
    for command in InterfaceCommand.allCases {
      let words = welsh.words.commands[command.rawValue] ?? []
      let folded = Set(words.map(AnswerWords.fold))
      let missing = (english.answerWords.commands[command.rawValue] ?? []).filter { !folded.contains($0) }
      #expect(!words.isEmpty && missing.isEmpty, "\(command): the English \(missing) are not also taken")
    }
  }

  /// No Swift source words the interface itself: no `say(..., fallback:)`,
  /// and no English sentence handed to a refused answer.
  @Test func noEnglishFallbackIsLeftInTheSources() throws {
    let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
    var found: [String] = []
    var read = 0
    for case let url as URL in files where url.pathExtension == "swift" {
      let text = try String(contentsOf: url, encoding: .utf8)
      read += 1
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = line.trimmingCharacters(in: .whitespaces)
        guard !code.hasPrefix("//") else { continue }
        // `fallback:` as an argument label (a call's, not a parameter's name).
        let fallback = code.hasPrefix("fallback:") || code.contains("(fallback:") || code.contains(", fallback:")
        if fallback || code.contains("ParseFailure(\"")
          || code.contains("failure(\"") || code.contains(".invalid(\"") || code.contains(".incomplete(\"")
        {
          found.append("\(url.lastPathComponent):\(number + 1): \(code)")
        }
      }
    }
    #expect(read > 50, "the sources were not found at \(Self.sources.path)")
    #expect(found.isEmpty, "\(found)")
  }
}
