import Foundation
import SecondOpinionCore

/// An unfinished receptionist interview, saved when a call drops or the
/// receptionist presses Ctrl-C, to be resumed at the same question.
///
/// A draft file is data, never a path: `DraftStore` names it by the id in its
/// file name, and a draft read back is refused unless every field is one this
/// version writes (no unknown field, the id of its file name, a known mode and
/// reason, real times and a real date), within size limits, and every text in
/// it is made inert (`TextSanitizer`) before it reaches a screen or a record.
public struct Draft: Codable, Sendable, Equatable {
  /// One answer as typed, replayed on resume.
  public struct Item: Codable, Sendable, Equatable {
    /// The question answered.
    public var questionId: String
    /// What was typed (inert).
    public var typed: String

    /// Creates an item.
    public init(questionId: String, typed: String) {
      self.questionId = questionId
      self.typed = typed
    }
  }

  /// The format of draft files this version writes and reads. A draft
  /// without the field was written before it existed, in the same format.
  public static let currentSchemaVersion = 1
  /// Why a draft can be saved.
  public static let reasons: Set<String> = ["hang-up", "interrupted", "terminated", "ended", "storage-failed"]
  /// The largest draft file read (a whole interview is a few kilobytes).
  public static let maxBytes = 1 << 20
  /// The most answers a draft holds.
  public static let maxAnswers = 1_000
  /// The longest text kept for one answer, in characters (as a text question's longest `maxLength`).
  public static let maxTypedLength = 100_000
  /// The longest operator name.
  public static let maxOperatorLength = 200

  /// The format of the file.
  public var schemaVersion: Int
  /// The id the record will have when completed (always that of the file name).
  public var id: String
  /// The voice.
  public var mode: String
  /// The receptionist.
  public var `operator`: String?
  /// When the interview started, ISO 8601.
  public var createdAt: String
  /// When the draft was saved, ISO 8601.
  public var savedAt: String
  /// The date the interview's date answers were checked against.
  public var today: String
  /// Answers in the order given.
  public var answers: [Item]
  /// The question waiting when it was saved (nil: the review).
  public var waitingAt: String?
  /// Why it was saved ("hang-up", "interrupted", "terminated", "ended", "storage-failed").
  public var reason: String
  /// The language the interview spoke (nil: English, as drafts written
  /// before languages were).
  public var language: String?

  /// Creates a draft.
  public init(
    id: String, mode: String, operator: String?, createdAt: String, savedAt: String, today: String,
    answers: [Item], waitingAt: String?, reason: String, language: String? = nil
  ) {
    self.schemaVersion = Self.currentSchemaVersion
    self.id = id
    self.mode = mode
    self.operator = `operator`
    self.createdAt = createdAt
    self.savedAt = savedAt
    self.today = today
    self.answers = answers
    self.waitingAt = waitingAt
    self.reason = reason
    self.language = language == SeedBundle.english ? nil : language
  }

  /// The fields a draft file has; any other is refused.
  static let fields: Set<String> = [
    "schemaVersion", "id", "mode", "operator", "createdAt", "savedAt", "today", "answers", "waitingAt", "reason",
    "language",
  ]
  /// The fields of one answer.
  static let itemFields: Set<String> = ["questionId", "typed"]

  /// The file's format on the wire: every field typed, `schemaVersion` optional.
  private struct Wire: Decodable {
    var schemaVersion: Int?
    var id: String
    var mode: String
    var `operator`: String?
    var createdAt: String
    var savedAt: String
    var today: String
    var answers: [Item]
    var waitingAt: String?
    var reason: String
    var language: String?
  }

