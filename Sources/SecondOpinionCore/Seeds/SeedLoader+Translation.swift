import Yams

extension SeedLoader {
  /// The folder that holds the languages other than English: one folder per
  /// language code (`languages/cy/`), each of YAML files.
  public static let languagesFolder = "languages"

  /// The top-level keys of a translation file whose entries are merged
  /// across the folder's files (each entry given once).
  static let mergedKeys: Set<String> = ["sections", "messages", "wording", "words", "questions"]

  /// Merges and decodes the files of one translation folder. `files` are
  /// (name as messages give it, text), e.g. ("languages/cy/interface.yaml",
  /// text). Each file must say `language: CODE`; a key under `questions`,
  /// `messages`, `wording`, `sections` or `words`, and each of `name`,
  /// `englishName`, `title` and `introduction`, may be given in one file
  /// only. Each question and message gets the file and line it is in.
  /// - Throws: `SeedError` naming the file and line.
  public static func translation(code: String, files: [(name: String, text: String)]) throws -> Translation {
    var parsers: [Parser] = []
    var merged: [(key: String, node: Node, tag: Tag, entries: [(Node, Node)])] = []
    var rootTag = Tag.implicit
    var origin: [String: (file: String, line: Int?)] = [:]
    for (name, text) in files {
      let root: Node
      do {
        let parser = try Parser(
          yaml: text, resolver: Resolver.basic.appending(.merge), encoding: YAMLDecoder().options.encoding)
        parsers.append(parser)
        root = try parser.singleRoot() ?? ""
      } catch {
        throw seedError(error, text: text, file: name)
      }
      rootTag = root.tag
      guard let mapping = root.mapping else {
        throw SeedError(file: name, line: root.mark?.line, message: "a translation file is a map of keys")
      }
      guard let language = root["language"]?.string, language == code else {
        throw SeedError(
          file: name, line: root.mark?.line,
          message: "needs `language: \(code)`, the name of its folder, as its first key")
      }
      for (keyNode, value) in mapping {
        guard let key = keyNode.string else { continue }
        if key == "language" { continue }
        if mergedKeys.contains(key), let entries = value.mapping {
          let at =
            merged.firstIndex { $0.key == key }
            ?? {
              merged.append((key, keyNode, value.tag, []))
              return merged.count - 1
            }()
          for (entryKey, entryValue) in entries {
            let id = "\(key).\(entryKey.string ?? "?")"
            if let earlier = origin[id] {
              throw SeedError(
                file: name, line: entryKey.mark?.line,
                message: "`\(id)` is translated twice (also in \(earlier.file) line \(earlier.line ?? 0))")
            }
            origin[id] = (name, entryKey.mark?.line)
            merged[at].entries.append((entryKey, entryValue))
          }
        } else {
          if let earlier = origin[key] {
            throw SeedError(
              file: name, line: keyNode.mark?.line,
              message: "`\(key)` is given twice (also in \(earlier.file) line \(earlier.line ?? 0))")
          }
          origin[key] = (name, keyNode.mark?.line)
          merged.append((key, keyNode, value.tag, []))
          merged[merged.count - 1].entries = [(keyNode, value)]
        }
      }
    }
    // Built with the tags the files were parsed with, so the merged map's
    // keys are looked up as the files' were (`yes` is a key, not true).
    var pairs: [(Node, Node)] = [
      (Node("language", rootTag.copy(with: .implicit)), Node(code, rootTag.copy(with: .implicit)))
    ]
    for entry in merged {
      if mergedKeys.contains(entry.key) {
        pairs.append((entry.node, Node(entry.entries, entry.tag)))
      } else if let only = entry.entries.first {
        pairs.append(only)
      }
    }
    var translation: Translation
    do {
      translation = try withExtendedLifetime(parsers) {
        try YAMLDecoder().decode(Translation.self, from: Node(pairs, rootTag))
      }
    } catch let error as DecodingError {
      let place = decodingPlace(error)
      let found = origin[place] ?? origin[String(place.split(separator: ".").first ?? "")]
      throw SeedError(file: found?.file ?? "\(languagesFolder)/\(code)", line: found?.line, message: describe(error))
    }
    translation.files = files.map(\.name)
    for id in (translation.questions ?? [:]).keys {
      translation.questions?[id]?.file = origin["questions.\(id)"]?.file
      translation.questions?[id]?.line = origin["questions.\(id)"]?.line
    }
    for id in (translation.messages ?? [:]).keys {
      translation.messages?[id]?.file = origin["messages.\(id)"]?.file
      translation.messages?[id]?.line = origin["messages.\(id)"]?.line
    }
    return translation
  }

  /// The first two keys of the path a decoding error points at
  /// (`questions.reason`), to find the file the entry came from.
  private static func decodingPlace(_ error: DecodingError) -> String {
    let context: DecodingError.Context
    switch error {
    case .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
      context = c
    @unknown default: return ""
    }
    return context.codingPath.prefix(2).map(\.stringValue).joined(separator: ".")
  }
}
