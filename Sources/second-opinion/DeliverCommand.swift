import ArgumentParser
import Foundation
import SecondOpinionCore
import SecondOpinionDelivery
import SecondOpinionLetters
import SecondOpinionMessage
import SecondOpinionStorage

/// `second-opinion deliver`: sends what is pending in the outbox over MESH,
/// once or as a long-lived service (`--watch`).
struct DeliverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deliver",
    abstract: "Send pending records to the practice's clinical system over MESH (GP Connect Send Document).",
    discussion: """
      Settings come from $SECOND_OPINION_MESH_CONFIG (else /etc/second-opinion/mesh.yaml) and \
      SECOND_OPINION_MESH_* variables, never the command line (see docs/deployment.md). Exactly once: \
      before sending again after an interrupted attempt, MESH's tracking is asked whether the record's \
      local id already arrived. Exit codes: 0 done; 75 some records wait for a retry; 78 a setting is \
      wrong (nothing sent; records stay pending).
      """)

  @Option(name: .long, help: ArgumentHelp(OutputLocation.help))
  var out: String?

  @Flag(name: .long, help: "Keep running: deliver new records as they are committed, and follow the sent ones.")
  var watch = false

  @Option(name: .long, help: "Seconds between passes with --watch.")
  var interval: Double = 2

  @Option(name: .long, help: "Passes without --watch while records wait for a retry (the back-off is respected).")
  var attempts: Int = 3

  @Option(name: .long, help: "Messages sent at once.")
  var concurrency: Int = 4

  @OptionGroup var seedsOption: SeedsOption

  var folder: String { OutputLocation.folder(given: out) }

  func run() throws {
    let configuration: MESHConfiguration
    do {
      configuration = try MESHConfiguration.load()
    } catch let problem as MESHConfiguration.Problem {
      Diagnostics.error(problem.description)
      throw ExitCode(78)
    }
    guard let lock = OutboxLock(root: folder) else {
      print("deliver: another deliver is already running for \(folder); nothing to do")
      return
    }
    defer { withExtendedLifetime(lock) {} }
    let layout = try? seedsOption.load(verified: false).letter
    let deliverer: Deliverer
    do {
      let client = try MESHClient(configuration: configuration)
      deliverer = Deliverer(
        outbox: Outbox(root: folder), configuration: configuration, client: client, concurrency: concurrency
      ) { record in
        guard let layout else { throw LetterTypesetter.Unavailable() }
        return try LetterRenderer.render(record, layout: layout, as: .pdf)
      }
    } catch let error as MESHError {
      Diagnostics.error(error.description)
      throw ExitCode(78)
    }
    let watch = self.watch
    let interval = max(0.2, self.interval)
    let attempts = max(1, self.attempts)
    let folder = self.folder
    let status = AsyncBridge.run {
      let status = await Self.loop(deliverer, watch: watch, interval: interval, attempts: attempts, folder: folder)
      await deliverer.shutdown()
      return status
    }
    if status != 0 { throw ExitCode(status) }
  }

  static func loop(_ deliverer: Deliverer, watch: Bool, interval: Double, attempts: Int, folder: String)
    async -> Int32
  {
    var pass = 0
    while true {
      pass += 1
      do {
        let summary = try await deliverer.pass()
        report(summary, quietWhenIdle: watch)
        if !watch {
          if summary.waiting == 0 { return 0 }
          if pass >= attempts {
            print(
              "deliver: \(summary.waiting) record(s) wait for a retry (see `"
                + ShellCommand.line("outbox", "--out", folder) + "`)")
            return 75
          }
          try? await Task.sleep(nanoseconds: UInt64(deliverer.nextWait(cap: 60) * 1e9))
          continue
        }
      } catch let error as MESHError {
        Diagnostics.error(error.description + ". Nothing was sent; the records stay pending.")
        if !watch { return error.isConfiguration ? 78 : 75 }
        try? await Task.sleep(nanoseconds: UInt64(max(interval, 30) * 1e9))
        continue
      } catch {
        Diagnostics.error("delivery stopped: \(error)")
        if !watch { return 75 }
      }
      try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
    }
  }

  static func report(_ summary: Deliverer.Summary, quietWhenIdle: Bool) {
    var quiet = summary
    quiet.waiting = 0
    let idle = quiet == Deliverer.Summary()
    if idle, quietWhenIdle { return }
    print(
      "deliver: \(summary.sent) sent, \(summary.accepted) accepted, \(summary.failed) failed, \(summary.retrying) retrying, \(summary.notified) notified"
    )
  }
}

extension MESHError {
  var isConfiguration: Bool {
    if case .configuration = self { return true }
    return false
  }
}

/// Runs async work from a synchronous command and waits for it.
enum AsyncBridge {
  private final class Box<T>: @unchecked Sendable {
    var value: T?
  }

  static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      box.value = await body()
      done.signal()
    }
    done.wait()
    return box.value!
  }
}
