import CTerminalShim

/// The process's signal handling: SIGINT, SIGTERM and SIGHUP are caught into a
/// flag that line readers report; SIGPIPE is ignored; on a kiosk Ctrl-Z and
/// Ctrl-\ are ignored too.
public enum SignalTrap {
  /// Installs the handlers.
  public static func install(kiosk: Bool) { so_install_signals(kiosk ? 1 : 0) }
  /// Blocks SIGINT, SIGTERM and SIGHUP before the process replaces itself
  /// (exec): one arriving meanwhile stays pending until the new program's
  /// `install` unblocks them, so a stop request is never lost.
  public static func blockForExec() { so_block_signals() }
  /// The pending signal, cleared (0 when none).
  public static func take() -> Int32 { Int32(so_take_signal()) }
  /// The pending signal, not cleared.
  public static func peek() -> Int32 { Int32(so_peek_signal()) }
}
