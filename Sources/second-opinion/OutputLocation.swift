import Foundation

/// Where records go when `--out` is not given: `$SECOND_OPINION_OUT`, else
/// the XDG data folder, `$XDG_DATA_HOME/second-opinion/records` (an absolute
/// `XDG_DATA_HOME` only, as the XDG base directory specification says),
/// else `~/.local/share/second-opinion/records`. Never inside a checkout,
/// where patient data could be committed by mistake. The folders are made
/// owner-only when the first record is written.
enum OutputLocation {
  /// The output folder: `given` (from `--out`) if any, else the default.
  static func folder(given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let given { return given }
    if let env = environment["SECOND_OPINION_OUT"], !env.isEmpty { return env }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return trimmed(data) + "/second-opinion/records"
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return trimmed(home) + "/.local/share/second-opinion/records"
  }

  /// The help text of `--out`.
  static let help =
    "The folder for records, letters and drafts (default: $SECOND_OPINION_OUT, else "
    + "$XDG_DATA_HOME/second-opinion/records, else ~/.local/share/second-opinion/records)."

  private static func trimmed(_ path: String) -> String {
    var path = path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path == "/" ? "" : path
  }
}
