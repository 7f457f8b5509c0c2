"""Helpers for the hardening tests (test_hardening_*.py): the binary, its
environment, answer scripts, seeds copies, the record layout, and running a
program as another user.

The binary is $SECOND_OPINION_BIN, else the debug build in .build/debug (what
Scripts/test builds). It is copied once per session (a rebuild meanwhile
cannot hand a test a half-written file), into a folder any user can read, so
a test can also run it as `nobody`.
"""
import atexit
import json
import os
import pathlib
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FIXED_NOW = "2026-11-25T10:00:00Z"
FIXED_ID = "SO-20261125T100000Z-00000000"
NOBODY = 65534
EXTENSIONS = ["json", "md", "txt", "html", "fhir.json"]
# Files a record folder may hold besides the record and its letters: the
# delivery outbox commits its state with the record (docs/storage.md).
COMPANIONS = {"delivery.json"}
# The patient's copy, beside the letters in every record folder, whatever the formats.
PATIENT_COPY = "-patient-copy.txt"
ALL_FORMATS = ["--format", "markdown", "text", "html", "fhir"]
CANCER_CASE = "010-suspected-prostate-cancer-surgery.yaml"
# Chest pain at the first question: the emergency record is written at once.
EMERGENCY = ["1"]

# Runs a program from a fresh small interpreter and prints its peak memory:
# on Linux a process's ru_maxrss keeps the high-water mark of the process
# that forked it (signal->maxrss survives exec), so a child of this test
# session would report pytest's own size, not the program's.
_PEAK_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
sys.stdout.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def peak_memory(args, timeout=120, **kw):
    """Runs args (stdout to /dev/null) and returns (exit code, peak RSS in KB, stderr bytes)."""
    import sys

    result = subprocess.run([sys.executable, "-c", _PEAK_LAUNCHER, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, timeout=timeout, **kw)
    code, kilobytes = result.stdout.decode().split()[-2:]
    return int(code), int(kilobytes), result.stderr

_copy = None


def binary():
    """A private copy of the binary under test (readable and runnable by anyone)."""
    global _copy
    if _copy is None:
        source = pathlib.Path(os.environ.get("SECOND_OPINION_BIN") or REPO / ".build" / "debug" / "second-opinion")
        if not source.exists():
            raise AssertionError(f"{source} is missing: run `swift build` first (Scripts/test does)")
        folder = tempfile.mkdtemp(prefix="so-harden-bin-", dir="/tmp")
        os.chmod(folder, 0o755)
        atexit.register(shutil.rmtree, folder, True)
        target = os.path.join(folder, "second-opinion")
        for _ in range(20):
            before = os.stat(source)
            shutil.copy2(source, target)
            after = os.stat(source)
            if (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size) == (
                os.stat(target).st_mtime_ns,
                os.stat(target).st_size,
            ):
                break
            time.sleep(1)
        os.chmod(target, 0o755)
        _copy = target
    return _copy


def env(fixed_clock=True, backtrace=True, **extra):
    """The environment: UTF-8, this checkout's seeds, a fixed clock unless
    told otherwise. `backtrace=False` leaves SWIFT_BACKTRACE unset, as a
    person's shell would (the program must turn the crash handler off itself)."""
    result = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "INPUTRC": "/dev/null",
        "SECOND_OPINION_SEEDS": str(SEEDS),
    }
    if fixed_clock:
        result["SECOND_OPINION_NOW"] = FIXED_NOW
    if backtrace:
        result["SWIFT_BACKTRACE"] = "enable=no"
    for key, value in extra.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def run(args, lines=None, data=None, timeout=60, environment=None, **kw):
    """Runs the binary; `lines` (str list) or `data` (bytes) on stdin."""
    if data is None:
        data = "".join(line + "\n" for line in (lines or [])).encode("utf-8")
    return subprocess.run(
        [binary(), *[str(a) for a in args]],
        input=data,
        capture_output=True,
        timeout=timeout,
        env=environment or env(),
        **kw,
    )


def _case_input_block(path):
    """The `input: |` block of a case file of the older format, as lines."""
    out, inside, indent = [], False, None
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("input: |"):
            inside = True
            continue
        if inside:
            if line and not line.startswith(" "):
                break
            if indent is None and line.strip():
                indent = len(line) - len(line.lstrip(" "))
            out.append(line[indent or 0 :] if line.strip() else "")
    while out and out[-1] == "":
        out.pop()
    return out


_scripts = {}


def script(case=CANCER_CASE):
    """The lines a case types, ending with `submit`: from `cases --script`
    where the binary has it, else from the case file's `input:` block."""
    if case not in _scripts:
        result = run(["cases", "--script", case], timeout=60)
        if result.returncode == 0 and result.stdout.strip():
            lines = result.stdout.decode("utf-8").splitlines()
        else:
            lines = _case_input_block(SEEDS / "cases" / case)
        assert lines, f"no script for {case}"
        _scripts[case] = lines
    return list(_scripts[case])


