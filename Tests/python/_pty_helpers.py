"""Helpers for the pseudo-terminal tests: pexpect sessions on the real binary,
a tmux screen (what a person sees, with scrollback), and an answering robot
that reads each question's hint and types an acceptable answer.

Everything runs with INPUTRC=/dev/null so a developer's ~/.inputrc cannot
change readline's keys, and with short timeouts so a hang fails quickly.
"""
import atexit
import json
import os
import pathlib
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time

import pexpect
import pytest

from conftest import BINARY, base_env

TIMEOUT = 10
WIDTH, HEIGHT = 100, 40

# A question as the driver writes it: progress (its section, and the question's
# number), text (and choices), the hint in brackets (wrapped to the screen, so
# perhaps over several lines), then the readline prompt (after readline's own
# escapes). Every part may be wrapped on a narrow screen.
QUESTION_RE = re.compile(
    r"\[Section \d+ of \d+: [^\]]*?\(question\s+(?P<number>\d+)\)\]\r\n(?P<body>.*?)\r\n\((?P<hint>[^)]*)\)\r\n[^\r\n]*?> ",
    re.S,
)
REVIEW_TITLES = ("Please check your answers", "Read this summary back to the caller")
# The review: its title, the numbered answers, the line saying to type submit, the prompt.
REVIEW_RE = re.compile(r"(?:%s)\r\n.*?submit.*?\r\n[^\r\n]*?> " % "|".join(REVIEW_TITLES), re.S)
SORRY = "Sorry, I could not accept that"


_program = None


def program():
    """A private copy of the built binary, made once per test session, so a
    `swift build` relinking .build/debug/second-opinion meanwhile (others build
    in the same folder) cannot make a test start a half-written file."""
    global _program
    if _program is None:
        folder = tempfile.mkdtemp(prefix="so-bin-", dir="/tmp")
        atexit.register(shutil.rmtree, folder, True)
        target = os.path.join(folder, "second-opinion")
        for _ in range(20):
            before = os.stat(BINARY)
            shutil.copy2(BINARY, target)
            after = os.stat(BINARY)
            if (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size) == (
                os.stat(target).st_mtime_ns,
                os.stat(target).st_size,
            ) and subprocess.run([target, "--help"], capture_output=True, timeout=TIMEOUT).returncode == 0:
                break
            time.sleep(1)
        else:
            raise AssertionError("could not take a stable copy of %s (is it being rebuilt?)" % BINARY)
        _program = target
    return _program


def pty_env(**extra):
    """base_env plus INPUTRC=/dev/null (readline's defaults only)."""
    return base_env(INPUTRC="/dev/null", **extra)


_children = []


@pytest.fixture(autouse=True)
def reap_children():
    """Ends, after each test, any program a failed test left running."""
    yield
    while _children:
        child = _children.pop()
        if not child.closed:
            child.close(force=True)


def spawn(args, cwd=None, env=None, width=WIDTH, height=HEIGHT):
    """Starts the binary on a fresh pseudo-terminal (100x40 unless told)."""
    child = pexpect.spawn(
        program(),
        [str(a) for a in args],
        cwd=str(cwd) if cwd else None,
        env=env or pty_env(),
        encoding="utf-8",
        codec_errors="replace",
        timeout=TIMEOUT,
        dimensions=(height, width),
    )
    _children.append(child)
    return child


def exit_code(child, timeout=TIMEOUT):
    """Waits for the child to end; its exit code, or -N when killed by signal N."""
    child.expect(pexpect.EOF, timeout=timeout)
    child.close()
    if child.signalstatus is not None:
        return -child.signalstatus
    return child.exitstatus


def hang_up(child, timeout=TIMEOUT):
    """Closes the terminal's master side (the kernel sends SIGHUP, reads fail)
    and waits for the child; returns its exit code (-N for signal N)."""
    proc = child.ptyproc
    proc.fileobj.close()
    proc.closed = True
    child.closed = True
    child.child_fd = -1
    deadline = time.monotonic() + timeout
    while proc.isalive():
        if time.monotonic() > deadline:
            os.kill(proc.pid, signal.SIGKILL)
            raise AssertionError("the program did not end within %ss of the hang-up" % timeout)
        time.sleep(0.05)
    if proc.signalstatus is not None:
        return -proc.signalstatus
    return proc.exitstatus


def crlf(text):
    return text.replace("\r\n", "\n")


def flat(text):
    """Text wrapped over several lines, as one line."""
    return " ".join(text.split())


def classify(hint):
    """The kind of question, from its hint line."""
    for prefix, kind in (
        ("yes or no", "yes_no"),
        ("type a number", "single_choice"),
        ("type the numbers of all", "multiple_choice"),
        ("a date", "date"),
        ("10 digits", "nhs_number"),
        ("like SW1A 1AA", "postcode"),
        ("a UK phone number", "phone"),
        ("a number", "number"),
    ):
        if hint.startswith(prefix):
            return kind
    return "text"


