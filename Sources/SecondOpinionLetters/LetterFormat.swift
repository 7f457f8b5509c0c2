import SecondOpinionCore

/// The formats a letter or export can be rendered in.
public enum LetterFormat: String, Sendable, CaseIterable, Codable {
  /// Markdown (the default letter).
  case markdown
  /// Plain text wrapped at 80 columns, for a terminal or printer.
  case text
  /// A self-contained HTML page with print styling.
  case html
  /// A FHIR R4 Bundle in JSON.
  case fhir
  /// An A4 PDF of the letter (typeset by the PDF edge, see `LetterTypesetter`).
  case pdf

  /// The file extension for the format.
  public var fileExtension: String {
    switch self {
    case .markdown: return "md"
    case .text: return "txt"
    case .html: return "html"
    case .fhir: return "fhir.json"
    case .pdf: return "pdf"
    }
  }
}
