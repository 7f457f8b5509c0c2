import Foundation
import SecondOpinionCore
import SecondOpinionMessage

/// Sends what is pending in an outbox over MESH, exactly once per record
/// version, and follows each message until the practice has it.
///
/// Exactly once, although MESH does not de-duplicate: an attempt is written
/// down (`sending`) before anything is sent, and before sending again after
/// such an attempt the deliverer asks MESH's tracking whether the local id
/// already arrived. A crash at any step therefore ends in one message.
public final class Deliverer: Sendable {
  public let outbox: Outbox
  public let configuration: MESHConfiguration
  let client: MESHClient
  let pdf: @Sendable (Record) throws -> Data
  let now: @Sendable () -> Date
  let concurrency: Int

  /// What one pass did.
  public struct Summary: Sendable, Equatable {
    public var sent = 0
    public var accepted = 0
    public var failed = 0
    /// Still pending after a transient problem (to be retried).
    public var retrying = 0
    public var notified = 0
    public var responses = 0
    /// Records still pending or sending after the pass (waiting for a retry).
    public var waiting = 0
    public init() {}
  }

  public init(
    outbox: Outbox, configuration: MESHConfiguration, client: MESHClient, concurrency: Int = 4,
    now: @escaping @Sendable () -> Date = { Date() }, pdf: @escaping @Sendable (Record) throws -> Data
  ) {
    self.outbox = outbox
    self.configuration = configuration
    self.client = client
    self.concurrency = max(1, concurrency)
    self.now = now
    self.pdf = pdf
  }

  private func stamp() -> String { RecordID.iso8601(now()) }

  /// Closes the MESH connections.
  public func shutdown() async { await client.shutdown() }

  /// Seconds until the earliest retry is due (at least 0.2, at most `cap`).
  public func nextWait(cap: Double) -> Double {
    let formatter = ISO8601DateFormatter()
    let times = outbox.entries().entries.compactMap { $0.state.nextAttemptAt }.compactMap { formatter.date(from: $0) }
    guard let earliest = times.min() else { return 0.2 }
    return min(cap, max(0.2, earliest.timeIntervalSince(now())))
  }

  /// One pass over the outbox: notify, send what is due, follow what was
  /// sent, read ITK3 responses. Throws `MESHError.configuration` (nothing
  /// more can get through until a person fixes a setting).
  public func pass() async throws -> Summary {
    try await client.handshake()
    var summary = Summary()
    let entries = outbox.entries().entries
    // Emergency and urgent first, then oldest first.
    let ordered = entries.sorted {
      ($0.state.urgency.severity, $1.state.createdAt) > ($1.state.urgency.severity, $0.state.createdAt)
    }
    for entry in ordered where entry.state.needsNotification && entry.state.notifiedAt == nil {
      if notify(entry.id) { summary.notified += 1 }
    }
    let due = ordered.filter { isDue($0.state) }
    try await withThrowingTaskGroup(of: Outcome.self) { group in
      var iterator = due.makeIterator()
      var running = 0
      while running < concurrency, let entry = iterator.next() {
        group.addTask { try await self.advance(entry.id) }
        running += 1
      }
      while let outcome = try await group.next() {
        switch outcome {
        case .sent: summary.sent += 1
        case .accepted: summary.accepted += 1
        case .failed: summary.failed += 1
        case .retrying: summary.retrying += 1
        case .unchanged: break
        }
        if let entry = iterator.next() {
          group.addTask { try await self.advance(entry.id) }
        }
      }
    }
    let responses = try await readResponses(&summary)
    summary.responses = responses
    summary.waiting = outbox.entries().entries.filter { [.pending, .sending].contains($0.state.status) }.count
    return summary
  }

  enum Outcome: Sendable { case sent, accepted, failed, retrying, unchanged }

  /// Whether an entry needs work now.
  func isDue(_ state: DeliveryState) -> Bool {
    switch state.status {
    case .failed: return false
    case .accepted: return true  // only to notice a corrected record
    case .pending, .sending, .sent:
      if let next = state.nextAttemptAt, next > stamp() { return false }
      return true
    }
  }

  /// Runs the notification for an urgent record once; true when it ran.
  @discardableResult
  public func notify(_ id: String) -> Bool {
    guard let command = configuration.notifyCommand else { return false }
    return Notifier.ringOnce(command, outbox: outbox, id: id, at: stamp)
  }

