import Foundation
import SecondOpinionCore

/// Keeps drafts in `OUT/drafts/ID.draft.json`, owner-only, written atomically.
/// A draft is named only by the id in its file name (checked to be a record
/// id), never by what the file says; see `Draft.decode` for what is checked
/// when one is read.
public struct DraftStore: Sendable {
  /// The name of the drafts folder in the output folder.
  public static let folderName = "drafts"
  /// The end of a draft file's name.
  public static let suffix = ".draft.json"

  /// The output folder.
  public var outputFolder: String
  /// The drafts folder.
  public var folder: String

  /// Creates a store under an output folder.
  public init(outputFolder: String) {
    self.outputFolder = FolderSafety.trimmed(outputFolder)
    folder = self.outputFolder + "/" + Self.folderName
  }

  /// The id a draft file name gives, if it is the name of a draft.
  public static func id(fromFileName name: String) -> String? {
    guard name.hasSuffix(suffix) else { return nil }
    let id = String(name.dropLast(suffix.count))
    return RecordID.isValid(id) ? id : nil
  }

  /// Checks the output and drafts folders can be trusted (`FolderSafety`;
  /// the output folder as `RecordStore.prepare` does).
  /// - Throws: `StorageError.refused`.
  public func checkFolders() throws {
    try RecordStore(folder: outputFolder).prepare(create: false)
    if let problem = FolderSafety.problem(at: folder, kind: .folder) { throw StorageError.refused(problem) }
  }

  /// Saves (or replaces) a draft, under the id it holds.
  public func save(_ draft: Draft) throws {
    guard RecordID.isValid(draft.id) else { throw StorageError.writeFailed(folder, "\(draft.id) is not a draft id") }
    let store = RecordStore(folder: outputFolder)
    try store.prepare(create: true)
    try AtomicFileWriter.ensureFolder(folder)
    try checkFolders()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(draft)
    try store.whileWriting {
      try AtomicFileWriter.write(data, to: draft.id + Self.suffix, in: folder, replace: true)
    }
  }

  /// A file in the drafts folder that is not a draft this version can use.
  public struct Unusable: Sendable, Equatable {
    /// The file's name as found (it may hold anything: show it escaped).
    public var name: String
    /// Why.
    public var reason: String
  }

  /// What the drafts folder holds.
  public struct Listing: Sendable {
    /// The drafts that could be read, oldest first (by id).
    public var drafts: [Draft] = []
    /// The files that could not, by name.
    public var unusable: [Unusable] = []
  }

  /// Every draft, oldest first, and every file that is not a usable draft.
  /// Hidden files (a draft being written) are left out.
  /// - Throws: `StorageError` when the folder itself cannot be trusted or read
  ///   (a missing folder is an empty listing).
  public func list() throws -> Listing {
    try checkFolders()
    var listing = Listing()
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT { return listing }
      throw StorageError.readFailed(folder, AtomicFileWriter.reason(code))
    }
    defer { close(fd) }
    // An unreadable folder (no read permission) opens but cannot be listed.
    errno = 0
    let entries = RecordStore.entries(fd)
    if entries.isEmpty, let problem = Self.listingProblem(fd) {
      throw StorageError.readFailed(folder, problem)
    }
    for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") {
      guard let id = Self.id(fromFileName: entry.name) else {
        listing.unusable.append(
          Unusable(name: entry.name, reason: "not a draft's name (SO-yyyyMMddTHHmmssZ-XXXXXXXX\(Self.suffix))"))
        continue
      }
      do {
        listing.drafts.append(try load(id))
      } catch let error as StorageError {
        listing.unusable.append(Unusable(name: entry.name, reason: Self.reason(error)))
      }
    }
    return listing
  }

  /// Why a folder open as `fd` cannot be listed, if it cannot.
  private static func listingProblem(_ fd: Int32) -> String? {
    let copy = dup(fd)
    guard copy >= 0 else { return AtomicFileWriter.reason(errno) }
    guard let directory = fdopendir(copy) else {
      let code = errno
      close(copy)
      return AtomicFileWriter.reason(code)
    }
    defer { closedir(directory) }
    errno = 0
    if readdir(directory) == nil, errno != 0 { return AtomicFileWriter.reason(errno) }
    return nil
  }

  private static func reason(_ error: StorageError) -> String {
    switch error {
    case .badDraft(_, let why): return why
    case .readFailed(_, let why): return why
    case .noSuchDraft: return "it is gone"
    default: return "\(error)"
    }
  }

  /// Loads the draft named `id`, checking every field (`Draft.decode`).
  /// - Throws: `StorageError.noSuchDraft`, `.badDraft`, `.readFailed` or `.refused`.
  public func load(_ id: String) throws -> Draft {
    guard RecordID.isValid(id) else { throw StorageError.noSuchDraft(id) }
    try checkFolders()
    let path = folder + "/" + id + Self.suffix
    let data: Data
    do {
      data = try SafeFile.read(path, limit: Draft.maxBytes, trusted: true)
    } catch {
      if error.missing { throw StorageError.noSuchDraft(id) }
      throw StorageError.badDraft(path, error.reason)
    }
    do {
      return try Draft.decode(data, fileID: id)
    } catch {
      throw StorageError.badDraft(path, error.reason)
    }
  }

  /// Removes the draft named `id` (after its interview is completed).
  public func remove(_ id: String) {
    guard RecordID.isValid(id) else { return }
    AtomicFileWriter.remove(id + Self.suffix, in: folder)
  }
}
