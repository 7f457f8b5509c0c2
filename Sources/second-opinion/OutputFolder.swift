import Foundation
import SecondOpinionStorage

/// The output folder as every writing command starts with it: refused when
/// someone else could change it (a symbolic link, another owner, writable by
/// group or others; its drafts folder too), then swept of what interrupted
/// writes left (`RecordStore.sweep`).
enum OutputFolder {
  /// Checks and sweeps `folder`; with `probe`, also makes it and checks it
  /// can be written now (the kiosk, before its first patient).
  /// - Throws: `ExitStatus.storage` (exit 7), with the reason on stderr.
  @discardableResult
  static func open(_ folder: String, probe: Bool = false) throws -> RecordStore {
    let store = RecordStore(folder: folder)
    do {
      if probe { try store.probe() } else { try store.prepare(create: false) }
      try DraftStore(outputFolder: folder).checkFolders()
      note(try store.sweep())
    } catch let error as StorageError {
      Diagnostics.error("the output folder cannot be used: \(error). Nothing was asked or written.")
      throw ExitStatus.storage
    }
    return store
  }

  /// Says on stderr what a sweep did (ids only: nothing about a patient).
  static func note(_ report: RecordStore.SweepReport) {
    for id in report.unfinishedRecords {
      Diagnostics.error(
        "removed the unfinished write of record \(id) left by an interrupted run (it had not been saved)")
    }
    if report.temporaryFiles > 0 {
      Diagnostics.error("removed \(report.temporaryFiles) temporary file(s) left by an interrupted run")
    }
    for id in report.finishedDrafts {
      Diagnostics.error("removed draft \(id): its record had been saved before the run that resumed it stopped")
    }
  }
}