  /// Moves one record on as far as it can go now.
  func advance(_ id: String) async throws -> Outcome {
    var state: DeliveryState
    let record: Record
    let recordData: Data
    do {
      state = try outbox.state(id)
      let loaded = try outbox.record(id)
      record = loaded.record
      recordData = loaded.data
    } catch {
      return .unchanged
    }
    do {
      // A record corrected after it was sent goes again as a replacement.
      let digest = Outbox.digest(recordData)
      if [.sent, .accepted].contains(state.status), let sentDigest = state.recordDigest, sentDigest != digest,
        let composition = state.compositionIdentifier
      {
        state.replaces = ITKMessage.Replaces(compositionIdentifier: composition, version: state.version)
        state.version += 1
        state.localID = "\(id).v\(state.version)"
        state.attempts = 0
        state.messageID = nil
        state.sentAt = nil
        state.acceptedAt = nil
        state.recordDigest = nil
        state.move(to: .pending, at: stamp(), note: "record corrected: version \(state.version) replaces the last")
        try outbox.save(state)
      }
      switch state.status {
      case .failed, .accepted: return .unchanged
      case .sent: return try await follow(&state)
      case .pending, .sending: return try await send(&state, record: record, recordData: recordData)
      }
    } catch let error as MESHError {
      switch error {
      case .configuration: throw error
      case .rejected(let reason):
        state.failure = reason + ": check the recipient and workflow settings, then `second-opinion outbox retry \(id)`"
        state.nextAttemptAt = nil
        state.move(to: .failed, at: stamp(), note: reason)
        try? outbox.save(state)
        return .failed
      case .transient(let reason):
        state.lastError = reason
        var wait = backoff(state.attempts)
        if error.mayHaveArrived, state.status == .sending {
          // MESH may still be taking the upload: ask its tracking only once that has settled.
          wait = max(wait, 3 * configuration.timeoutSeconds)
        }
        state.nextAttemptAt = RecordID.iso8601(now().addingTimeInterval(wait))
        try? outbox.save(state)
        return .retrying
      }
    } catch let error as ITKMessage.Unsendable {
      state.failure = error.description
      state.move(to: .failed, at: stamp(), note: error.description)
      try? outbox.save(state)
      return .failed
    }
  }

  /// Exponential back-off with jitter, capped.
  func backoff(_ attempts: Int) -> TimeInterval {
    let base = configuration.retryBaseSeconds * pow(2, Double(max(0, attempts - 1)))
    let capped = min(configuration.retryMaxSeconds, base)
    return capped * Double.random(in: 0.75...1.25)
  }

  /// Sends the current version, unless tracking shows it already arrived.
  private func send(_ state: inout DeliveryState, record: Record, recordData: Data) async throws -> Outcome {
    let id = state.recordID
    let message = try message(for: &state, record: record, recordData: recordData)
    if state.status == .sending || state.attempts > 0 {
      // An earlier attempt may have reached MESH: ask before sending again.
      if let tracked = try await client.track(localID: state.localID) {
        switch tracked.status {
        case "uploading" where !tracked.messageID.isEmpty:
          let total = max(1, (message.data.count + configuration.chunkSize - 1) / configuration.chunkSize)
          try await client.sendChunks(message.data, messageID: tracked.messageID, from: 2, total: total)
          return try markSent(&state, messageID: tracked.messageID, note: "upload resumed after an interruption")
        case "undeliverable", "error":
          throw MESHError.rejected("MESH reports the earlier message \(tracked.messageID) as \(tracked.status)")
        default:
          let note = "MESH already had it (found by tracking the local id): not sent again"
          let outcome = try markSent(&state, messageID: tracked.messageID.isEmpty ? nil : tracked.messageID, note: note)
          if tracked.status == "acknowledged" { return try markAccepted(&state, note: "downloaded by the practice") }
          return outcome
        }
      }
    }
    state.attempts += 1
    state.lastError = nil
    state.move(to: .sending, at: stamp(), note: "attempt \(state.attempts)")
    try outbox.save(state)
    Fault.point("before-send")
    let outbox = self.outbox
    let snapshot = state
    let messageID = try await client.send(
      message.data, metadata: message.metadata, checksum: "sha256:" + (state.messageDigest ?? "")
    ) { messageID in
      // A chunked upload: note the id before the rest, so a restart resumes it.
      var started = snapshot
      started.messageID = messageID
      try outbox.save(started)
    }
    Fault.point("after-send")
    state.messageID = messageID
    let outcome = try markSent(&state, messageID: messageID, note: nil)
    Fault.point("after-bookkeeping")
    _ = id
    return outcome
  }

  private func markSent(_ state: inout DeliveryState, messageID: String?, note: String?) throws -> Outcome {
    if let messageID { state.messageID = messageID }
    state.sentAt = stamp()
    state.nextAttemptAt = nil
    state.lastError = nil
    state.move(to: .sent, at: stamp(), note: note ?? "MESH message \(state.messageID ?? "?")")
    try outbox.save(state)
    return .sent
  }

  private func markAccepted(_ state: inout DeliveryState, note: String) throws -> Outcome {
    state.acceptedAt = stamp()
    state.nextAttemptAt = nil
    state.move(to: .accepted, at: stamp(), note: note)
    try outbox.save(state)
    return .accepted
  }

