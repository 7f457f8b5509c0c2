import Foundation
import SecondOpinionCore

/// The output folder as a store of records, each all or nothing, even when
/// the process is killed (see docs/storage.md).
///
/// One record is one folder, `OUT/ID/`, holding the record's files (`ID.json`,
/// `ID.md`, `ID.txt`, `ID.html`, `ID.fhir.json`, whatever was asked, and any
/// other file a caller adds to the set). `commit(id:files:)` writes them all
/// into a hidden folder `OUT/.incoming-ID/` (0700; each file 0600, written
/// and fsynced), fsyncs that folder, renames it to `OUT/ID/` in one step that
/// never replaces anything, and fsyncs `OUT`. A reader therefore sees either
/// no `OUT/ID/` or all of it. `sweep()`, run when a writing command starts,
/// removes what an interrupted write left (an `.incoming-*` folder, a hidden
/// `*.tmp` file, a kiosk's probe) and finishes what it can (a draft whose
/// record was committed is removed), never touching a committed record.
///
/// Writers hold a shared `flock` on `OUT` while they commit; `sweep` takes it
/// exclusively, so it never removes a write that is still under way in
/// another process.
public struct RecordStore: Sendable {
  /// The output folder.
  public let folder: String

  /// The prefix of the hidden folder a record is written into before its commit.
  public static let incomingPrefix = ".incoming-"
  /// The prefix of the kiosk's probe file.
  static let probePrefix = ".probe-"
  /// How long `sweep` waits for writes under way to finish before giving up.
  static let sweepWaitSeconds = 5.0
  /// How long `commit` waits for a sweep to finish.
  static let commitWaitSeconds = 30.0

  /// A store over an output folder.
  public init(folder: String) { self.folder = FolderSafety.trimmed(folder) }

  /// The folder a record is committed as.
  public func recordFolder(_ id: String) -> String { folder + "/" + id }

  /// Whether record `id` has been committed.
  public func contains(_ id: String) -> Bool {
    guard RecordID.isValid(id) else { return false }
    var info = stat()
    return lstat(recordFolder(id), &info) == 0
  }

  /// Checks the output folder can be trusted (`FolderSafety`), making it
  /// first (0700) when `create` is set and it is missing.
  /// - Throws: `StorageError.refused`, or another `StorageError` when it cannot be made.
  public func prepare(create: Bool) throws {
    if create {
      try AtomicFileWriter.ensureFolder(folder)
    } else {
      // A file where the folder should be is not a matter of trust: the
      // first write fails on it and says so ("a file has that name").
      var info = stat()
      if lstat(folder, &info) == 0, info.st_mode & S_IFMT != S_IFDIR, info.st_mode & S_IFMT != S_IFLNK { return }
    }
    if let problem = FolderSafety.problem(at: folder, kind: .folder) { throw StorageError.refused(problem) }
  }

  /// Checks the folder can be written now: makes it if missing, then
  /// creates, syncs and removes a probe file. The kiosk runs this before the
  /// first patient, so nobody answers every question to be told at the end
  /// that nothing could be saved.
  public func probe() throws {
    try prepare(create: true)
    let out = try openFolder()
    defer { close(out) }
    let name = Self.probePrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = openat(out, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw AtomicFileWriter.failure(errno, folder) }
    var byte: UInt8 = 0x0A
    let written = Foundation.write(fd, &byte, 1)
    let code = errno
    let synced = fsync(fd) == 0
    let syncCode = errno
    close(fd)
    unlinkat(out, name, 0)
    guard written == 1 else { throw AtomicFileWriter.failure(code, folder) }
    guard synced else { throw AtomicFileWriter.failure(syncCode, folder) }
  }

