import ArgumentParser
import Foundation
import SecondOpinionPDF
import SecondOpinionTerminal

/// The `second-opinion` command: an intake assistant for people in the UK who
/// want a second medical opinion.
@main
struct SecondOpinion: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "second-opinion",
    abstract: "Intake for a second medical opinion: interview, triage, referral letter and record.",
    discussion: """
      Exit codes: 0 done; 1 defects, failed cases, or a record or draft could not be read; \
      3 emergency (record flagged); 4 input ended early (no record); 5 too many rejected answers on a pipe; \
      6 seeds invalid or refused; 7 could not write files, output lost, or an output folder refused; \
      8 draft saved; 64 usage; 66 standard input could not be read; \
      128+N stopped by signal N (130 Ctrl-C, 129 hang-up, 143 terminate, 139 and 134 a crash).
      """,
    version: ProgramVersion.text,
    subcommands: [
      InterviewCommand.self, KioskCommand.self, DraftsCommand.self, ResumeCommand.self, CasesCommand.self,
      CheckCommand.self, ExplainCommand.self, TreeCommand.self, RenderCommand.self, SchemaCommand.self,
      DeliverCommand.self, OutboxCommand.self, RecordsCommand.self,
    ],
    defaultSubcommand: InterviewCommand.self)

  /// Hardens the process first (see `ProcessHardening`), then runs the
  /// command. A command whose output is what it is for fails with exit 7
  /// when that output was lost (standard output closed, full, or its reader
  /// gone), instead of reporting success.
  static func main() {
    ProcessHardening.start()
    PDFLetter.install()
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exit(withError: error)
    }
    do {
      try command.run()
    } catch {
      checkOutput(of: command)
      exit(withError: error)
    }
    checkOutput(of: command)
  }

  /// Exits 7 when `command` is one whose output matters and it was lost.
  static func checkOutput(of command: ParsableCommand) {
    let printing: [ParsableCommand.Type] = [
      SchemaCommand.self, ExplainCommand.self, TreeCommand.self, CheckCommand.self, DraftsCommand.self,
      CasesCommand.self, RenderCommand.self,
    ]
    guard printing.contains(where: { $0 == type(of: command) }) else { return }
    guard ProcessHardening.standardOutputFailed() else { return }
    Diagnostics.error("could not write to standard output (closed, full, or its reader gone); the output was lost")
    exit(withError: ExitStatus.storage)
  }
}