  /// The message of the current version: the frozen copy, or built and frozen now.
  private func message(
    for state: inout DeliveryState, record: Record, recordData: Data
  ) throws -> (data: Data, metadata: MESHMetadata) {
    let id = state.recordID
    let generatedAt = state.history.last(where: { $0.status == .pending })?.at ?? record.createdAt
    if let frozen = outbox.frozenMessage(id, version: state.version), let digest = state.messageDigest,
      Outbox.digest(frozen) == digest
    {
      // The metadata only: the frozen bytes are what was (or is about to be) sent.
      let metadata = try ITKMessage.build(
        record: record, pdf: Data(), configuration: configuration.message, generatedAt: generatedAt,
        replaces: state.replaces
      ).metadata
      return (frozen, metadata)
    }
    let built = try ITKMessage.build(
      record: record, pdf: try outbox.committedPDF(id) ?? pdf(record), configuration: configuration.message,
      generatedAt: generatedAt, replaces: state.replaces)
    try outbox.freeze(built.data, id: id, version: state.version)
    state.messageDigest = Outbox.digest(built.data)
    state.recordDigest = Outbox.digest(recordData)
    state.bundleIdentifier = built.bundleIdentifier
    state.compositionIdentifier = built.compositionIdentifier
    state.messageHeaderID = built.messageHeaderID
    try outbox.save(state)
    return (built.data, built.metadata)
  }

  /// A sent message is accepted once the practice has downloaded and acknowledged it.
  private func follow(_ state: inout DeliveryState) async throws -> Outcome {
    guard let messageID = state.messageID else {
      if let tracked = try await client.track(localID: state.localID), !tracked.messageID.isEmpty {
        state.messageID = tracked.messageID
        try outbox.save(state)
      }
      return .unchanged
    }
    guard let tracked = try await client.track(messageID: messageID) else { return .unchanged }
    switch tracked.status {
    case "acknowledged": return try markAccepted(&state, note: "downloaded and acknowledged by the practice's mailbox")
    case "undeliverable", "error", "expired":
      throw MESHError.rejected("MESH reports message \(messageID) as \(tracked.status)")
    default: return .unchanged
    }
  }

  /// Reads ITK3 responses from this mailbox's inbox: a positive one accepts
  /// the record it answers, a negative one fails it with the practice's
  /// reason. The state is saved before the MESH message is acknowledged, so
  /// a crash between the two only reads the same response again.
  private func readResponses(_ summary: inout Summary) async throws -> Int {
    let ids = try await client.inbox(workflow: configuration.acknowledgementWorkflowID)
    guard !ids.isEmpty else { return 0 }
    var byReference: [String: String] = [:]
    for entry in outbox.entries().entries {
      for reference in [entry.state.bundleIdentifier, entry.state.messageHeaderID].compactMap({ $0 }) {
        byReference[reference] = entry.id
      }
    }
    var count = 0
    for messageID in ids {
      let message = try await client.download(messageID)
      if let response = ITKResponse(message.data), let id = response.references.compactMap({ byReference[$0] }).first,
        var state = try? outbox.state(id)
      {
        if response.positive, state.status != .accepted {
          state.acceptedAt = stamp()
          state.move(to: .accepted, at: stamp(), note: "ITK3 response \(response.code)")
          try outbox.save(state)
          summary.accepted += 1
        } else if !response.positive, response.fatal, state.status != .failed {
          let reason = "the practice's system rejected the report (ITK3 \(response.code): \(response.text))"
          state.failure = reason + ": correct the record and send it again"
          state.move(to: .failed, at: stamp(), note: reason)
          try outbox.save(state)
          summary.failed += 1
        }
      }
      Fault.point("during-ack")
      try await client.acknowledge(messageID)
      count += 1
    }
    return count
  }
}

/// An ITK3 response message (event ITK008M): which message it answers and how.
struct ITKResponse {
  var references: [String]
  var code: String
  var text: String
  var positive: Bool
  var fatal: Bool

  init?(_ data: Data) {
    guard let bundle = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let entries = bundle["entry"] as? [[String: Any]]
    else { return nil }
    let resources = entries.compactMap { $0["resource"] as? [String: Any] }
    guard let header = resources.first(where: { $0["resourceType"] as? String == "MessageHeader" }),
      let response = header["response"] as? [String: Any]
    else { return nil }
    var references: [String] = []
    if let identifier = response["identifier"] as? String { references.append(identifier) }
    if let extensions = (header["extension"] as? [[String: Any]])?.first?["extension"] as? [[String: Any]] {
      for item in extensions where item["url"] as? String == "SenderReference" {
        if let value = item["valueString"] as? String { references.append(value) }
      }
    }
    self.references = references
    let outcome = resources.first { $0["resourceType"] as? String == "OperationOutcome" }
    let coding = ((outcome?["issue"] as? [[String: Any]])?.first?["details"] as? [String: Any])?["coding"]
    let first = (coding as? [[String: Any]])?.first
    code = first?["code"] as? String ?? (response["code"] as? String ?? "")
    text = (first?["display"] as? String) ?? (response["code"] as? String ?? "")
    let responseCode = response["code"] as? String ?? ""
    positive = responseCode == "ok"
    fatal = responseCode == "fatal-error"
  }
}