def pick_answer(body, hint):
    """An answer the interview accepts, with no red flag and no crisis words."""
    kind = classify(hint)
    skippable = "press Enter to skip" in hint
    if kind == "yes_no":
        return "no"
    if kind == "single_choice":
        return "1"
    if kind == "multiple_choice":
        return "none" if "None of these" in body else "1"
    if kind == "date":
        if "birth" in body:
            return "25/11/1970"
        if '"not sure" is fine' in hint:
            return "not sure"
        return "" if skippable else "1/1/2020"
    if kind == "nhs_number":
        return "943 476 5919"
    if kind == "postcode":
        return "SW1A 1AA"
    if kind == "phone":
        return "07700 900123"
    if kind == "number":
        return "1"
    if skippable:
        return ""
    if "name" in body:
        return "Sam Taylor"
    return "Plain words"


def expect_question(child, timeout=TIMEOUT):
    """Waits for the next question and its prompt; returns (number, body, hint)."""
    child.expect(QUESTION_RE, timeout=timeout)
    m = child.match
    return int(m.group("number")), crlf(m.group("body")), flat(m.group("hint"))


def answer_until_review(child, choose=None, first=None):
    """Answers every question until the review; returns the bodies asked, in order.

    `choose(body, hint)` may return an answer to use instead of pick_answer's.
    `first` is a question already matched with expect_question (not re-read).
    A rejected answer fails the test with what was shown.
    """
    asked = []
    pending = first
    for _ in range(200):
        if pending is None:
            index = child.expect([QUESTION_RE, REVIEW_RE, SORRY], timeout=TIMEOUT)
            if index == 1:
                return asked
            if index == 2:
                child.expect(r"> ")
                raise AssertionError("an answer was rejected:\n" + crlf(child.before))
            m = child.match
            pending = (int(m.group("number")), crlf(m.group("body")), flat(m.group("hint")))
        number, body, hint = pending
        pending = None
        asked.append(body)
        answer = choose(body, hint) if choose else None
        child.send((pick_answer(body, hint) if answer is None else answer) + "\r")
    raise AssertionError("no review after 200 questions")


def records(folder):
    """The JSON records in an output folder (not drafts)."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return []
    return [json.loads(p.read_text()) for p in sorted(folder.glob("SO-*/SO-*.json")) if p.name == p.parent.name + ".json"]


def files_in(folder):
    """Every file under a folder (relative paths), hidden ones included."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def run_cli(args, env=None, timeout=TIMEOUT):
    """Runs the binary without a terminal; returns CompletedProcess (text)."""
    return subprocess.run(
        [program(), *[str(a) for a in args]],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or pty_env(),
        stdin=subprocess.DEVNULL,
    )


# ---------------------------------------------------------------------------
# tmux: the screen and scrollback a person would see.
# ---------------------------------------------------------------------------

TMUX = shutil.which("tmux")
SCREEN_QUESTION_RE = re.compile(
    r"\[Section \d+ of \d+: [^\]]*\(question\s+(?P<number>\d+)\)\]\n(?P<body>.*)\n\((?P<hint>[^)]*)\)\n>$", re.S
)
PROGRESS = "[Section "


def at_review(screen):
    """Whether the screen ends with the review's submit line (perhaps wrapped)
    and an empty prompt."""
    lines = screen.split("\n")
    return len(lines) >= 2 and lines[-1] == ">" and "type submit" in " ".join(lines[-4:-1]).lower()


