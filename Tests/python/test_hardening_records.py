"""A record is all or nothing, even under SIGKILL (docs/storage.md).

A record is one folder, OUT/ID/, that appears in one rename. Faults are
injected with strace at every write, link, rename, fsync, mkdir, open and
unlink the program makes in the output folder, one at a time; and the program
is killed (SIGKILL) at random points of its writing, seeded and bounded.
After each: either the complete record folder exists, or nothing but what the
next start sweeps; after that sweep no hidden file (patient data) is left, and
a resume killed mid-write finishes the next time.
"""
import concurrent.futures
import os
import random
import re
import shutil
import signal
import subprocess
import time

import pytest

from _hardening import (
    ALL_FORMATS,
    COMPANIONS,
    EMERGENCY,
    EXTENSIONS,
    FIXED_ID,
    assert_whole_record,
    binary,
    contents,
    env,
    everything,
    hidden,
    record_folder,
    run,
    script,
    write_draft,
)

STRACE = shutil.which("strace")
SYSCALLS = [
    "write", "fsync", "fdatasync", "link", "linkat", "rename", "renameat", "renameat2",
    "mkdir", "mkdirat", "openat", "unlink", "unlinkat",
]
# Seeded and bounded: Scripts/test runs this many; more with HARDENING_KILL_TRIALS.
KILL_TRIALS = int(os.environ.get("HARDENING_KILL_TRIALS", "100"))
TIMED_KILLS = int(os.environ.get("HARDENING_TIMED_KILLS", "10"))
SEED = int(os.environ.get("HARDENING_SEED", "20261125"))

# Trials run two at a time (the machine has two cores; each is one process).
WORKERS = int(os.environ.get("HARDENING_WORKERS", "2"))

CALL_RE = re.compile(r"^(\d+) +(\w+)\((.*)$")  # strace pads the pid
RESULT_RE = re.compile(r"\) += (-?\d+)")


def need_strace():
    if STRACE is None:
        raise AssertionError("strace is needed for the fault-injection tests (Scripts/bootstrap installs it)")


def interview_args(outdir):
    return ["interview", "--out", str(outdir), *ALL_FORMATS]


def interview_command(outdir):
    return [binary(), *interview_args(outdir)]


def strace_run(command, log, stdin, environment, inject=None, trace=None):
    """Runs `command` under strace -f; returns (exit status, log text)."""
    need_strace()
    arguments = [STRACE, "-f", "-qq", "-o", str(log), "-e", "trace=" + ",".join(trace or SYSCALLS)]
    if inject:
        arguments += ["-e", "inject=" + inject]
    result = subprocess.run(
        arguments + command, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=environment, timeout=60,
    )
    return result.returncode, log.read_text(errors="replace")


def calls_in(log, outdir):
    """The calls of a trace that act on the output folder, as (syscall, n,
    line): the n-th call of that syscall by its thread, the number strace's
    `when=` counts."""
    out = str(outdir)
    counts, fds, found = {}, {}, []
    for line in log.splitlines():
        if "resumed>" in line:
            continue
        m = CALL_RE.match(line)
        if not m:
            continue
        pid, name, rest = m.groups()
        counts[(pid, name)] = counts.get((pid, name), 0) + 1
        n = counts[(pid, name)]
        # The first argument: a descriptor for write(5, ...), fsync(5), renameat2(3, ...).
        first = re.match(r"[^,)]*", rest).group(0).strip()
        touches = out in rest or (first.isdigit() and (pid, first) in fds)
        if name == "openat":
            path = re.search(r'"([^"]*)"', rest)
            base = fds.get((pid, first)) if first.isdigit() else None
            target = (base + "/" + path.group(1)) if (base and path) else (path.group(1) if path else "")
            result = RESULT_RE.search(line)
            if result and int(result.group(1)) >= 0:
                fd = result.group(1)
                if target.startswith(out):
                    fds[(pid, fd)] = target
                else:
                    fds.pop((pid, fd), None)
        if touches:
            found.append((name, n, line))
    return found