  /// Commits `files` as record `id`: all of them appear at once as
  /// `OUT/ID/NAME`, or none does. Names are plain file names (no `/`, not
  /// hidden); the record's own files keep the id as their prefix
  /// (`ID.json`), and a caller may add others (such as `delivery.json`).
  /// Never replaces an existing record.
  /// - Returns: the paths written, in the order given.
  /// - Throws: `StorageError.exists` if the record exists, or another `StorageError`.
  @discardableResult
  public func commit(id: String, files: [(name: String, data: Data)]) throws -> [String] {
    guard RecordID.isValid(id) else { throw StorageError.writeFailed(folder, "\(id) is not a record id") }
    var seen: Set<String> = []
    for file in files {
      guard Self.isPlainName(file.name), seen.insert(file.name).inserted else {
        throw StorageError.writeFailed(folder, "\(file.name) cannot be a file of a record")
      }
    }
    try prepare(create: true)
    let out = try openFolder()
    defer { close(out) }  // also releases the lock
    guard Self.lock(out, exclusive: false, seconds: Self.commitWaitSeconds) else {
      throw StorageError.writeFailed(folder, "another program kept the folder locked")
    }
    var info = stat()
    if fstatat(out, id, &info, AT_SYMLINK_NOFOLLOW) == 0 { throw StorageError.exists(recordFolder(id)) }
    let incoming = Self.incomingPrefix + id
    if mkdirat(out, incoming, 0o700) != 0 {
      let code = errno
      guard code == EEXIST else { throw AtomicFileWriter.failure(code, folder) }
      // Left by a write of this record that was interrupted and not swept yet
      // (a second write of the same record at the same moment holds the lock
      // too, so this waits for it): sweep, then try once more.
      flock(out, LOCK_UN)
      _ = try sweep()
      guard Self.lock(out, exclusive: false, seconds: Self.commitWaitSeconds) else {
        throw StorageError.writeFailed(folder, "another program kept the folder locked")
      }
      if fstatat(out, id, &info, AT_SYMLINK_NOFOLLOW) == 0 { throw StorageError.exists(recordFolder(id)) }
      guard mkdirat(out, incoming, 0o700) == 0 else {
        throw StorageError.writeFailed(folder, "another write of \(id) is under way")
      }
    }
    do {
      try fill(out: out, incoming: incoming, files: files)
      guard Self.renameNoReplace(out, incoming, out, id) == 0 else {
        let code = errno
        if code == EEXIST || code == ENOTEMPTY { throw StorageError.exists(recordFolder(id)) }
        throw AtomicFileWriter.failure(code, folder)
      }
    } catch {
      Self.removeTree(out, incoming)
      fsync(out)
      throw error
    }
    guard fsync(out) == 0 else {
      // The rename may not last: take the record back, so nobody is told it
      // was saved when it might not have been.
      let code = errno
      if Self.renameNoReplace(out, id, out, incoming) == 0 {
        Self.removeTree(out, incoming)
        fsync(out)
      }
      throw AtomicFileWriter.failure(code, folder)
    }
    return files.map { recordFolder(id) + "/" + $0.name }
  }

  /// Writes and syncs every file into the incoming folder, then syncs it.
  private func fill(out: Int32, incoming: String, files: [(name: String, data: Data)]) throws {
    fchmodat(out, incoming, 0o700, 0)
    let folderFD = openat(out, incoming, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folderFD >= 0 else { throw AtomicFileWriter.failure(errno, folder) }
    defer { close(folderFD) }
    for file in files {
      let fd = openat(folderFD, file.name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      guard fd >= 0 else { throw AtomicFileWriter.failure(errno, folder) }
      var closed = false
      defer { if !closed { close(fd) } }
      fchmod(fd, 0o600)
      try Self.writeAll(fd, file.data, folder: folder)
      guard fsync(fd) == 0 else { throw AtomicFileWriter.failure(errno, folder) }
      closed = true
      guard close(fd) == 0 else { throw AtomicFileWriter.failure(errno, folder) }
    }
    guard fsync(folderFD) == 0 else { throw AtomicFileWriter.failure(errno, folder) }
  }

  /// What a sweep removed or finished.
  public struct SweepReport: Sendable, Equatable {
    /// Unfinished record folders (`.incoming-ID`) removed: their write was
    /// interrupted before the commit, so nobody was told they were saved.
    public var unfinishedRecords: [String] = []
    /// Hidden temporary files removed (an interrupted single-file write, a probe).
    public var temporaryFiles = 0
    /// Drafts removed because their record had been committed (the run was
    /// interrupted between the commit and removing the draft).
    public var finishedDrafts: [String] = []
    /// Whether nothing was found.
    public var isEmpty: Bool { unfinishedRecords.isEmpty && temporaryFiles == 0 && finishedDrafts.isEmpty }
  }

  /// Removes what interrupted writes left and finishes what can be finished:
  /// `OUT/.incoming-*` folders, hidden `*.tmp` files in `OUT` and
  /// `OUT/drafts`, probe files, and drafts whose record is committed. Waits
  /// for writes under way in other processes; does nothing if the folder is
  /// missing or they take too long.
  /// - Throws: `StorageError.refused` if the folder must not be trusted.
  @discardableResult
  public func sweep() throws -> SweepReport {
    var report = SweepReport()
    try prepare(create: false)
    let out = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard out >= 0 else { return report }
    defer { close(out) }
    guard Self.lock(out, exclusive: true, seconds: Self.sweepWaitSeconds) else { return report }
    for entry in Self.entries(out) {
      if entry.name.hasPrefix(Self.incomingPrefix) {
        Self.removeTree(out, entry.raw)
        report.unfinishedRecords.append(String(entry.name.dropFirst(Self.incomingPrefix.count)))
      } else if Self.isLeftoverFile(entry.name), Self.isRegularFile(out, entry.raw) {
        if unlinkat(out, entry.raw, 0) == 0 { report.temporaryFiles += 1 }
      }
    }
    let drafts = DraftStore(outputFolder: folder)
    if FolderSafety.problem(at: drafts.folder, kind: .folder) == nil {
      let draftsFD = openat(out, DraftStore.folderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if draftsFD >= 0 {
        var changed = false
        for entry in Self.entries(draftsFD) {
          if entry.name.hasPrefix("."), entry.name.hasSuffix(".tmp"), Self.isRegularFile(draftsFD, entry.raw) {
            if unlinkat(draftsFD, entry.raw, 0) == 0 {
              report.temporaryFiles += 1
              changed = true
            }
          } else if let id = DraftStore.id(fromFileName: entry.name), contains(id) {
            if unlinkat(draftsFD, entry.raw, 0) == 0 {
              report.finishedDrafts.append(id)
              changed = true
            }
          }
        }
        if changed { fsync(draftsFD) }
        close(draftsFD)
      }
    }
    if !report.isEmpty { fsync(out) }
    return report
  }

  /// Runs `body` holding the folder's shared lock (a sweep waits for it),
  /// for writes that are not records (drafts, rendered letters).
  public func whileWriting<T>(_ body: () throws -> T) throws -> T {
    let out = try openFolder()
    defer { close(out) }
    _ = Self.lock(out, exclusive: false, seconds: Self.commitWaitSeconds)
    return try body()
  }

  // MARK: - Helpers

  private func openFolder() throws -> Int32 {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ELOOP || code == ENOTDIR {
        throw StorageError.refused(FolderSafety.problem(at: folder, kind: .folder) ?? "\(folder) is not a folder")
      }
      throw AtomicFileWriter.failure(code, folder)
    }
    return fd
  }

  /// A name a record may give one of its files.
  static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.unicodeScalars.contains { $0.value < 0x20 }
      && name.utf8.count <= 255
  }

  /// A hidden file an interrupted write leaves in `OUT`.
  static func isLeftoverFile(_ name: String) -> Bool {
    name.hasPrefix(probePrefix) || (name.hasPrefix(".") && name.hasSuffix(".tmp"))
  }

  /// Takes the folder's lock, polling until `seconds` have passed. True when
  /// taken, or when the file system has no locks (there is nothing to wait for).
  static func lock(_ fd: Int32, exclusive: Bool, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      if flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 { return true }
      let code = errno
      if code != EWOULDBLOCK && code != EINTR { return true }
      if Date() >= deadline { return false }
      usleep(10_000)
    }
  }