def seeds_copy(tmp_path, name="seeds"):
    folder = tmp_path / name
    shutil.copytree(SEEDS, folder)
    return folder


def record_folder(out, record_id=FIXED_ID):
    return pathlib.Path(out) / record_id


def find_record_file(out, ext="json", record_id=FIXED_ID):
    """A record's file wherever the version under test puts it (OUT/ID/ID.EXT,
    or OUT/ID.EXT before records had folders), for tests about content."""
    for path in (record_folder(out, record_id) / f"{record_id}.{ext}", pathlib.Path(out) / f"{record_id}.{ext}"):
        if path.is_file():
            return path
    raise AssertionError(f"no {record_id}.{ext} in {everything(out)}")


def record_files(out, record_id=FIXED_ID, extensions=EXTENSIONS):
    folder = record_folder(out, record_id)
    return [folder / f"{record_id}.{ext}" for ext in extensions]


def everything(folder):
    """Every path under a folder (relative, hidden ones too), folders with a trailing slash."""
    folder = pathlib.Path(folder)
    if not folder.exists():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        relative = str(path.relative_to(folder))
        found.append(relative + "/" if path.is_dir() and not path.is_symlink() else relative)
    return found


def hidden(folder):
    """Every hidden entry (a name starting with a dot) anywhere under a folder."""
    return [p for p in everything(folder) if any(part.startswith(".") for part in p.rstrip("/").split("/"))]


def assert_whole_record(out, record_id=FIXED_ID, extensions=EXTENSIONS, expected=None):
    """The record folder holds exactly its files (and any companion such as
    the outbox's delivery.json), each complete (0600 in 0700)."""
    folder = record_folder(out, record_id)
    assert folder.is_dir(), f"{folder} is missing: {everything(out)}"
    names = sorted(p.name for p in folder.iterdir() if p.name not in COMPANIONS)
    assert names == sorted([f"{record_id}.{ext}" for ext in extensions] + [record_id + PATIENT_COPY]), names
    assert folder.stat().st_mode & 0o777 == 0o700
    record = json.loads((folder / f"{record_id}.json").read_text(encoding="utf-8"))
    assert record["id"] == record_id
    for path in folder.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path
        if expected is not None:
            assert path.read_bytes() == expected[path.name], f"{path.name} is not what a clean run writes"
    return record


def contents(out, record_id=FIXED_ID):
    folder = record_folder(out, record_id)
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def as_nobody(command):
    """A command line that runs `command` as user and group nobody, no other groups."""
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]


def public_folder():
    """A fresh folder every user can reach (pytest's tmp_path is owner-only),
    for tests that run the program as nobody; removed at exit."""
    folder = tempfile.mkdtemp(prefix="so-harden-", dir="/tmp")
    os.chmod(folder, 0o755)
    atexit.register(shutil.rmtree, folder, True)
    return pathlib.Path(folder)


def read_until(stream, needle, timeout=10, sofar=b""):
    """Reads a pipe until `needle` (bytes) has been seen; returns everything read."""
    deadline = time.monotonic() + timeout
    data = sofar
    fd = stream.fileno()
    while needle not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out waiting for {needle!r}; got {data[-2000:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise AssertionError(f"the output ended before {needle!r}; got {data[-2000:]!r}")
            data += chunk
    return data


def wait(proc, timeout=10):
    """Waits for a Popen; kills it (and fails) if it does not end in time."""
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError(f"the program was still running {timeout}s later")


def proc_environ(pid):
    with open(f"/proc/{pid}/environ", "rb") as f:
        return f.read().split(b"\0")


def core_limit(pid):
    """The soft and hard core-file limits of a running process, as text."""
    with open(f"/proc/{pid}/limits") as f:
        for line in f:
            if line.startswith("Max core file size"):
                return tuple(re.split(r"\s{2,}", line.strip())[1:3])
    raise AssertionError("no core limit in /proc/%d/limits" % pid)


def draft_json(record_id, answers=(), **fields):
    """A draft file's content, as this version writes it."""
    draft = {
        "schemaVersion": 1,
        "id": record_id,
        "mode": "receptionist",
        "operator": "Aisha Khan",
        "createdAt": FIXED_NOW,
        "savedAt": "2026-11-25T10:04:12Z",
        "today": "2026-11-25",
        "answers": [{"questionId": q, "typed": t} for q, t in answers],
        "waitingAt": None,
        "reason": "hang-up",
    }
    for key, value in fields.items():
        if value is Ellipsis:
            draft.pop(key, None)
        else:
            draft[key] = value
    return json.dumps(draft, indent=2, sort_keys=True)


def write_draft(out, record_id, text=None, **fields):
    folder = pathlib.Path(out) / "drafts"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(out, 0o700)
    os.chmod(folder, 0o700)
    path = folder / f"{record_id}.draft.json"
    path.write_text(text if text is not None else draft_json(record_id, **fields), encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def signal_name(number):
    return signal.Signals(number).name
