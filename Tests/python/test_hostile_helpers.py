"""Shared helpers for the hostile-input tests (test_hostile_*.py); no tests here.

Everything runs the real binary on a pipe (`interview --out DIR`), as the
conftest fixtures do, and checks the same things after every run: no crash,
the documented exit code, no stray or partial file, owner-only permissions
where a record is written, and no escape sequence or control character from
the input in stdout, the record or the letters.
"""
import functools
import json
import os
import pathlib
import re
import select
import shutil
import stat
import subprocess
import tempfile
import threading
import time

from conftest import BINARY, SEEDS, base_env, case_lines

PATIENT_CASE = SEEDS / "cases" / "010-suspected-prostate-cancer-surgery.yaml"
RECEPTIONIST_CASE = SEEDS / "cases" / "060-receptionist-caller-is-patient-toothache.yaml"
ALL_FORMATS = ["--format", "markdown", "text", "html", "fhir"]

# What a crash looks like on stderr (Swift runtime traps, sanitizers, the kernel).
CRASH_SIGNS = re.compile(
    rb"Fatal error|fatal error:|Backtrace|backtrace|Current stack trace|Segmentation fault|"
    rb"Illegal instruction|Aborted|Stack dump|panic|SUMMARY: AddressSanitizer|Precondition failed|"
    rb"Assertion failed"
)

# Code points that must never come out of typed input: bidirectional controls
# (the C0 and C1 ranges are checked separately).
BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}

# Fragments of the escape-sequence payloads the tests type; none may survive.
PAYLOAD_FRAGMENTS = [
    "]0;", "]52;", "]8;;", "[2J", "[200~", "[201~", "[31m", "[?1049h", "cm0gLXJmIH4=", "pwned", "evil.example",
]


