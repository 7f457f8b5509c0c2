import Foundation

/// Writes files so that a reader sees either nothing or the whole file: a
/// temporary file in the same folder (0600), fsync, a link to the final name
/// that fails rather than overwrite, then fsync of the folder. On any failure
/// the temporary file is removed and nothing partial is left.
public enum AtomicFileWriter {
  /// Makes a folder (and its parents) owner-only (0700) if it does not exist:
  /// each one is made 0700 by mkdir itself, never briefly open to others.
  public static func ensureFolder(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw StorageError.cannotCreateFolder(path, "a file has that name") }
      return
    }
    var prefixes: [String] = []
    var current = FolderSafety.trimmed(path)
    while !current.isEmpty, current != "/", current != "." {
      prefixes.append(current)
      guard let slash = current.lastIndex(of: "/") else { break }
      current = String(current[..<slash])
    }
    for folder in prefixes.reversed() {
      if mkdir(folder, 0o700) == 0 {
        chmod(folder, 0o700)
      } else if errno != EEXIST {
        throw StorageError.cannotCreateFolder(path, reason(errno))
      }
    }
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw StorageError.cannotCreateFolder(path, "a file has that name")
    }
  }

  /// Writes `data` to `folder/name`, never overwriting.
  /// - Throws: `StorageError.exists` if the name is taken, or another `StorageError`.
  public static func write(_ data: Data, to name: String, in folder: String, replace: Bool = false) throws {
    let target = folder + "/" + name
    let temporary = folder + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw failure(errno, folder) }
    var closed = false
    defer {
      if !closed { close(fd) }
      unlink(temporary)
    }
    fchmod(fd, 0o600)
    var offset = 0
    while offset < data.count {
      let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, data.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(errno, folder)
      }
      offset += written
    }
    guard fsync(fd) == 0 else { throw failure(errno, folder) }
    closed = true
    guard close(fd) == 0 else { throw failure(errno, folder) }
    if replace {
      guard rename(temporary, target) == 0 else { throw failure(errno, folder) }
    } else {
      // link(2) fails with EEXIST instead of replacing: never overwrite.
      guard link(temporary, target) == 0 else {
        if errno == EEXIST { throw StorageError.exists(target) }
        throw failure(errno, folder)
      }
      // Drop the temporary name before the folder is synced, so a crash
      // cannot leave a second, hidden link to the file behind.
      unlink(temporary)
    }
    syncFolder(folder)
  }

  /// Removes a file and syncs its folder.
  public static func remove(_ name: String, in folder: String) {
    unlink(folder + "/" + name)
    syncFolder(folder)
  }

  private static func syncFolder(_ folder: String) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  static func failure(_ code: Int32, _ folder: String) -> StorageError {
    switch code {
    case ENOSPC, EDQUOT: return .full(folder)
    case EACCES, EPERM, EROFS: return .notWritable(folder, reason(code))
    default: return .writeFailed(folder, reason(code))
    }
  }

  static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
