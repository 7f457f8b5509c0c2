import Foundation
import SecondOpinionStorage
import Testing

/// `FolderSafety`: folders and files someone else could change are refused.
@Suite("Folder safety")
struct FolderSafetyTests {
  func scratch() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("so-safety-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    return path
  }

  @Test func anOwnerOnlyFolderAndAMissingOneAreFine() throws {
    let folder = try scratch()
    #expect(FolderSafety.problem(at: folder, kind: .folder) == nil)
    #expect(FolderSafety.problem(at: folder + "/missing", kind: .folder) == nil)
    chmod(folder, 0o755)
    #expect(FolderSafety.problem(at: folder, kind: .folder) == nil)
  }

  @Test(arguments: [0o777, 0o775, 0o757, 0o1777])
  func aFolderGroupOrOthersCanWriteIsRefused(_ mode: Int) throws {
    let folder = try scratch()
    chmod(folder, mode_t(mode))
    #expect(FolderSafety.problem(at: folder, kind: .folder)?.contains("chmod go-w") == true)
  }

  @Test func aLinkIsRefusedWithOrWithoutATrailingSlash() throws {
    let folder = try scratch()
    let link = folder + "-link"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
    #expect(FolderSafety.problem(at: link, kind: .folder)?.contains("symbolic link") == true)
    #expect(FolderSafety.problem(at: link + "/", kind: .folder)?.contains("symbolic link") == true)
  }

  @Test func aFolderOfAnotherUserIsRefused() throws {
    guard geteuid() == 0 else { return }  // only root can give a folder away
    let folder = try scratch()
    chown(folder, 65534, 65534)
    #expect(FolderSafety.problem(at: folder, kind: .folder)?.contains("owned by user 65534") == true)
  }

  @Test func aFileIsNotAFolder() throws {
    let folder = try scratch()
    FileManager.default.createFile(atPath: folder + "/f", contents: Data())
    #expect(FolderSafety.problem(at: folder + "/f", kind: .folder)?.contains("not a folder") == true)
    #expect(FolderSafety.problem(at: folder + "/f", kind: .file) == nil)
  }

  @Test func safeFileRefusesLinksFIFOsAndLargeFilesWithoutReading() throws {
    let folder = try scratch()
    FileManager.default.createFile(atPath: folder + "/big", contents: Data(count: 2048))
    #expect(throws: SafeFile.Problem.self) { try SafeFile.read(folder + "/big", limit: 1024, trusted: true) }
    #expect(try SafeFile.read(folder + "/big", limit: 4096, trusted: true).count == 2048)
    mkfifo(folder + "/fifo", 0o600)
    #expect(throws: SafeFile.Problem.self) { try SafeFile.read(folder + "/fifo", limit: 1024, trusted: true) }
    try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/big")
    #expect(throws: SafeFile.Problem.self) { try SafeFile.read(folder + "/link", limit: 4096, trusted: false) }
  }
}