def operator_of(case_path):
    match = re.search(r'^operator: "?([^"\n]+)"?$', pathlib.Path(case_path).read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else "A Receptionist"


def interview_args(outdir, mode="patient", formats=True, case=None):
    """The arguments of one interview run into `outdir`."""
    args = ["interview", "--out", str(outdir)]
    if mode == "receptionist":
        args += ["--mode", "receptionist", "--operator", operator_of(case or RECEPTIONIST_CASE)]
    if formats:
        args += ALL_FORMATS
    return args


def script(mode="patient"):
    """The lines the case used for `mode` types (`cases --script`): one answer
    a line as the interview asks for them, then submit. A fresh list each time."""
    return case_lines(PATIENT_CASE if mode == "patient" else RECEPTIONIST_CASE)


@functools.lru_cache(maxsize=None)
def question_order(mode="patient"):
    """The question ids the case's script answers, in order (one a line, then
    `submit`): runs the script once and reads the record."""
    lines = script(mode)
    folder = pathlib.Path(tempfile.mkdtemp(prefix="hostile-order-"))
    try:
        result = run(interview_args(folder / "out", mode, formats=False), encode(lines))
        assert result.returncode == 0, result.stderr
        (path,) = [p for p in (folder / "out").glob("*/*.json") if p.name == p.parent.name + ".json"]
        ids = [item["questionId"] for item in json.loads(path.read_bytes())["answers"]]
    finally:
        shutil.rmtree(folder)
    assert lines[-1] == "submit" and len(ids) == len(lines) - 1, (
        f"{mode} case: expected one answer a line then submit; {len(lines)} lines gave {ids}"
    )
    return tuple(ids)


def position(question_id, mode="patient"):
    """The line of the case's script that answers `question_id`."""
    return question_order(mode).index(question_id)


def encode(lines, final_newline=True):
    """Lines (str or bytes) as the bytes a pipe carries."""
    parts = [line if isinstance(line, bytes) else line.encode("utf-8") for line in lines]
    data = b"\n".join(parts)
    return data + b"\n" if final_newline and parts else data


def run(args, data, timeout=60, env=None):
    """Runs the binary with `data` (bytes) on stdin."""
    return subprocess.run(
        [str(BINARY), *args], input=data, capture_output=True, timeout=timeout, env=env or base_env()
    )


def assert_no_crash(result, allowed_status=None):
    """No trap, no death by a signal other than the intended one, nothing on stderr that looks like a crash."""
    status = result.returncode
    assert status >= 0, f"killed by signal {-status}; stderr: {result.stderr[-2000:]!r}"
    if status >= 128:
        assert status == allowed_status, f"exit {status}; stderr: {result.stderr[-2000:]!r}"
    assert not CRASH_SIGNS.search(result.stderr), f"crash on stderr: {result.stderr[-3000:]!r}"


def control_in(data, what):
    """Describes the first control character or escape in `data` (bytes), or returns None.

    Allowed: newline only. Not allowed: other C0 controls (ESC, CR, tab, NUL,
    BEL...), DEL, C1 controls (U+0080-U+009F), bidirectional controls, and
    bytes that are not UTF-8.
    """
    for index, byte in enumerate(data):
        if (byte < 0x20 and byte != 0x0A) or byte == 0x7F:
            context = data[max(0, index - 40) : index + 40]
            return f"{what}: byte 0x{byte:02x} at {index}: {context!r}"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"{what}: not UTF-8 ({error})"
    for index, char in enumerate(text):
        code = ord(char)
        if 0x80 <= code <= 0x9F or code in BIDI:
            return f"{what}: U+{code:04X} at character {index}: {text[max(0, index - 40) : index + 40]!r}"
    return None


def json_strings(value):
    """Every string in a decoded JSON value (keys included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)


def assert_inert(data, what):
    problem = control_in(data, what)
    assert problem is None, problem
    text = data.decode("utf-8")
    for fragment in PAYLOAD_FRAGMENTS:
        assert fragment not in text, f"{what}: the payload fragment {fragment!r} came through"


def all_files(folder):
    folder = pathlib.Path(folder)
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*"))


def assert_nothing_written(outdir):
    """No record, no letter, no draft, no temporary file: nothing at all."""
    files = all_files(outdir)
    assert files == [], f"files were left behind: {[str(p) for p in files]}"


def assert_no_temporary(outdir):
    stray = [p for p in all_files(outdir) if p.name.endswith(".tmp") or p.name.startswith(".")]
    assert stray == [], f"temporary or hidden files were left: {stray}"


def assert_owner_only(outdir):
    """Folders 0700, files 0600, everything under and including `outdir`."""
    for path in [pathlib.Path(outdir), *all_files(outdir)]:
        mode = stat.S_IMODE(path.stat().st_mode)
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{path} has mode {mode:o}, not {expected:o}"


def record_of(outdir, formats=("json", "md", "txt", "html", "fhir.json")):
    """Checks the one record and its letters in `outdir` and returns the decoded record.

    Exactly one record with one file per format, no draft, no temporary file,
    owner-only permissions, and nothing in any file that came from an escape
    sequence or control character.
    """
    assert_no_temporary(outdir)
    assert_owner_only(outdir)
    files = [p for p in all_files(outdir) if p.is_file()]
    records = [p for p in files if p.name == p.parent.name + ".json"]
    assert len(records) == 1, f"expected one record, found {[p.name for p in files]}"
    stem = records[0].name[: -len(".json")]
    expected = sorted([f"{stem}.{ext}" for ext in formats] + [f"{stem}-patient-copy.txt"])
    assert sorted(p.name for p in files if p.name != "delivery.json") == expected, f"files: {[p.name for p in files]}"
    for path in files:
        data = path.read_bytes()
        assert_inert(data, path.name)
        if path.name.endswith(".json"):
            for text in json_strings(json.loads(data)):
                assert_inert(text.encode("utf-8"), f"a string in {path.name}")
    return json.loads(records[0].read_bytes())


def answer(record, question_id):
    for item in record["answers"]:
        if item["questionId"] == question_id:
            return item
    raise AssertionError(f"no answer to {question_id} in the record")


class Feeder:
    """Writes an endless stream to a process's stdin from a thread until the
    process stops reading (a broken pipe) or `stop()` is called; counts bytes."""

    def __init__(self, process, chunk):
        self.process = process
        self.chunk = chunk
        self.written = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self, prefix=b""):
        self.prefix = prefix
        self.thread.start()
        return self

    def _run(self):
        try:
            if self.prefix:
                self.process.stdin.write(self.prefix)
            while not self._stop.is_set():
                self.process.stdin.write(self.chunk)
                self.written += len(self.chunk)
        except (BrokenPipeError, ValueError, OSError):
            pass

    def stop(self):
        self._stop.set()
        self.thread.join(timeout=10)


def run_endless(args, chunk, prefix=b"", timeout=60):
    """Runs the binary on `prefix` then `chunk` repeated for ever.

    Returns (status, stdout, stderr, bytes written). Raises AssertionError if it
    has not stopped by itself within `timeout` seconds (it is then killed).
    """
    process = subprocess.Popen(
        [str(BINARY), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=base_env(),
    )
    feeder = Feeder(process, chunk).start(prefix)
    out, err = bytearray(), bytearray()
    streams = {process.stdout.fileno(): out, process.stderr.fileno(): err}
    deadline = time.monotonic() + timeout
    try:
        while streams:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"still running after {timeout}s on an endless input ({feeder.written} bytes fed); "
                    f"stderr: {bytes(err[-2000:])!r}"
                )
            ready, _, _ = select.select(list(streams), [], [], min(remaining, 1.0))
            for fd in ready:
                block = os.read(fd, 65536)
                if block:
                    # Keep the first MiB and the last MiB; the middle is not needed.
                    streams[fd].extend(block)
                    if len(streams[fd]) > 4 << 20:
                        del streams[fd][1 << 20 : -(1 << 20)]
                else:
                    del streams[fd]
        status = process.wait(timeout=max(1, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        feeder.stop()
        for stream in (process.stdin, process.stdout, process.stderr):
            try:
                stream.close()
            except OSError:
                pass
    return status, bytes(out), bytes(err), feeder.written


class Interactive:
    """A run whose stdin stays open: lines are fed one at a time and stdout is
    read as it comes, so a signal can be sent while a given prompt waits."""

    PROMPT = re.compile(rb"\(question \d+\)\]\n|[Tt]ype submit")

    def __init__(self, args):
        self.process = subprocess.Popen(
            [str(BINARY), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=base_env(),
        )
        self.out = bytearray()
        self.err = bytearray()
        os.set_blocking(self.process.stdout.fileno(), False)
        os.set_blocking(self.process.stderr.fileno(), False)

    def feed(self, lines):
        if lines:
            self.process.stdin.write(encode(lines))
            self.process.stdin.flush()

    def _drain(self, wait):
        fds = [self.process.stdout.fileno(), self.process.stderr.fileno()]
        ready, _, _ = select.select(fds, [], [], wait)
        got = False
        for fd in ready:
            try:
                block = os.read(fd, 65536)
            except BlockingIOError:
                continue
            if block:
                (self.out if fd == fds[0] else self.err).extend(block)
                got = True
        return got

    def prompts(self):
        return len(self.PROMPT.findall(bytes(self.out)))

    def wait_for_prompts(self, count, timeout=20):
        """Waits until `count` prompts (questions, or the review) have been printed."""
        deadline = time.monotonic() + timeout
        while self.prompts() < count:
            if self.process.poll() is not None:
                self._drain(0)
                if self.prompts() >= count:
                    break
                raise AssertionError(
                    f"exited {self.process.returncode} before prompt {count}: {bytes(self.err)[-2000:]!r}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"prompt {count} did not come within {timeout}s ({self.prompts()} so far)")
            self._drain(0.05)

    def finish(self, timeout=20):
        """Waits for the exit with stdin still open; returns a CompletedProcess."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"did not exit within {timeout}s of the signal: {bytes(self.err)[-2000:]!r}")
            self._drain(0.05)
        while self._drain(0):
            pass
        self.process.stdin.close()
        self.process.stdout.close()
        self.process.stderr.close()
        return subprocess.CompletedProcess(self.process.args, self.process.returncode, bytes(self.out), bytes(self.err))
