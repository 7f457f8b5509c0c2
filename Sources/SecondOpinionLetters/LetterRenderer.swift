import Foundation
import SecondOpinionCore

/// Renders a record in any format: the letters and the FHIR export.
public enum LetterRenderer {
  /// The bytes of a record rendered as `format`.
  public static func render(_ record: Record, layout: LetterLayout, as format: LetterFormat) throws -> Data {
    switch format {
    case .markdown: return Data(MarkdownLetter.render(LetterModel(record: record, layout: layout)).utf8)
    case .text: return Data(PlainTextLetter.render(LetterModel(record: record, layout: layout)).utf8)
    case .html: return Data(HTMLLetter.render(LetterModel(record: record, layout: layout)).utf8)
    case .fhir: return try FHIRExporter.bundle(for: record).encoded()
    case .pdf: return try LetterTypesetter.typeset(LetterModel(record: record, layout: layout), record: record)
    }
  }
}
