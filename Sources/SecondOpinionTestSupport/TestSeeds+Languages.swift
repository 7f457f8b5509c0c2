import Foundation
import SecondOpinionCore

extension TestSeeds {
  /// The repository's seeds with every language of seeds/languages/ and
  /// every language's phrase grammars, speaking English.
  public static let languages: SeedBundle = {
    do {
      var translations: [String: Translation] = [:]
      var grammars: [String: LanguageGrammars] = [
        SeedBundle.english: LanguageGrammars(crisis: try grammar("crisis"), redFlags: try grammar("red-flags"))
      ]
      let root = folder.appendingPathComponent(SeedLoader.languagesFolder)
      for code in (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? [] {
        let files =
          ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(code).path)) ?? [])
          .filter { $0.hasSuffix(".yaml") }.sorted()
        translations[code] = try SeedLoader.translation(
          code: code,
          files: files.map { name in
            let path = "\(SeedLoader.languagesFolder)/\(code)/\(name)"
            return (name: path, text: text(path))
          })
        func optional(_ name: String) throws -> PhraseGrammar? {
          let file = "phrases/\(name).\(code).yaml"
          let source = text(file)
          return source.isEmpty ? nil : try SeedLoader.decode(source, file: file)
        }
        grammars[code] = LanguageGrammars(crisis: try optional("crisis"), redFlags: try optional("red-flags"))
      }
      return bundle.with(translations: translations, grammars: grammars)
    } catch {
      fatalError("the repository's languages do not load: \(error)")
    }
  }()

  /// The repository's seeds speaking a language of seeds/languages/.
  public static func speaking(_ code: String) -> SeedBundle {
    guard let spoken = languages.speaking(code) else { fatalError("no language \(code) in seeds/languages") }
    return spoken
  }
}
