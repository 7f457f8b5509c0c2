import Foundation
import SecondOpinionChecking
import SecondOpinionCore

/// Reads every language's phrase grammars of a seeds folder for `check`
/// (`PhraseGrammarFiles`): each seeds/phrases/crisis.LANG.yaml and
/// red-flags.LANG.yaml, read as every seeds file is (`SeedsDirectory`), and
/// the folders of seeds/languages/.
public enum PhraseGrammarFolder {
  /// The grammar files and translations of the seeds folder.
  /// - Throws: `SeedError` naming a file that cannot be read or decoded.
  public static func files(in folder: String) throws -> PhraseGrammarFiles {
    var files = PhraseGrammarFiles()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/phrases")) ?? []
    for name in [PhraseGrammarFiles.crisisName, PhraseGrammarFiles.redFlagsName] {
      for file in names.sorted() where file.hasPrefix(name + ".") && file.hasSuffix(".yaml") {
        let language = String(file.dropFirst(name.count + 1).dropLast(".yaml".count))
        guard !language.isEmpty, !language.contains("."),
          let grammar = try SeedsDirectory.phrases(name, in: folder, language: language)
        else { continue }
        if name == PhraseGrammarFiles.crisisName {
          files.crisis[language] = grammar
        } else {
          files.redFlags[language] = grammar
        }
      }
    }
    let languages = folder + "/languages"
    try SeedsDirectory.checkFolder(languages)
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: languages)) ?? [] where !entry.hasPrefix(".") {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: languages + "/" + entry, isDirectory: &isFolder), isFolder.boolValue {
        files.translations.insert(entry)
      }
    }
    return files
  }
}