class Tmux:
    """One private tmux server with one 100x40 pane running the binary.

    The pane stays after the program ends (remain-on-exit) so its exit status
    can be read. `close()` kills this server only.
    """

    def __init__(self, width=WIDTH, height=HEIGHT):
        if TMUX is None:
            raise AssertionError("tmux is needed for the screen tests (apt-get install tmux)")
        # A short folder: a unix socket path has a 107-byte limit.
        self.dir = tempfile.mkdtemp(prefix="so-tmux-", dir="/tmp")
        self.socket = os.path.join(self.dir, "s")
        self.conf = os.path.join(self.dir, "tmux.conf")
        with open(self.conf, "w") as f:
            f.write(
                "set -g remain-on-exit on\n"
                "set -g history-limit 10000\n"
                "set -g default-terminal xterm-256color\n"
                "set -g status off\n"
            )
        self.width, self.height = width, height
        self.started = False

    def tmux(self, *args, check=True):
        return subprocess.run(
            [TMUX, "-S", self.socket, "-f", self.conf, *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=check,
        )

    def start(self, args, env=None, cwd=None, job_control=False):
        """Runs the binary with `args` in the pane.

        With job_control the binary runs as a job of a shell with job control
        (as from a login shell), in its own foreground process group. Without
        it, the binary leads the pane's session, and the kernel discards Ctrl-Z
        there anyway (an orphaned process group), so ignoring it is not tested.
        """
        command = "exec " + shlex.join([program(), *[str(a) for a in args]])
        if job_control:
            script = 'set -m; "$@"; status=$?; echo "[exit $status]"; exit $status'
            command = "exec " + shlex.join(["bash", "--norc", "-c", script, "job", program(), *[str(a) for a in args]])
        subprocess.run(
            [TMUX, "-S", self.socket, "-f", self.conf, "new-session", "-d",
             "-x", str(self.width), "-y", str(self.height), "-c", str(cwd or self.dir), command],
            env=env or pty_env(),
            check=True,
            timeout=TIMEOUT,
        )
        self.started = True
        return self

    def keys(self, *keys):
        """Sends tmux key names (Enter, Tab, Up, C-c, BSpace...)."""
        self.tmux("send-keys", "-t", "0", *keys)

    def type(self, text):
        """Types text literally."""
        self.tmux("send-keys", "-t", "0", "-l", text)

    def screen(self):
        """The visible screen, wrapped lines joined, trailing blanks removed."""
        out = self.tmux("capture-pane", "-p", "-J", "-t", "0").stdout
        return "\n".join(line.rstrip() for line in out.split("\n")).rstrip("\n")

    def everything(self):
        """Scrollback and screen together."""
        out = self.tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "0").stdout
        return "\n".join(line.rstrip() for line in out.split("\n")).strip("\n")

    def last_line(self):
        lines = self.screen().split("\n")
        return lines[-1] if lines else ""

    def wait_for(self, predicate, timeout=TIMEOUT, what=None):
        """Polls the screen until predicate(screen) (or a substring) is truthy; returns its value."""
        if isinstance(predicate, str):
            text = predicate
            predicate = lambda s: text in s  # noqa: E731
            what = what or repr(text)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            value = predicate(screen)
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError("timed out waiting for %s; the screen was:\n%s" % (what or "the screen", screen))

    def wait_last_line(self, text, timeout=TIMEOUT):
        return self.wait_for(lambda s: s.split("\n")[-1] == text, timeout, what="last line %r" % text)

    def info(self, fmt):
        return self.tmux("display-message", "-p", "-t", "0", fmt).stdout.strip()

    def pid(self):
        """The pane's process: the binary, or with job_control the shell."""
        return int(self.info("#{pane_pid}"))

    def job_pid(self):
        """With job_control: the binary's process (the shell's child)."""
        shell = self.pid()
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            with open("/proc/%d/task/%d/children" % (shell, shell)) as f:
                children = f.read().split()
            if children:
                return int(children[0])
            time.sleep(0.05)
        raise AssertionError("the shell started no program")

    def alive(self):
        return self.info("#{pane_dead}") != "1"

    def wait_exit(self, timeout=TIMEOUT):
        """Waits for the program to end; its exit status (-N for signal N)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            dead, status, sig = self.info("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").split("|")
            if dead == "1":
                return int(status) if status else -int(sig or 0)
            time.sleep(0.05)
        raise AssertionError("the program was still running after %ss; the screen was:\n%s" % (timeout, self.screen()))

    def question(self, after=0, number=None, timeout=TIMEOUT):
        """Waits until the screen ends with a question (numbered above `after`,
        or exactly `number`) and its empty prompt; returns (number, body, hint)."""

        def parse(screen):
            # A question taller than the screen has its progress line in the scrollback.
            if PROGRESS not in screen and screen.endswith("\n>"):
                screen = self.everything()
            start = screen.rfind(PROGRESS)
            if start < 0:
                return None
            m = SCREEN_QUESTION_RE.match(screen[start:])
            if not m:
                return None
            shown = int(m.group("number"))
            if (number is not None and shown != number) or (number is None and shown <= after):
                return None
            return shown, m.group("body"), flat(m.group("hint"))

        what = "question %d" % number if number is not None else "question %d or later" % (after + 1)
        return self.wait_for(parse, timeout, what=what + " with its prompt")

    def answer_until_review(self, choose=None, first_after=0):
        """Answers every question on screen until the review prompt; returns the bodies."""
        asked, after = [], first_after

        def state(screen):
            if PROGRESS not in screen and screen.endswith("\n>") and not at_review(screen):
                screen = self.everything()
            if SORRY in screen.split(PROGRESS)[-1]:
                raise AssertionError("an answer was rejected:\n" + screen)
            if at_review(screen):
                return ("review",)
            start = screen.rfind(PROGRESS)
            m = SCREEN_QUESTION_RE.match(screen[start:]) if start >= 0 else None
            if m and int(m.group("number")) > after:
                return ("question", int(m.group("number")), m.group("body"), flat(m.group("hint")))
            return None

        for _ in range(200):
            got = self.wait_for(state, what="the next question or the review")
            if got[0] == "review":
                return asked
            _, number, body, hint = got
            after = number
            asked.append(body)
            answer = choose(body, hint) if choose else None
            answer = pick_answer(body, hint) if answer is None else answer
            if answer:
                self.type(answer)
            self.keys("Enter")
        raise AssertionError("no review after 200 questions")

    def close(self):
        if self.started:
            self.tmux("kill-server", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)
