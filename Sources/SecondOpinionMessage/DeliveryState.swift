import Foundation
import SecondOpinionCore

/// A record's place in the outbox, kept as `delivery.json` in the record's
/// folder. It is written in the same commit as the record (as `pending`) and
/// then replaced atomically (temporary file, rename) as delivery goes on:
///
///     pending → sending → sent (MESH message id) → accepted
///                       ↘ failed (a reason a person can act on)
///
/// `sending` marks an attempt under way: after a crash the sender asks MESH's
/// tracking for the local id before it sends again, so a record is never
/// sent twice. No patient data is kept here, only ids, times and reasons.
public struct DeliveryState: Codable, Sendable, Equatable {
  public enum Status: String, Codable, Sendable, CaseIterable {
    /// Committed, not yet sent.
    case pending
    /// An attempt is under way (or was, when a crash interrupted it).
    case sending
    /// MESH took the message: `messageID` is set.
    case sent
    /// The practice's mailbox has it: downloaded and acknowledged, or a positive ITK3 response.
    case accepted
    /// It cannot be delivered as it is: `failure` says why and what to do.
    case failed
  }

  /// One step in the state's history.
  public struct Event: Codable, Sendable, Equatable {
    public var at: String
    public var status: Status
    public var note: String?
    public init(at: String, status: Status, note: String? = nil) {
      self.at = at
      self.status = status
      self.note = note
    }
  }

  /// The format of this file.
  public static let currentFormat = "second-opinion-delivery-1"
  /// The file's name in the record folder.
  public static let fileName = "delivery.json"

  public var format: String
  public var recordID: String
  public var status: Status
  /// The record's urgency (for listing and notification without the record).
  public var urgency: Urgency
  /// When the record was made.
  public var createdAt: String
  /// The message version (1, or more for a corrected record).
  public var version: Int
  /// `mex-LocalID` of the current version.
  public var localID: String
  /// Attempts made at the current version.
  public var attempts: Int
  /// The MESH message id once sent.
  public var messageID: String?
  /// The message bundle identifier and MessageHeader id (for matching ITK3 responses).
  public var bundleIdentifier: String?
  public var messageHeaderID: String?
  /// The Composition identifier of the version sent (what a replacement replaces).
  public var compositionIdentifier: String?
  /// The version this one replaces, if a correction.
  public var replaces: ITKMessage.Replaces?
  /// SHA-256 of the record file the message was made from.
  public var recordDigest: String?
  /// SHA-256 of the message sent.
  public var messageDigest: String?
  public var sentAt: String?
  public var acceptedAt: String?
  /// Not before this time (back-off after a failed attempt).
  public var nextAttemptAt: String?
  /// The last transient problem (retried), naming settings, never values.
  public var lastError: String?
  /// Why it failed for good, and what a person can do.
  public var failure: String?
  /// When the urgent-case notification ran.
  public var notifiedAt: String?
  public var history: [Event]

  /// The state a record is committed with.
  public static func initial(for record: Record) -> DeliveryState {
    DeliveryState(
      format: currentFormat, recordID: record.id, status: .pending, urgency: record.triage.urgency,
      createdAt: record.createdAt, version: 1, localID: record.id, attempts: 0, messageID: nil,
      bundleIdentifier: nil, messageHeaderID: nil, compositionIdentifier: nil, replaces: nil, recordDigest: nil,
      messageDigest: nil,
      sentAt: nil, acceptedAt: nil, nextAttemptAt: nil, lastError: nil, failure: nil, notifiedAt: nil,
      history: [Event(at: record.createdAt, status: .pending, note: "committed with the record")])
  }

  /// Whether the urgency needs someone told at once.
  public var needsNotification: Bool { urgency == .emergency || urgency == .urgent }

  /// Moves to a status, noting it in the history (kept to the last 50 steps).
  public mutating func move(to status: Status, at time: String, note: String? = nil) {
    self.status = status
    history.append(Event(at: time, status: status, note: note))
    if history.count > 50 { history.removeFirst(history.count - 50) }
  }

  /// JSON with sorted keys and a final newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a `delivery.json`.
  public static func decode(_ data: Data) throws -> DeliveryState {
    try JSONDecoder().decode(DeliveryState.self, from: data)
  }
}
