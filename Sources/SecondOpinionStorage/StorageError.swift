/// Why something could not be stored or read, in words a receptionist can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The folder does not exist and could not be made.
  case cannotCreateFolder(String, String)
  /// The folder cannot be written (read-only, permissions).
  case notWritable(String, String)
  /// The disk is full.
  case full(String)
  /// A file with that name already exists; nothing was overwritten.
  case exists(String)
  /// Another failure writing.
  case writeFailed(String, String)
  /// A file could not be read.
  case readFailed(String, String)
  /// No draft with that id.
  case noSuchDraft(String)
  /// A folder someone else could change (a symbolic link, another owner,
  /// writable by group or others), or not a folder: refused, with why in
  /// full (see `FolderSafety`).
  case refused(String)
  /// A draft that is not one this version can use, with why.
  case badDraft(String, String)

  public var description: String {
    switch self {
    case .cannotCreateFolder(let path, let why): return "cannot create the folder \(path): \(why)"
    case .notWritable(let path, let why): return "cannot write in \(path): \(why)"
    case .full(let path): return "the disk holding \(path) is full; nothing was saved there"
    case .exists(let path): return "\(path) already exists; it was not overwritten"
    case .writeFailed(let path, let why): return "could not write \(path): \(why)"
    case .readFailed(let path, let why): return "could not read \(path): \(why)"
    case .noSuchDraft(let id): return "there is no draft called \(id) (see `second-opinion drafts`)"
    case .refused(let why): return why
    case .badDraft(let path, let why): return "\(path) is not a draft this version can use: \(why)"
    }
  }
}
