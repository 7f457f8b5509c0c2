import Foundation
import SecondOpinionStorage
import Testing

/// `RecordStore`: one record is one folder that appears in one rename, and
/// the sweep removes what interrupted writes left (docs/storage.md).
@Suite("Record store")
struct RecordStoreTests {
  static let id = "SO-20261125T100000Z-00000000"
  static let other = "SO-20261125T100001Z-0000000A"

  func scratch() -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("so-store-\(UUID().uuidString)")
    return url.path + "/out"
  }

  func names(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  func mode(_ path: String) -> Int {
    var info = stat()
    lstat(path, &info)
    return Int(info.st_mode & 0o777)
  }

  @Test func aCommitIsOneOwnerOnlyFolderHoldingEveryFile() throws {
    let store = RecordStore(folder: scratch())
    let paths = try store.commit(
      id: Self.id,
      files: [("\(Self.id).json", Data("{}".utf8)), ("\(Self.id).md", Data("# x".utf8)), ("delivery.json", Data())])
    #expect(
      paths == ["json", "md"].map { "\(store.folder)/\(Self.id)/\(Self.id).\($0)" } + [
        "\(store.folder)/\(Self.id)/delivery.json"
      ])
    #expect(names(store.folder) == [Self.id])
    #expect(names(store.recordFolder(Self.id)) == ["\(Self.id).json", "\(Self.id).md", "delivery.json"])
    #expect(mode(store.folder) == 0o700 && mode(store.recordFolder(Self.id)) == 0o700)
    for path in paths { #expect(mode(path) == 0o600) }
    #expect(store.contains(Self.id) && !store.contains(Self.other))
  }

  @Test func aRecordIsNeverReplacedAndNothingIsLeftOfTheSecondTry() throws {
    let store = RecordStore(folder: scratch())
    try store.commit(id: Self.id, files: [("\(Self.id).json", Data("first".utf8))])
    #expect(throws: StorageError.exists(store.recordFolder(Self.id))) {
      try store.commit(id: Self.id, files: [("\(Self.id).json", Data("second".utf8))])
    }
    #expect(names(store.folder) == [Self.id])
    #expect(
      FileManager.default.contents(atPath: "\(store.recordFolder(Self.id))/\(Self.id).json") == Data("first".utf8))
  }

  @Test(arguments: ["", ".hidden", "a/b", "../x", "x\u{1B}y"])
  func aFileNameThatIsAPathIsRefused(_ name: String) {
    let store = RecordStore(folder: scratch())
    #expect(throws: StorageError.self) { try store.commit(id: Self.id, files: [(name, Data())]) }
    #expect(!store.contains(Self.id))
  }

  @Test(arguments: ["../SO-20261125T100000Z-00000000", "x", "SO-20261125T100000Z-0000000"])
  func anIdThatIsNotARecordIdIsRefused(_ id: String) {
    let store = RecordStore(folder: scratch())
    #expect(throws: StorageError.self) { try store.commit(id: id, files: [("a.json", Data())]) }
    #expect(names(store.folder).isEmpty)
  }

  @Test func theSweepRemovesUnfinishedWritesAndFinishesDraftsButKeepsRecords() throws {
    let store = RecordStore(folder: scratch())
    try store.commit(id: Self.id, files: [("\(Self.id).json", Data("kept".utf8))])
    let unfinished = store.folder + "/.incoming-" + Self.other
    try FileManager.default.createDirectory(atPath: unfinished, withIntermediateDirectories: false)
    FileManager.default.createFile(atPath: unfinished + "/\(Self.other).json", contents: Data("Sam".utf8))
    FileManager.default.createFile(atPath: store.folder + "/.\(Self.other).md.1.2.tmp", contents: Data("Sam".utf8))
    let drafts = DraftStore(outputFolder: store.folder)
    try FileManager.default.createDirectory(
      atPath: drafts.folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    FileManager.default.createFile(atPath: drafts.folder + "/\(Self.id).draft.json", contents: Data("{}".utf8))
    FileManager.default.createFile(atPath: drafts.folder + "/\(Self.other).draft.json", contents: Data("{}".utf8))
    let report = try store.sweep()
    #expect(report.unfinishedRecords == [Self.other])
    #expect(report.temporaryFiles == 1)
    #expect(report.finishedDrafts == [Self.id])
    #expect(names(store.folder) == [Self.id, "drafts"])
    #expect(names(drafts.folder) == ["\(Self.other).draft.json"], "a draft without a record stays")
    #expect(FileManager.default.contents(atPath: "\(store.recordFolder(Self.id))/\(Self.id).json") == Data("kept".utf8))
    #expect(try store.sweep().isEmpty)
  }

  @Test func aWriteLeftUnsweptIsSweptBeforeTheSameRecordIsCommitted() throws {
    let store = RecordStore(folder: scratch())
    try store.prepare(create: true)
    let unfinished = store.folder + "/.incoming-" + Self.id
    try FileManager.default.createDirectory(atPath: unfinished, withIntermediateDirectories: false)
    FileManager.default.createFile(atPath: unfinished + "/\(Self.id).json", contents: Data("partial".utf8))
    try store.commit(id: Self.id, files: [("\(Self.id).json", Data("whole".utf8))])
    #expect(names(store.folder) == [Self.id])
    #expect(
      FileManager.default.contents(atPath: "\(store.recordFolder(Self.id))/\(Self.id).json") == Data("whole".utf8))
  }

  @Test func aFolderOthersCanWriteOrALinkIsRefused() throws {
    let store = RecordStore(folder: scratch())
    try store.prepare(create: true)
    chmod(store.folder, 0o777)
    #expect(throws: StorageError.self) { try store.commit(id: Self.id, files: [("\(Self.id).json", Data())]) }
    #expect(throws: StorageError.self) { try store.sweep() }
    chmod(store.folder, 0o700)
    let link = store.folder + "-link"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: store.folder)
    #expect(throws: StorageError.self) { try RecordStore(folder: link).probe() }
    #expect(names(store.folder).isEmpty)
  }

  @Test func theProbeLeavesNothing() throws {
    let store = RecordStore(folder: scratch())
    try store.probe()
    #expect(names(store.folder).isEmpty)
  }
}