def in_parallel(trial, items):
    """Runs `trial(item)` for every item, WORKERS at a time; re-raises the first failure."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(trial, items))


def sweep(outdir):
    """The next start: an interview that ends at once runs the sweep."""
    result = run(["interview", "--out", str(outdir)], data=b"", timeout=30)
    assert result.returncode == 4, result.stderr


def check_all_or_nothing(outdir, status, expected, what):
    """After a run that may have failed or been killed: the whole record or
    nothing; after the next start's sweep, nothing hidden is left."""
    folder = record_folder(outdir)
    if status == 3:
        assert_whole_record(outdir, expected=expected)
    elif folder.exists():
        # Killed after the commit's rename: the record is whole.
        assert_whole_record(outdir, expected=expected)
    else:
        assert status != 3, f"{what}: exit 3 (saved) but no record folder"
    flat = [p for p in everything(outdir) if "/" not in p and not p.startswith(".")]
    assert flat == [], f"{what}: files outside a record folder: {flat}"
    if hidden(outdir):
        sweep(outdir)
    assert hidden(outdir) == [], f"{what}: hidden files left after the sweep: {everything(outdir)}"
    if folder.exists():
        assert_whole_record(outdir, expected=expected)
    leftover = [p for p in everything(outdir) if not p.startswith(FIXED_ID) and p != "drafts/"]
    assert leftover == [], f"{what}: {leftover}"


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A clean run: its trace (the calls in the output folder) and the files it writes."""
    need_strace()
    work = tmp_path_factory.mktemp("clean")
    outdir = work / "out"
    status, log = strace_run(interview_command(outdir), work / "trace.log", b"1\n", env())
    assert status == 3, log[-2000:]
    assert_whole_record(outdir)
    calls = calls_in(log, outdir)
    for kind in ("write", "fsync", "rename", "mkdir", "openat"):
        assert any(name.startswith(kind) for name, _, _ in calls), f"no {kind} in {calls}"
    return {"calls": calls, "expected": contents(outdir)}


def test_the_record_is_one_folder_of_owner_only_files(tmp_path):
    outdir = tmp_path / "out"
    result = run(interview_args(outdir), lines=script())
    assert result.returncode == 0, result.stderr
    record = assert_whole_record(outdir)
    files = [p for p in everything(outdir) if p.split("/")[-1] not in COMPANIONS]
    assert files == [FIXED_ID + "/"] + sorted(
        [f"{FIXED_ID}/{FIXED_ID}.{e}" for e in EXTENSIONS] + [f"{FIXED_ID}/{FIXED_ID}-patient-copy.txt"])
    assert outdir.stat().st_mode & 0o777 == 0o700
    assert record["status"] == "complete"
    # explain and render read the record in its folder, by its file or the folder.
    for path in (record_folder(outdir), record_folder(outdir) / f"{FIXED_ID}.json"):
        explained = run(["explain", path])
        assert explained.returncode == 0 and b"Urgency:" in explained.stdout, explained.stderr
        rendered = run(["render", path, "--format", "markdown"])
        assert rendered.stdout == (record_folder(outdir) / f"{FIXED_ID}.md").read_bytes()


def test_a_record_is_never_replaced(tmp_path):
    outdir = tmp_path / "out"
    assert run(interview_args(outdir), lines=EMERGENCY).returncode == 3
    before = contents(outdir)
    again = run(interview_args(outdir), lines=EMERGENCY)
    assert again.returncode == 7, again.stderr
    assert b"already exists" in again.stderr
    assert contents(outdir) == before
    assert hidden(outdir) == []


def test_a_fault_at_every_call_in_the_output_folder_leaves_all_or_nothing(tmp_path, clean):
    def trial(call):
        name, n, line = call
        outdir = tmp_path / f"out-{name}-{n}"
        log = tmp_path / f"log-{name}-{n}"
        status, text = strace_run(
            interview_command(outdir), log, b"1\n", env(), inject=f"{name}:error=EIO:when={n}", trace=[name])
        assert "(INJECTED)" in text, f"the fault at {name} #{n} ({line}) was not injected"
        assert status in (3, 7), f"{name} #{n}: exit {status}"
        check_all_or_nothing(outdir, status, clean["expected"], f"EIO at {name} #{n}: {line}")
        return status

    statuses = in_parallel(trial, clean["calls"])
    assert statuses.count(7) >= 10, "the faults should have made most writes fail"


def test_random_kills_while_writing_leave_all_or_nothing(tmp_path, clean):
    """SIGKILL at a random call in the output folder (strace delivers it as
    the call starts), then at random moments of a run."""
    rng = random.Random(SEED)
    calls = clean["calls"]
    chosen = [(trial, rng.choice(calls)) for trial in range(KILL_TRIALS)]

    def at_a_call(item):
        trial, (name, n, line) = item
        outdir = tmp_path / f"kill-{trial}"
        status, _ = strace_run(
            interview_command(outdir), tmp_path / f"kill-{trial}.log", b"1\n", env(),
            inject=f"{name}:signal=KILL:when={n}", trace=[name])
        check_all_or_nothing(outdir, status, clean["expected"], f"trial {trial}: SIGKILL at {name} #{n}: {line}")

    in_parallel(at_a_call, chosen)
    # Kills at moments, not calls: spread over a run's length.
    started = time.monotonic()
    assert run(interview_args(tmp_path / "timing"), lines=EMERGENCY).returncode == 3
    length = time.monotonic() - started
    delays = [(trial, rng.uniform(0.5, 1.2) * length) for trial in range(TIMED_KILLS)]

    def at_a_moment(item):
        trial, delay = item
        outdir = tmp_path / f"timed-{trial}"
        proc = subprocess.Popen(interview_command(outdir), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env())
        proc.stdin.write(b"1\n")
        proc.stdin.close()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        status = proc.wait()
        check_all_or_nothing(outdir, status, clean["expected"], f"timed kill {trial} after {delay:.3f}s")

    in_parallel(at_a_moment, delays)


def test_a_resume_killed_while_writing_finishes_the_next_time(tmp_path):
    """`resume` writes the record under the draft's id, then removes the
    draft. Killed at any call in between, the next `resume` must finish: the
    record whole, the draft gone, nothing hidden left ("already exists" for
    ever was the old outcome)."""
    reference = tmp_path / "reference"
    write_draft(reference, FIXED_ID)
    resumed = run(["resume", FIXED_ID, "--out", reference, *ALL_FORMATS], lines=EMERGENCY)
    assert resumed.returncode == 3, resumed.stderr
    expected = contents(reference)
    traced = tmp_path / "traced"
    write_draft(traced, FIXED_ID)
    status, log = strace_run(
        [binary(), "resume", FIXED_ID, "--out", str(traced), *ALL_FORMATS], tmp_path / "resume.log", b"1\n", env())
    assert status == 3
    # Every call that writes, renames or removes (opening and reading need no kill of their own).
    writing = ("write", "fsync", "fdatasync", "rename", "renameat", "renameat2", "link", "linkat", "unlink",
               "unlinkat", "mkdir", "mkdirat")
    calls = [c for c in calls_in(log, traced) if c[0] in writing]
    assert calls
    def trial(item):
        index, (name, n, line) = item
        outdir = tmp_path / f"resume-{index}"
        write_draft(outdir, FIXED_ID)
        strace_run([binary(), "resume", FIXED_ID, "--out", str(outdir), *ALL_FORMATS], tmp_path / f"r{index}.log",
                   b"1\n", env(), inject=f"{name}:signal=KILL:when={n}", trace=[name])
        again = run(["resume", FIXED_ID, "--out", outdir, *ALL_FORMATS], lines=EMERGENCY)
        what = f"resume killed at {name} #{n} ({line})"
        assert again.returncode in (0, 3), f"{what}: the next resume exited {again.returncode}: {again.stderr!r}"
        assert_whole_record(outdir, expected=expected)
        assert not (outdir / "drafts" / f"{FIXED_ID}.draft.json").exists(), what
        assert hidden(outdir) == [], f"{what}: {everything(outdir)}"

    in_parallel(trial, list(enumerate(calls)))


def test_the_sweep_removes_unfinished_writes_and_keeps_whole_records(tmp_path):
    outdir = tmp_path / "out"
    assert run(interview_args(outdir), lines=EMERGENCY).returncode == 3
    kept = contents(outdir)
    # What interrupted writes leave: an unfinished record folder, a hidden
    # temporary file of a single-file write, a draft whose record was saved.
    other = "SO-20261125T100001Z-0000000A"
    unfinished = outdir / f".incoming-{other}"
    unfinished.mkdir(mode=0o700)
    (unfinished / f"{other}.json").write_text('{"name": "Sam Taylor"}')
    (outdir / f".{other}.json.123.456.tmp").write_text("Sam Taylor")
    write_draft(outdir, FIXED_ID)
    (outdir / "drafts" / f".{FIXED_ID}.draft.json.9.9.tmp").write_text("Sam Taylor")
    result = run(["interview", "--out", outdir], data=b"")
    assert result.returncode == 4
    assert hidden(outdir) == [], everything(outdir)
    assert not (outdir / "drafts" / f"{FIXED_ID}.draft.json").exists()
    assert contents(outdir) == kept
    assert b"interrupted" in result.stderr
