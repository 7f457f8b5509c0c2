import Foundation
import SecondOpinionCore

/// A cache of decoded seeds, so that an interview does not decode the YAML
/// (about two thirds of its start-up) every time.
///
/// The cache lives in `$XDG_CACHE_HOME/second-opinion` (or
/// `~/.cache/second-opinion`), a folder only its owner can use, in at most
/// eight files chosen by a hash of the three YAML files' bytes and of the
/// program. Each file holds the three files' bytes, the identity of the
/// executable that wrote it (a rebuilt program may decode seeds differently),
/// the decoded bundle in a compact binary form (`SeedBundleCoding`), and a
/// checksum. It is used only when every byte of the three files is the same; a
/// file that is missing, unreadable, damaged, not owner-only or written by
/// another build is ignored and rewritten. Nothing in it comes from an
/// interview. `check` never uses it; `SECOND_OPINION_SEED_CACHE=off` turns it off.
public struct SeedCache: Sendable {
  /// The cache folder.
  public var folder: String

  /// What identifies the program: a cache written by another build is not used.
  var programIdentity: [UInt8]

  private static let magic: [UInt8] = Array("second-opinion seed cache 1\n".utf8)
  private static let slots: UInt64 = 8

  /// A cache in a folder, for this executable.
  public init(folder: String) {
    self.folder = folder
    self.programIdentity = Self.executableIdentity() ?? []
  }

  /// The usual cache: `$XDG_CACHE_HOME/second-opinion`, else
  /// `$HOME/.cache/second-opinion`; nil when neither is set (absolute),
  /// when `SECOND_OPINION_SEED_CACHE` is `off`, or when this executable cannot
  /// be identified.
  /// - Parameter environment: how to read a variable (tests give their own).
  public static func standard(environment: (String) -> String? = ProcessEnvironment.value) -> SeedCache? {
    if environment("SECOND_OPINION_SEED_CACHE") == "off" { return nil }
    let base: String
    if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment("HOME"), home.hasPrefix("/") {
      base = home + "/.cache"
    } else {
      return nil
    }
    let cache = SeedCache(folder: base + "/second-opinion")
    return cache.programIdentity.isEmpty ? nil : cache
  }

  /// The cached bundle for these three files' bytes, if there is a usable one.
  public func bundle(interview: [UInt8], triage: [UInt8], letter: [UInt8]) -> SeedBundle? {
    guard !programIdentity.isEmpty, ownerOnlyFolder(create: false),
      let bytes = readOwnFile(path(for: [interview, triage, letter]))
    else { return nil }
    var cursor = Cursor(bytes: bytes)
    guard bytes.count >= 8, Self.checksum(bytes[..<(bytes.count - 8)]) == cursor.word(at: bytes.count - 8),
      Self.same(cursor.take(Self.magic.count), Self.magic), Self.same(cursor.block(), programIdentity),
      Self.same(cursor.block(), interview), Self.same(cursor.block(), triage), Self.same(cursor.block(), letter)
    else { return nil }
    let payload = cursor.block()
    guard cursor.offset == bytes.count - 8, !cursor.failed else { return nil }
    return SeedBundleCoding.decode(payload)
  }

