import CTerminalShim

/// The process's signal handling: SIGINT, SIGTERM and SIGHUP are caught into a
/// flag that line readers report; SIGPIPE is ignored; on a kiosk Ctrl-Z and
/// Ctrl-\ are ignored too. A crash signal (SIGSEGV, SIGABRT and the like, real
/// or sent) ends the process at once with 128 + N and writes nothing (see
/// `ProcessHardening`).
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

/// What the process does before anything else, for every command: the Swift
/// crash handler off (`SWIFT_BACKTRACE=enable=no`, set before the runtime
/// starts by re-executing the program once with it), no core dumps, not
/// dumpable, crash signals ending the process with 128 + N and nothing
/// written, closed standard descriptors taken by /dev/null, SIGPIPE ignored.
public enum ProcessHardening {
  /// Hardens the process; call first in `main`. May replace the process
  /// (exec) and so never return the first time.
  public static func start() {
    _ = so_harden(CommandLine.unsafeArgv)
  }

  /// Whether a crash also clears the screen and scrollback (the kiosk: a
  /// crash must not leave a patient's answers on a shared screen).
  public static func crashClearsScreen(_ on: Bool) { so_crash_clears_screen(on ? 1 : 0) }

  /// Flushes stdio's standard output; true when anything written to it with
  /// `print` was lost (closed, a full disk, a reader gone).
  public static func standardOutputFailed() -> Bool { so_stdout_failed() != 0 }
}
