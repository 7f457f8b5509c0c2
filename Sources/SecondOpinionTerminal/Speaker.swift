import Foundation

/// Says text aloud with espeak-ng (the kiosk's `--speak`): each call starts
/// `espeak-ng -v VOICE --stdin` as a child process, without a shell, with the
/// text on its standard input and its output thrown away, and returns at
/// once (the prompt is never delayed). Whatever was still being said is
/// stopped first (SIGTERM, then reaped), so speech follows the screen.
///
/// Only what the interview shows is given to it (questions, choices,
/// errors, alerts), never what the person typed: that is the driver's
/// contract for `OutputSink.speak`.
///
/// When espeak-ng cannot be started (not installed, not on `PATH`) one
/// warning goes to standard error and nothing more is tried; the interview
/// goes on silently.
public final class Speaker {
  /// The espeak-ng voice (`en-gb`, `cy`); the kiosk sets it to the
  /// language the patient chose.
  public var voice: String
  private let program: String
  private var child: pid_t?
  private var failed = false

  /// The voice for a language code of the session (`en`, `cy`): the one
  /// seam where the session's language picks the voice.
  public static func voice(forLanguage code: String) -> String {
    switch code.lowercased() {
    case "cy": return "cy"
    default: return "en-gb"
    }
  }

  /// A speaker in `voice`, running `program` (found on `PATH`).
  public init(voice: String, program: String = "espeak-ng") {
    self.voice = voice
    self.program = program
  }

  deinit { stop() }

  /// Stops what is being said, if anything, and says `text`.
  public func say(_ text: String) {
    stop()
    guard !failed, !text.isEmpty else { return }
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, writeEnd)
    // The child starts with no signal blocked and the usual dispositions.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGQUIT, SIGTTIN, SIGTTOU] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let arguments = [program, "-v", voice, "--stdin"]
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, program, &actions, &attributes, &argv, environ)
    close(readEnd)
    guard status == 0 else {
      close(writeEnd)
      failed = true
      FileHandle.standardError.write(
        Data(
          ("second-opinion: warning: \(program) could not be started (\(String(cString: strerror(status)))), "
            + "so nothing is spoken; the interview goes on.\n").utf8))
      return
    }
    child = pid
    // Never waits on the child: what does not fit in the pipe now is not said.
    _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
    var bytes = Array((text + "\n").utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Foundation.write(writeEnd, $0.baseAddress, $0.count) }
      if written < 0, errno == EINTR { continue }
      if written <= 0 { break }
      bytes = bytes.dropFirst(written)
    }
    close(writeEnd)
  }

  /// Stops what is being said, if anything.
  public func stop() {
    guard let pid = child else { return }
    child = nil
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
  }
}
