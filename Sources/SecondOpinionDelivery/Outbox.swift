import Crypto
import Foundation
import SecondOpinionCore
import SecondOpinionMessage
import SecondOpinionStorage

/// The outbox is the output folder itself: every record folder `OUT/ID/`
/// holding a `delivery.json` is in it. The state file is replaced atomically
/// inside the folder (temporary file, fsync, rename, fsync of the folder).
public struct Outbox: Sendable {
  /// The output folder.
  public var root: String

  public init(root: String) { self.root = root }

  /// One record in the outbox.
  public struct Entry: Sendable {
    public var id: String
    public var folder: String
    public var state: DeliveryState
  }

  /// A problem with the outbox's files.
  public struct Problem: Error, CustomStringConvertible {
    public var description: String
  }

  /// The record folders with a delivery state, oldest first. Folders being
  /// committed (`.incoming-*`) and unreadable states are skipped (and listed in `unreadable`).
  public func entries() -> (entries: [Entry], unreadable: [String]) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return ([], []) }
    var entries: [Entry] = []
    var unreadable: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") && RecordID.isValid(name) {
      let folder = root + "/" + name
      let path = folder + "/" + DeliveryState.fileName
      guard FileManager.default.fileExists(atPath: path) else { continue }
      guard let data = FileManager.default.contents(atPath: path), let state = try? DeliveryState.decode(data),
        state.recordID == name
      else {
        unreadable.append(name)
        continue
      }
      entries.append(Entry(id: name, folder: folder, state: state))
    }
    return (entries, unreadable)
  }

  /// The folder of a record.
  public func folder(_ id: String) -> String { root + "/" + id }

  /// Reads a record's state.
  public func state(_ id: String) throws -> DeliveryState {
    let path = folder(id) + "/" + DeliveryState.fileName
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Problem(description: "\(id) has no delivery state in the outbox")
    }
    do {
      return try DeliveryState.decode(data)
    } catch {
      throw Problem(description: "\(path) is not a delivery state: \(error)")
    }
  }

  /// Replaces a record's state atomically. A ring noted on disk is kept
  /// (`notifiedAt` never goes back to nil): the submitting program may have
  /// rung while a deliverer held an older copy of the state.
  public func save(_ state: DeliveryState) throws {
    var state = state
    if state.needsNotification, state.notifiedAt == nil, let onDisk = try? self.state(state.recordID),
      let rung = onDisk.notifiedAt
    {
      state.notifiedAt = rung
    }
    try AtomicFileWriter.write(
      try state.encoded(), to: DeliveryState.fileName, in: folder(state.recordID), replace: true)
  }

  /// The record file's bytes and the record.
  public func record(_ id: String) throws -> (record: Record, data: Data) {
    let folder = self.folder(id)
    for name in ["\(id).json", "record.json"] {
      if let data = FileManager.default.contents(atPath: folder + "/" + name) {
        do {
          return (try RecordBuilder.decode(data), data)
        } catch {
          throw Problem(description: "\(folder)/\(name) is not a second-opinion record")
        }
      }
    }
    throw Problem(description: "the record file of \(id) is missing from \(folder)")
  }

  /// The committed PDF letter, if the record was written with `--format pdf`.
  public func committedPDF(_ id: String) -> Data? {
    FileManager.default.contents(atPath: folder(id) + "/\(id).pdf")
  }

  /// The message as first sent for a version: resends are byte for byte the same.
  public func frozenMessage(_ id: String, version: Int) -> Data? {
    FileManager.default.contents(atPath: folder(id) + "/" + Self.messageName(version))
  }

  /// Keeps the message before it is first sent.
  public func freeze(_ data: Data, id: String, version: Int) throws {
    try AtomicFileWriter.write(data, to: Self.messageName(version), in: folder(id), replace: true)
  }

  /// The frozen message's file name.
  public static func messageName(_ version: Int) -> String { "itk-message-v\(version).json" }

  /// SHA-256 in hex.
  public static func digest(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }
}

/// One deliverer per outbox at a time: an advisory lock on `OUT/.deliver.lock`.
public final class OutboxLock {
  private let fd: Int32

  /// Takes the lock, or returns nil when another deliverer holds it.
  public init?(root: String) {
    try? AtomicFileWriter.ensureFolder(root)
    let fd = open(root + "/.deliver.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return nil }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      return nil
    }
    self.fd = fd
  }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