  /// Reads a draft file's bytes, checking every field (see the type's notes).
  /// - Parameter fileID: the id in the file's name, the only one trusted.
  /// - Throws: `DraftProblem`, saying what is wrong in words that hold nothing from the file.
  public static func decode(_ data: Data, fileID: String) throws(DraftProblem) -> Draft {
    guard data.count <= maxBytes else { throw DraftProblem("it is larger than \(maxBytes) bytes") }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw DraftProblem("it is not JSON")
    }
    guard let top = object as? [String: Any] else { throw DraftProblem("it is not a JSON object") }
    let unknown = top.keys.filter { !fields.contains($0) }
    guard unknown.isEmpty else {
      throw DraftProblem(
        "it has \(unknown.count == 1 ? "a field" : "fields") this version does not know (\(names(unknown)))")
    }
    if let items = top["answers"] as? [Any] {
      guard items.count <= maxAnswers else { throw DraftProblem("it has more than \(maxAnswers) answers") }
      for (index, item) in items.enumerated() {
        guard let fields = item as? [String: Any] else { throw DraftProblem("answer \(index + 1) is not an object") }
        let unknown = fields.keys.filter { !itemFields.contains($0) }
        guard unknown.isEmpty else {
          throw DraftProblem("answer \(index + 1) has fields this version does not know (\(names(unknown)))")
        }
      }
    }
    let wire: Wire
    do {
      wire = try JSONDecoder().decode(Wire.self, from: data)
    } catch let error as DecodingError {
      throw DraftProblem(describe(error))
    } catch {
      throw DraftProblem("it could not be decoded")
    }
    let version = wire.schemaVersion ?? currentSchemaVersion
    guard version == currentSchemaVersion else {
      throw DraftProblem("it is of draft format \(version); this version reads format \(currentSchemaVersion)")
    }
    guard wire.id == fileID else { throw DraftProblem("the id inside it is not the id of its file name") }
    guard Voice(rawValue: wire.mode) != nil else { throw DraftProblem("its mode is neither patient nor receptionist") }
    guard reasons.contains(wire.reason) else { throw DraftProblem("its reason is not one this version writes") }
    let created = try time(wire.createdAt, "createdAt")
    _ = try time(wire.savedAt, "savedAt")
    guard let day = CalendarDate.components(wire.today),
      CalendarDate.isReal(year: day.year, month: day.month, day: day.day),
      let gap = CalendarDate.days(from: CalendarDate.iso(created), to: wire.today), abs(gap) <= 1
    else {
      throw DraftProblem("its `today` is not the real date (yyyy-mm-dd) the interview started on")
    }
    var operatorName: String?
    if let given = wire.operator {
      let clean = TextSanitizer.clean(given)
      guard !clean.isEmpty, clean.count <= maxOperatorLength else {
        throw DraftProblem("its operator is empty or longer than \(maxOperatorLength) characters")
      }
      operatorName = clean
    }
    if wire.mode == Voice.receptionist.rawValue, operatorName == nil {
      throw DraftProblem("a receptionist draft must name its operator")
    }
    if let language = wire.language, !isIdentifier(language) || language.count > 20 {
      throw DraftProblem("its language is not a language code")
    }
    if let waiting = wire.waitingAt, !isIdentifier(waiting) {
      throw DraftProblem("its waitingAt is not a question id")
    }
    var items: [Item] = []
    for (index, item) in wire.answers.enumerated() {
      guard isIdentifier(item.questionId) else { throw DraftProblem("answer \(index + 1) does not name a question id") }
      guard item.typed.count <= maxTypedLength else {
        throw DraftProblem("answer \(index + 1) is longer than \(maxTypedLength) characters")
      }
      items.append(Item(questionId: item.questionId, typed: TextSanitizer.clean(item.typed)))
    }
    var draft = Draft(
      id: fileID, mode: wire.mode, operator: operatorName, createdAt: wire.createdAt, savedAt: wire.savedAt,
      today: wire.today, answers: items, waitingAt: wire.waitingAt, reason: wire.reason, language: wire.language)
    draft.schemaVersion = currentSchemaVersion
    return draft
  }

  /// Whether text is a question id as seeds name them (letters, digits, `_`, `-`, `.`; at most 100).
  static func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= 100
      && text.utf8.allSatisfy { $0 < 0x80 && (isalnum(Int32($0)) != 0 || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E) }
  }

  private static func time(_ text: String, _ field: String) throws(DraftProblem) -> Date {
    guard text.utf8.count <= 40, let date = RecordID.date(fromISO8601: text) else {
      throw DraftProblem("its \(field) is not an ISO 8601 time")
    }
    return date
  }

  /// Field names for a message: only names that are plain identifiers are shown.
  private static func names(_ keys: [String]) -> String {
    keys.sorted().prefix(5).map { isIdentifier($0) ? "`\($0)`" : "an unprintable name" }.joined(separator: ", ")
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let shown = context.codingPath.map { $0.intValue.map { "answer \($0 + 1)" } ?? $0.stringValue }
      return shown.filter(isIdentifier).joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, _):
      return "it has no `\(isIdentifier(key.stringValue) ? key.stringValue : "?")` field"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "a field has the wrong type (\(path(context)))"
    case .dataCorrupted(let context):
      return "a field has a value this version cannot read (\(path(context)))"
    @unknown default:
      return "it could not be decoded"
    }
  }
}

/// Why a draft file was refused, in words that hold nothing from the file.
public struct DraftProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong.
  public var reason: String
  /// Creates a problem.
  public init(_ reason: String) { self.reason = reason }
  public var description: String { reason }
}