  /// Stores the bundle decoded from these three files' bytes. Failures are
  /// ignored: the cache is only a short cut.
  public func store(_ bundle: SeedBundle, interview: [UInt8], triage: [UInt8], letter: [UInt8]) {
    guard !programIdentity.isEmpty, ownerOnlyFolder(create: true) else { return }
    var bytes = Self.magic
    for block in [programIdentity, interview, triage, letter, SeedBundleCoding.encode(bundle)] {
      guard block.count <= Int(UInt32.max) else { return }
      Self.append(UInt64(block.count), count: 4, to: &bytes)
      bytes.append(contentsOf: block)
    }
    Self.append(Self.checksum(bytes[...]), count: 8, to: &bytes)
    let target = path(for: [interview, triage, letter])
    let temporary = "\(target).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { return }
    var offset = 0
    var ok = true
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        ok = false
        break
      }
      offset += written
    }
    if close(fd) != 0 { ok = false }
    if !ok || rename(temporary, target) != 0 { unlink(temporary) }
  }

  /// Whether a slice holds exactly these bytes.
  private static func same(_ slice: ArraySlice<UInt8>, _ bytes: [UInt8]) -> Bool {
    slice.count == bytes.count
      && slice.withUnsafeBytes { a in
        bytes.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
      }
  }

  /// The file for these bytes: one of a few slots, by a hash of the bytes
  /// and of the program (so that two builds in use do not take turns at one).
  func path(for files: [[UInt8]]) -> String {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    for file in [programIdentity] + files { hash = Self.hash(file[...], seed: hash) }
    return "\(folder)/seeds-\(hash % Self.slots).cache"
  }

  /// Whether the folder exists (made when `create`), is a real folder owned by
  /// this user, and nobody else can use it.
  private func ownerOnlyFolder(create: Bool) -> Bool {
    var info = stat()
    if lstat(folder, &info) != 0 {
      guard create, errno == ENOENT else { return false }
      let parent = (folder as NSString).deletingLastPathComponent
      if lstat(parent, &info) != 0 { mkdir(parent, 0o700) }
      guard mkdir(folder, 0o700) == 0 || errno == EEXIST, lstat(folder, &info) == 0 else { return false }
    }
    return info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid() && info.st_mode & 0o077 == 0
  }

  /// The bytes of a regular file owned by this user that nobody else can
  /// write to, or nil.
  private func readOwnFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
      info.st_mode & 0o022 == 0, info.st_size > 0, info.st_size < 64 << 20
    else { return nil }
    let size = Int(info.st_size)
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var offset = 0
      while offset < size {
        let count = read(fd, buffer.baseAddress! + offset, size - offset)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        offset += count
      }
      // Bytes not read (a file that shrank) are zeroed, and the file refused.
      if offset < size {
        complete = false
        buffer.baseAddress!.advanced(by: offset).initialize(repeating: 0, count: size - offset)
      }
      initialized = size
    }
    return complete ? bytes : nil
  }

  /// The device, inode, size and modification time of the running executable.
  private static func executableIdentity() -> [UInt8]? {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else { return nil }
    var bytes: [UInt8] = []
    for value in [
      UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size), UInt64(bitPattern: Int64(info.st_mtim.tv_sec)),
      UInt64(info.st_mtim.tv_nsec),
    ] {
      append(value, count: 8, to: &bytes)
    }
    return bytes
  }

  /// A fast 64-bit hash of bytes, eight at a time (to choose a slot, and as a
  /// checksum; the YAML bytes themselves are compared before a cached bundle
  /// is used).
  private static func hash(_ bytes: ArraySlice<UInt8>, seed: UInt64) -> UInt64 {
    // Four independent lanes of 8 bytes, so the multiplications overlap.
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (seed ^ UInt64(bytes.count), seed &+ 1, seed &+ 2, seed &+ 3)
    func mix(_ hash: inout UInt64, _ word: UInt64) {
      hash = (hash ^ word) &* 0x0000_0100_0000_01B3
      hash ^= hash >> 29
    }
    bytes.withUnsafeBytes { raw in
      var index = 0
      while index + 32 <= raw.count {
        mix(&lanes.0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        mix(&lanes.1, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)))
        mix(&lanes.2, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)))
        mix(&lanes.3, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)))
        index += 32
      }
      while index < raw.count {
        mix(&lanes.0, UInt64(raw[index]))
        index += 1
      }
    }
    var hash = lanes.0
    for lane in [lanes.1, lanes.2, lanes.3] { mix(&hash, lane) }
    return hash
  }

  /// A checksum of the file's content, to notice a damaged file.
  private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    hash(bytes, seed: 0xCBF2_9CE4_8422_2325)
  }

  private static func append(_ value: UInt64, count: Int, to bytes: inout [UInt8]) {
    for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
  }

  /// Reads length-prefixed blocks; on any overrun it records the failure and
  /// returns nothing.
  private struct Cursor {
    let bytes: [UInt8]
    var offset = 0
    var failed = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    func word(at position: Int) -> UInt64 {
      var value: UInt64 = 0
      for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[position + index]) }
      return value
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8> {
      guard !failed, count >= 0, offset <= bytes.count - 8 - count else {
        failed = true
        return []
      }
      defer { offset += count }
      return bytes[offset..<(offset + count)]
    }

    mutating func block() -> ArraySlice<UInt8> {
      let header = take(4)
      guard header.count == 4 else { return [] }
      var count = 0
      for (index, byte) in header.enumerated() { count |= Int(byte) << (8 * index) }
      return take(count)
    }
  }
}
