import Foundation
import SecondOpinionCore

/// The PDF letter is typeset outside the pure core (cairo and pango live in
/// the `SecondOpinionPDF` edge). The edge installs its typesetter here once at
/// start-up, and `LetterRenderer` asks for `.pdf` through it, so every place
/// that renders a format (interview, kiosk, resume, render, cases) gets the
/// PDF from the same `LetterModel` as the other letters.
public enum LetterTypesetter {
  /// Typesets a laid-out letter of a record as PDF bytes.
  public typealias Typeset = @Sendable (LetterModel, Record) throws -> Data

  /// Thrown when no typesetter was installed (a library user without the PDF edge).
  public struct Unavailable: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "PDF letters need the SecondOpinionPDF typesetter, which is not installed" }
  }

  private final class Slot: @unchecked Sendable {
    let lock = NSLock()
    var typeset: Typeset?
  }

  private static let slot = Slot()

  /// Installs the typesetter (the executable does this at start-up).
  public static func install(_ typeset: @escaping Typeset) {
    slot.lock.lock()
    slot.typeset = typeset
    slot.lock.unlock()
  }

  /// Whether a typesetter is installed.
  public static var isInstalled: Bool {
    slot.lock.lock()
    defer { slot.lock.unlock() }
    return slot.typeset != nil
  }

  /// The PDF of a record's letter.
  public static func typeset(_ model: LetterModel, record: Record) throws -> Data {
    slot.lock.lock()
    let typeset = slot.typeset
    slot.lock.unlock()
    guard let typeset else { throw Unavailable() }
    return try typeset(model, record)
  }
}
