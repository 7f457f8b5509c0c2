import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionDelivery
import SecondOpinionTerminal

/// `second-opinion records`: submitted records for staff at the desk.
struct RecordsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "records",
    abstract: "List submitted records: local time, urgency, delay risk, delivery state (names with --names).",
    discussion: """
      Emergency and urgent records come first, then the newest. No patient names unless --names. \
      Give the reference a person was shown at the end of their interview (or a record id, or its start) \
      to list that record only.
      """)

  @Argument(
    help: "Only the record with this reference (as the person was given it, e.g. K7F3 QX2M) or id, or ids starting so."
  )
  var reference: String?

  @OptionGroup var location: OutboxFolder

  @Flag(name: .long, help: "Show patient names (for staff at the desk only).")
  var names = false

  @Flag(name: .long, help: "Refresh the list on the screen until interrupted.")
  var watch = false

  @Option(name: .long, help: "Seconds between refreshes with --watch.")
  var interval: Double = 2

  @Option(name: .long, help: "Stop after this many refreshes with --watch (default: never).")
  var count: Int?

  struct Row {
    var id: String
    var createdAt: String
    var urgency: Urgency
    var delayRisk: String
    var delivery: String
    var name: String?
  }

  func run() throws {
    var shown = 0
    repeat {
      var rows = Self.rows(folder: location.folder, names: names)
      if let reference {
        switch RecordReference.resolve(reference, among: rows.map(\.id)) {
        case .one(let id): rows = rows.filter { $0.id == id }
        case .several(let ids): rows = rows.filter { ids.contains($0.id) }
        case .none:
          if !watch {
            Diagnostics.error(
              "no record in \(location.folder) has the reference or an id starting with \(InertText.name(reference))")
            throw ExitStatus.defects
          }
          rows = []
        }
      }
      var text = ""
      if watch {
        // Redrawn in place where the terminal allows it; on a dumb terminal
        // (or a pipe) each refresh follows the last, after a blank line.
        let cursor = TerminalOutput.capabilities(
          terminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment
        ).cursor
        text += cursor ? "\u{1B}[H\u{1B}[2J" : (shown > 0 ? "\n" : "")
      }
      text += Self.table(rows, names: names)
      print(text, terminator: "")
      fflush(nil)
      shown += 1
      if !watch || (count.map { shown >= $0 } ?? false) { break }
      usleep(UInt32(max(0.2, interval) * 1_000_000))
    } while true
  }

  static func rows(folder: String, names: Bool) -> [Row] {
    let outbox = Outbox(root: folder)
    var rows: [Row] = []
    var seen: Set<String> = []
    for entry in outbox.entries().entries {
      seen.insert(entry.id)
      let record = try? outbox.record(entry.id).record
      rows.append(
        Row(
          id: entry.id, createdAt: entry.state.createdAt, urgency: entry.state.urgency,
          delayRisk: record?.triage.delayRisk.rawValue ?? "?", delivery: entry.state.status.rawValue,
          name: names ? record.flatMap(patientName) : nil))
    }
    // Records written without an outbox state (flat files, or before delivery was set up).
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for file in files where file.hasSuffix(".json") && !file.hasSuffix(".fhir.json") {
      let id = String(file.dropLast(5))
      guard RecordID.isValid(id), !seen.contains(id),
        let data = FileManager.default.contents(atPath: folder + "/" + file),
        let record = try? RecordBuilder.decode(data)
      else { continue }
      rows.append(
        Row(
          id: id, createdAt: record.createdAt, urgency: record.triage.urgency,
          delayRisk: record.triage.delayRisk.rawValue, delivery: "not queued",
          name: names ? patientName(record) : nil))
    }
    return rows.sorted { a, b in
      let urgentA = a.urgency >= .urgent
      let urgentB = b.urgency >= .urgent
      if urgentA != urgentB { return urgentA }
      if urgentA, a.urgency != b.urgency { return a.urgency > b.urgency }
      return a.createdAt > b.createdAt
    }
  }

  static func patientName(_ record: Record) -> String? {
    guard let answer = record.answer(field: "patient.name"), answer.state == .answered else { return nil }
    return answer.display
  }

  static func localTime(_ iso: String) -> String {
    guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.timeZone = .current
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }

  static func table(_ rows: [Row], names: Bool) -> String {
    var lines = [
      [
        "LOCAL TIME".padded(16), "URGENCY".padded(10), "DELAY RISK".padded(10), "DELIVERY".padded(10),
        "RECORD".padded(32),
      ]
      .joined(separator: " ") + (names ? " NAME" : "")
    ]
    for row in rows {
      let flag = row.urgency >= .urgent ? row.urgency.rawValue.uppercased() : row.urgency.rawValue
      lines.append(
        [
          localTime(row.createdAt).padded(16), flag.padded(10), row.delayRisk.padded(10), row.delivery.padded(10),
          row.id.padded(32),
        ].joined(separator: " ") + (names ? " " + TextSanitizer.clean(row.name ?? "(not given)") : ""))
    }
    let urgent = rows.filter { $0.urgency >= .urgent }.count
    lines.append("records: \(rows.count), of which \(urgent) emergency or urgent")
    return lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n") + "\n"
  }
}
