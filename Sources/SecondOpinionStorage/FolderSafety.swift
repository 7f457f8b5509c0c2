import Foundation

/// Refuses folders and files that someone else could change, as ssh does for
/// its keys: a symbolic link (to anywhere), one owned by another user (the
/// effective user and root are trusted: root installs seeds for a kiosk user),
/// or one that group or others can write. Only the last component of a path
/// is looked at, never followed.
public enum FolderSafety {
  /// What a path should be.
  public enum Kind: Sendable {
    /// A folder.
    case folder
    /// A regular file.
    case file
  }

  /// Why `path` must not be trusted, or nil when it may be. A path that does
  /// not exist, or cannot be looked at, is nil too: whoever then writes or
  /// reads there fails and says why.
  public static func problem(at path: String, kind: Kind) -> String? {
    var info = stat()
    guard lstat(trimmed(path), &info) == 0 else { return nil }
    return problem(info, path: path, kind: kind)
  }

  /// Why a file or folder with these attributes must not be trusted, or nil.
  public static func problem(_ info: stat, path: String, kind: Kind) -> String? {
    let type = info.st_mode & S_IFMT
    if type == S_IFLNK {
      return "\(path) is a symbolic link, which could be pointed anywhere; give the folder or file it points to, "
        + "after checking who can change it"
    }
    switch kind {
    case .folder where type != S_IFDIR: return "\(path) is not a folder"
    case .file where type != S_IFREG: return "\(path) is not a regular file"
    default: break
    }
    let me = geteuid()
    if info.st_uid != me && info.st_uid != 0 {
      return "\(path) is owned by user \(info.st_uid), not by this user (\(me)) or root, so that user could change it"
    }
    if info.st_mode & 0o022 != 0 {
      let mode = String(info.st_mode & 0o7777, radix: 8)
      return "\(path) can be changed by \(info.st_mode & 0o002 != 0 ? "anyone" : "its group") (mode \(mode)); "
        + "make it writable by its owner only: chmod go-w \(path)"
    }
    return nil
  }

  /// The path without trailing slashes (lstat would follow a link named with one).
  static func trimmed(_ path: String) -> String {
    var path = path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path
  }
}

/// Reads a whole file that must be a regular file, not a symbolic link, at
/// most `limit` bytes, and optionally trusted (`FolderSafety`). Opening never
/// blocks (a FIFO is refused, not waited on) and a file larger than the limit
/// is refused without being read.
public enum SafeFile {
  /// Why a file could not be read.
  public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened because it does not exist.
    public var missing: Bool
    /// What is wrong, in words.
    public var reason: String
    public var description: String { reason }
  }

  /// The file's bytes.
  /// - Throws: `Problem`.
  public static func read(_ path: String, limit: Int, trusted: Bool) throws(Problem) -> Data {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ELOOP { throw Problem(missing: false, reason: "\(path) is a symbolic link; it is not followed") }
      throw Problem(missing: code == ENOENT, reason: "\(path) cannot be read: \(String(cString: strerror(code)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw Problem(missing: false, reason: "\(path) cannot be read: \(String(cString: strerror(errno)))")
    }
    if trusted, let problem = FolderSafety.problem(info, path: path, kind: .file) {
      throw Problem(missing: false, reason: problem)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw Problem(missing: false, reason: "\(path) is not a regular file")
    }
    guard Int(info.st_size) <= limit else {
      throw Problem(missing: false, reason: "\(path) is \(info.st_size) bytes; the most this program reads is \(limit)")
    }
    var data = Data(count: Int(info.st_size) + 1)
    var count = 0
    while true {
      if count == data.count {
        // Grew while being read: one more byte than the limit is enough to refuse it.
        guard data.count <= limit else {
          throw Problem(
            missing: false, reason: "\(path) is more than \(limit) bytes; the most this program reads is \(limit)")
        }
        data.count = min(limit + 1, data.count * 2 + 1)
      }
      let got = data.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + count, $0.count - count) }
      if got < 0 {
        if errno == EINTR { continue }
        throw Problem(missing: false, reason: "\(path) cannot be read: \(String(cString: strerror(errno)))")
      }
      if got == 0 { break }
      count += got
    }
    guard count <= limit else {
      throw Problem(
        missing: false, reason: "\(path) is more than \(limit) bytes; the most this program reads is \(limit)")
    }
    data.count = count
    return data
  }
}
