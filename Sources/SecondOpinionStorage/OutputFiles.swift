import Foundation
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionMessage

/// Writes one interview's record and letters into the output folder as one
/// record folder, `ID/`, holding `ID.json`, `ID.md`, `ID.txt`, `ID.html` and
/// `ID.fhir.json` (the formats asked for) and the patient's copy
/// `ID-patient-copy.txt` (in the patient's language), committed all at once by
/// `RecordStore`: either the whole folder appears or, on failure or a kill,
/// none of it does.
public struct OutputFiles: Sendable {
  /// The output folder.
  public var folder: String

  /// Creates a writer for a folder.
  public init(folder: String) { self.folder = folder }

  /// The record's files, named, in order: the record, then each letter asked
  /// for, then the patient's copy in the words of `patientDefinition` (the
  /// interview definition in the patient's language).
  public static func files(
    record: Record, layout: LetterLayout, formats: [LetterFormat], patientDefinition: InterviewDefinition
  ) throws -> [(name: String, data: Data)] {
    var files: [(name: String, data: Data)] = [("\(record.id).json", try RecordBuilder.encode(record))]
    var seen: Set<LetterFormat> = []
    for format in formats where seen.insert(format).inserted {
      files.append(
        ("\(record.id).\(format.fileExtension)", try LetterRenderer.render(record, layout: layout, as: format)))
    }
    let copy = PatientCopy.render(record, definition: patientDefinition, clock: layout.clock)
    files.append((PatientCopy.fileName(record), Data((copy + "\n").utf8)))
    return files
  }

  /// Writes the record, the letters in the formats asked for and the
  /// patient's copy; returns the paths.
  public func write(
    record: Record, layout: LetterLayout, formats: [LetterFormat], patientDefinition: InterviewDefinition
  ) throws -> [String] {
    // The record enters the outbox (delivery.json, pending) in the same commit.
    try RecordStore(folder: folder).commit(
      id: record.id,
      files: try Self.files(
        record: record, layout: layout, formats: formats, patientDefinition: patientDefinition)
        + [(DeliveryState.fileName, try DeliveryState.initial(for: record).encoded())]
    ).filter { !$0.hasSuffix("/" + DeliveryState.fileName) }
  }
}
