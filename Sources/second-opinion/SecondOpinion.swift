import ArgumentParser
import Foundation
import SecondOpinionPDF

/// The `second-opinion` command: an intake assistant for people in the UK who
/// want a second medical opinion.
@main
struct SecondOpinion: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "second-opinion",
    abstract: "Intake for a second medical opinion: interview, triage, referral letter and record.",
    discussion: """
      Exit codes: 0 done; 1 defects or failed cases; 3 emergency (record flagged); \
      4 input ended early (no record); 5 too many rejected answers on a pipe; \
      6 seeds invalid; 7 could not write files; 8 draft saved; 64 usage; \
      128+N stopped by signal N (130 Ctrl-C, 129 hang-up, 143 terminate).
      """,
    subcommands: [
      InterviewCommand.self, KioskCommand.self, DraftsCommand.self, ResumeCommand.self, CasesCommand.self,
      CheckCommand.self, ExplainCommand.self, TreeCommand.self, RenderCommand.self, SchemaCommand.self,
      DeliverCommand.self, OutboxCommand.self, RecordsCommand.self,
    ],
    defaultSubcommand: InterviewCommand.self)

  /// Installs the PDF typesetter (`--format pdf`), then runs the command.
  static func main() {
    PDFLetter.install()
    main(nil)
  }
}