  /// renameat2(RENAME_NOREPLACE) where the system has it; else a rename that
  /// first looks whether the target exists (a folder is never renamed onto a
  /// folder that has anything in it).
  static func renameNoReplace(_ fromFD: Int32, _ from: String, _ toFD: Int32, _ to: String) -> Int32 {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
      let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
      let result = renameat2(fromFD, from, toFD, to, 1)  // RENAME_NOREPLACE
      if result == 0 || (errno != EINVAL && errno != ENOSYS) { return result }
    }
    var info = stat()
    if fstatat(toFD, to, &info, AT_SYMLINK_NOFOLLOW) == 0 {
      errno = EEXIST
      return -1
    }
    return renameat(fromFD, from, toFD, to)
  }

  static func writeAll(_ fd: Int32, _ data: Data, folder: String) throws {
    var offset = 0
    while offset < data.count {
      let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, data.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw AtomicFileWriter.failure(errno, folder)
      }
      offset += written
    }
  }

  /// A folder entry: its name as text, and as the bytes to give back to the system.
  struct Entry {
    var name: String
    var raw: [CChar]
  }

  /// The entries of the folder open as `fd` (not `.` and `..`).
  static func entries(_ fd: Int32) -> [Entry] {
    let copy = dup(fd)
    guard copy >= 0 else { return [] }
    guard let directory = fdopendir(copy) else {
      close(copy)
      return []
    }
    defer { closedir(directory) }
    rewinddir(directory)
    var found: [Entry] = []
    while let entry = readdir(directory) {
      let raw = withUnsafeBytes(of: entry.pointee.d_name) { bytes -> [CChar] in
        let chars = bytes.bindMemory(to: CChar.self)
        let length = chars.firstIndex(of: 0) ?? chars.count
        return Array(chars[..<length]) + [0]
      }
      let name = String(decoding: raw.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if name == "." || name == ".." { continue }
      found.append(Entry(name: name, raw: raw))
    }
    return found
  }

  static func isRegularFile(_ folderFD: Int32, _ name: [CChar]) -> Bool {
    var info = stat()
    return fstatat(folderFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFREG
  }

  /// Removes a file, or a folder and what is in it, never following links.
  static func removeTree(_ parentFD: Int32, _ name: [CChar], depth: Int = 0) {
    if unlinkat(parentFD, name, 0) == 0 { return }
    guard depth < 16 else { return }
    let fd = openat(parentFD, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    if fd >= 0 {
      for entry in entries(fd) { removeTree(fd, entry.raw, depth: depth + 1) }
      fsync(fd)
      close(fd)
    }
    unlinkat(parentFD, name, AT_REMOVEDIR)
  }

  static func removeTree(_ parentFD: Int32, _ name: String) {
    removeTree(parentFD, Array(name.utf8CString))
  }
}
