import ArgumentParser
import SecondOpinionTerminal

/// `--accessible`, shared by `interview`, `kiosk` and `resume`: the layout
/// for a screen reader (see `TerminalOutput`). The kiosk setting
/// `SECOND_OPINION_ACCESSIBLE=1` turns it on too.
struct AccessibleOption: ParsableArguments {
  @Flag(
    name: .long,
    help: ArgumentHelp(
      "For a screen reader: plain lines only (no colour, frames, redraws or paging; numbered choices; "
        + "errors and alerts start with a word that says so). Also $SECOND_OPINION_ACCESSIBLE=1."))
  var accessible = false

  /// Whether the accessible mode is on: the flag, or the environment's setting.
  var enabled: Bool { accessible || TerminalOutput.accessibleSetting() }
}
