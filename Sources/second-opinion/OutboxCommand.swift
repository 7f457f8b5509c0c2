import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionDelivery
import SecondOpinionMessage

/// `second-opinion outbox`: the delivery state of every record.
struct OutboxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox", abstract: "List the delivery state of each record, or retry a failed one.",
    subcommands: [OutboxList.self, OutboxRetry.self], defaultSubcommand: OutboxList.self)
}

/// The output folder of the outbox commands.
struct OutboxFolder: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(OutputLocation.help))
  var out: String?

  var folder: String { OutputLocation.folder(given: out) }
}

struct OutboxList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List delivery states.")

  @OptionGroup var location: OutboxFolder

  @Flag(name: .long, help: "One JSON object a line instead of a table.")
  var json = false

  func run() throws {
    let (entries, unreadable) = Outbox(root: location.folder).entries()
    if json {
      for entry in entries {
        let data = try entry.state.encoded()
        let object = try JSONSerialization.jsonObject(with: data)
        let line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: line, as: UTF8.self))
      }
    } else {
      print("RECORD                          STATE     URGENCY    TRIES  MESH MESSAGE                      NOTE")
      for entry in entries {
        let state = entry.state
        let note = state.failure ?? state.lastError ?? (state.nextAttemptAt.map { "next attempt \($0)" } ?? "")
        print(
          [
            state.recordID.padded(32), state.status.rawValue.padded(9), state.urgency.rawValue.padded(10),
            String(state.attempts).padded(6), (state.messageID ?? "-").padded(33), note,
          ].joined(separator: " ").trimmingCharacters(in: .whitespaces))
      }
      let counts = Dictionary(grouping: entries, by: \.state.status).mapValues(\.count)
      print(
        "outbox: "
          + DeliveryState.Status.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
    }
    for name in unreadable { Diagnostics.error("\(name): delivery.json cannot be read") }
  }
}

struct OutboxRetry: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retry", abstract: "Put a failed record back in the queue (after fixing what its note says).")

  @Argument(help: "The record id.")
  var id: String

  @OptionGroup var location: OutboxFolder

  func run() throws {
    guard RecordID.isValid(id) else {
      Diagnostics.error("\(id) is not a record id")
      throw ExitStatus.usage
    }
    let outbox = Outbox(root: location.folder)
    var state = try outbox.state(id)
    guard state.status == .failed else {
      print("\(id) is \(state.status.rawValue), not failed: nothing to do")
      return
    }
    state.failure = nil
    state.nextAttemptAt = nil
    state.move(to: state.attempts > 0 ? .sending : .pending, at: RecordID.iso8601(Date()), note: "retry asked for")
    try outbox.save(state)
    print("\(id) is queued again")
  }
}

extension String {
  func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
