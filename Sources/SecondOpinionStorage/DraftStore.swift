import Foundation
import SecondOpinionCore

/// Keeps drafts in `OUT/drafts/ID.draft.json`, owner-only, written atomically.
public struct DraftStore: Sendable {
  /// The drafts folder.
  public var folder: String

  /// Creates a store under an output folder.
  public init(outputFolder: String) { folder = outputFolder + "/drafts" }

  /// Saves (or replaces) a draft.
  public func save(_ draft: Draft) throws {
    try AtomicFileWriter.ensureFolder(folder)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFileWriter.write(try encoder.encode(draft), to: "\(draft.id).draft.json", in: folder, replace: true)
  }

  /// Every draft, oldest first.
  public func list() throws -> [Draft] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return try names.filter { $0.hasSuffix(".draft.json") && !$0.hasPrefix(".") }.sorted().map { name in
      try load(String(name.dropLast(".draft.json".count)))
    }
  }

  /// Loads a draft by id.
  public func load(_ id: String) throws -> Draft {
    guard RecordID.isValid(id) else { throw StorageError.noSuchDraft(id) }
    let path = "\(folder)/\(id).draft.json"
    guard let data = FileManager.default.contents(atPath: path) else { throw StorageError.noSuchDraft(id) }
    do {
      return try JSONDecoder().decode(Draft.self, from: data)
    } catch {
      throw StorageError.readFailed(path, "it is not a draft this version can read (\(error))")
    }
  }

  /// Removes a draft (after its interview is completed).
  public func remove(_ id: String) {
    AtomicFileWriter.remove("\(id).draft.json", in: folder)
  }
}
