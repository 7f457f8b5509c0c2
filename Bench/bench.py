#!/usr/bin/env python3
"""The benchmark: what a person feels of second-opinion, each figure beside a
peer measured in the same run, as ratios. Run by Scripts/bench (which builds
the release binary and the bench's virtual environment) with that
environment's Python. Not a test: a missed target is reported, never failed.

  1. time to the first prompt in a pseudo-terminal (80 columns): from spawning
     `second-opinion interview` until the first question's `> ` is drawn,
     against Bench/peer_prompt_toolkit.py spawned the same way;
  2. a full 37-answer interview on a pipe (the answers and `submit`), until the
     process has exited with its record written, against the peer answering the
     same lines from a pipe with prompt_toolkit;
  3. the peak memory (ru_maxrss, from wait4) of both during (2);
  4. `second-opinion cases --quiet` on seeds/cases, beside `check --no-cases`
     (start-up and the seeds, with no case run).

Runs alternate between the two sides, and which goes first alternates too, so
that drift on the machine touches both alike. Medians are reported.
"""
import argparse
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import pexpect
import prompt_toolkit

REPO = pathlib.Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CASE = SEEDS / "cases" / "010-suspected-prostate-cancer-surgery.yaml"
PEER = REPO / "Bench" / "peer_prompt_toolkit.py"
# Seconds after which a run counts as hung (the bench fails).
TIMEOUT = 120

# The prompt as drawn: readline writes "> " (after turning on bracketed
# paste); prompt_toolkit writes ">" and moves the cursor over the space.
# Escape sequences and backspaces may come between the two.
PROMPT = re.compile(rb">(?:\x1b\[[0-9;?]*[A-Za-z]|\x08)*(?: |\x1b\[[0-9]*C)")
# prompt_toolkit asks the terminal where the cursor is; a terminal answers.
CURSOR_QUERY = re.compile(rb"\x1b\[6n")


class BenchError(Exception):
    """The bench itself failed (not a missed target)."""


def environment():
    """The same clean environment for both sides."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "SWIFT_BACKTRACE": "enable=no",
    }


def case_today(path):
    """The case's `today:` (ISO), or the case library's default."""
    match = re.search(r"^today:\s*\"?(\d{4}-\d{2}-\d{2})", path.read_text(), re.M)
    return match.group(1) if match else "2026-11-25"


def interview_script(program, env):
    """The stdin lines of the 37-answer case, as `second-opinion cases --script
    FILE` prints them (the answers the case gives, in the order the interview
    asks, and `submit` at the review)."""
    run = subprocess.run(
        [program, "cases", "--script", str(CASE), "--seeds", str(SEEDS)], env=env, capture_output=True, text=True)
    if run.returncode != 0 or not run.stdout.strip():
        raise BenchError(f"`cases --script {CASE.name}` exited {run.returncode}: {run.stderr.strip()[-500:]}")
    return run.stdout


# 1. The first prompt in a pseudo-terminal.

def first_prompt(argv, env):
    """Seconds from spawning argv in an 80-column pty until the prompt is drawn."""
    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(24, 80), timeout=TIMEOUT)
    try:
        while True:
            if child.expect([PROMPT, CURSOR_QUERY]) == 0:
                break
            child.send(b"\x1b[4;1R")
        elapsed = time.perf_counter() - start
    except (pexpect.EOF, pexpect.TIMEOUT) as error:
        raise BenchError(f"no prompt from {' '.join(argv)}: {type(error).__name__}; output {child.before[-300:]!r}")
    finally:
        if child.isalive():
            os.kill(child.pid, signal.SIGKILL)
        child.close(force=True)
    return elapsed


# 2 and 3. The scripted interview on a pipe.

# A small launcher, so that the peak memory is the program's own: on Linux a
# process's ru_maxrss keeps the high-water mark of the memory it had before
# exec, and a child forked (or vforked) by this bench would carry the bench's
# (about 30 MiB). The launcher's floor is about 5 MiB, printed by the bench.
# It times the run itself, from just before fork to just after wait4, so its
# own start-up is not counted.
LAUNCHER = """
import os, sys, time
report = int(sys.argv[1])
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
os.write(report, f"{elapsed!r} {usage.ru_maxrss * 1024}".encode())
sys.exit(os.waitstatus_to_exitcode(status))
"""


def piped(argv, script, env, out):
    """Runs argv with the script on a pipe for stdin (stdout and stderr to files
    in `out`); returns (seconds, peak RSS in bytes)."""
    script_read, script_write = os.pipe()
    os.write(script_write, script.encode())  # far below a pipe's 64 KiB
    os.close(script_write)
    report_read, report_write = os.pipe()
    with open(out / "stdout", "wb") as stdout, open(out / "stderr", "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-S", "-E", "-c", LAUNCHER, str(report_write), *argv],
            stdin=script_read, stdout=stdout, stderr=stderr, env=env, pass_fds=(report_write,),
            start_new_session=True)
        os.close(script_read)
        os.close(report_write)
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            os.close(report_read)
            raise BenchError(f"{' '.join(map(str, argv))} did not finish in {TIMEOUT} s")
        with os.fdopen(report_read) as report:
            measured = report.read()
    if process.returncode != 0 or not measured:
        raise BenchError(
            f"{' '.join(map(str, argv))} exited {process.returncode}: {(out / 'stderr').read_text()[-500:]}")
    elapsed, peak = measured.split()
    return float(elapsed), int(peak)


def timed(argv, env):
    """Wall seconds of a command, its CPU seconds (user and system), its exit
    code and the last line of its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        run = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise BenchError(f"{' '.join(argv)} did not finish in {TIMEOUT} s")
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = run.stdout.strip().splitlines()
    return elapsed, cpu, run.returncode, lines[-1] if lines else run.stderr.strip()


def alternate(runs, warmup, first, second):
    """Calls first() and second() runs times each after warmup untimed pairs,
    swapping which goes first every time; returns both lists of results."""
    a, b = [], []
    for index in range(warmup + runs):
        pair = [(first, a), (second, b)]
        if index % 2:
            pair.reverse()
        for function, results in pair:
            value = function()
            if index >= warmup:
                results.append(value)
    return a, b


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--program", required=True, help="the release second-opinion binary")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each side (default 15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs of each side first (default 2)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    program = str(pathlib.Path(args.program).resolve())
    env = environment()
    python = sys.executable
    work = pathlib.Path(tempfile.mkdtemp(prefix="second-opinion-bench-"))
    try:
        script = interview_script(program, env)
        script_source = f"`second-opinion cases --script seeds/cases/{CASE.name}`"
        lines = script.rstrip("\n").split("\n")
        now = case_today(CASE) + "T09:00:00Z"
        ours_interview = [program, "interview", "--seeds", str(SEEDS), "--now", now]
        peer = [python, str(PEER)]
        load = os.getloadavg()[0]
        print(f"bench: {args.runs} runs of each side after {args.warmup} warm-up runs, on {os.cpu_count()} cores "
              f"(load average {load:.1f}); "
              f"prompt_toolkit {prompt_toolkit.__version__}, pexpect {pexpect.__version__}, "
              f"Python {sys.version.split()[0]}", file=sys.stderr)
        print(f"bench: the interview script ({len(lines)} lines) is from {script_source}", file=sys.stderr)

        counter = iter(range(1_000_000))

        def fresh():
            folder = work / f"run-{next(counter)}"
            folder.mkdir()
            return folder

        # 1. First prompt.
        print("bench: 1/3 the first prompt in a pty", file=sys.stderr)
        prompt_ours, prompt_peer = alternate(
            args.runs, args.warmup,
            lambda: first_prompt(ours_interview + ["--out", str(fresh())], env),
            lambda: first_prompt(peer, env))

        # 2 and 3. Scripted interview on a pipe.
        print("bench: 2/3 the scripted interview on a pipe", file=sys.stderr)

        def run_ours():
            out = fresh()
            result = piped(ours_interview + ["--out", str(out / "records")], script, env, out)
            if not list((out / "records").rglob("*.json")):  # a folder a record, or flat
                raise BenchError(f"our interview wrote no record: {(out / 'stdout').read_text()[-500:]}")
            return result

        def run_peer():
            out = fresh()
            result = piped(peer + ["--questions", str(len(lines)), "--out", str(out / "records")], script, env, out)
            answers = json.loads((out / "records" / "answers.json").read_text())["answers"]
            if answers != lines:
                raise BenchError("the peer's answers are not the script's lines")
            return result

        interview_ours, interview_peer = alternate(args.runs, args.warmup, run_ours, run_peer)
        _, floor = piped(["/bin/true"], "", env, fresh())

        # 4. The case library.
        print("bench: 3/3 the case library", file=sys.stderr)
        library_runs = max(3, args.runs // 3)
        library, reference = alternate(
            library_runs, 1,
            lambda: timed([program, "cases", "--quiet", "--seeds", str(SEEDS)], env),
            lambda: timed([program, "check", "--no-cases", "--seeds", str(SEEDS)], env))
        library_status = library[-1][2:]
        if library_status[0] not in (0, 1):  # 1: a case failed; still a timing of the library
            raise BenchError(f"`cases --quiet` exited {library_status[0]}: {library_status[1]}")
        if reference[-1][2] not in (0, 1):
            raise BenchError(f"`check --no-cases` exited {reference[-1][2]}: {reference[-1][3]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    median = statistics.median
    mib = 1024 * 1024
    figures = [
        {
            "figure": "First prompt, pty 80 columns",
            "ours": median(prompt_ours), "peer": median(prompt_peer), "unit": "ms",
            "target": "<= 0.5x peer", "limit": ("ratio", 0.5),
        },
        {
            "figure": f"{len(lines) - 1}-answer interview on a pipe",
            "ours": median(t for t, _ in interview_ours), "peer": median(t for t, _ in interview_peer), "unit": "ms",
            "target": "<= 0.5x peer", "limit": ("ratio", 0.5),
        },
        {
            "figure": "Peak memory during it",
            "ours": max(m for _, m in interview_ours), "peer": max(m for _, m in interview_peer), "unit": "MiB",
            "target": "< 40 MiB", "limit": ("ours", 40 * mib),
        },
        {
            "figure": "cases --quiet (peer: check --no-cases)",
            "ours": median(t for t, *_ in library), "peer": median(t for t, *_ in reference), "unit": "ms",
            "target": "< 2 s", "limit": ("ours", 2.0),
        },
    ]
    for figure in figures:
        figure["ratio"] = figure["ours"] / figure["peer"]
        kind, limit = figure.pop("limit")
        figure["met"] = figure["ratio"] <= limit if kind == "ratio" else figure["ours"] < limit

    def show(value, unit):
        return f"{value * 1000:.1f} ms" if unit == "ms" else f"{value / mib:.1f} MiB"

    header = ("Figure", "Ours", "Peer", "Ratio", "Target", "")
    rows = [header] + [
        (f["figure"], show(f["ours"], f["unit"]), show(f["peer"], f["unit"]), f"{f['ratio']:.2f}x", f["target"],
         "met" if f["met"] else "MISSED")
        for f in figures
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    print()
    for number, row in enumerate(rows):
        print("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                        for i, (cell, width) in enumerate(zip(row, widths))).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))
    print()
    print(f"cases --quiet: {library_status[1]}; CPU {median(c for _, c, *_ in library) * 1000:.0f} ms "
          f"(check --no-cases {median(c for _, c, *_ in reference) * 1000:.0f} ms)")
    print(f"peak memory: the launcher's floor (its child running /bin/true) is {floor / mib:.1f} MiB")
    spread = [
        ("first prompt", prompt_ours, prompt_peer),
        ("interview", [t for t, _ in interview_ours], [t for t, _ in interview_peer]),
    ]
    for name, ours, theirs in spread:
        print(f"{name}: ours {min(ours) * 1000:.1f}-{max(ours) * 1000:.1f} ms, "
              f"peer {min(theirs) * 1000:.1f}-{max(theirs) * 1000:.1f} ms over {len(ours)} runs")

    if args.json:
        report = {
            "cores": os.cpu_count(), "load_average": load, "runs": args.runs, "script": script_source, "rss_floor": floor,
            "prompt_toolkit": prompt_toolkit.__version__,
            "figures": figures,
            "samples": {
                "first_prompt": {"ours": prompt_ours, "peer": prompt_peer},
                "interview": {"ours": [t for t, _ in interview_ours], "peer": [t for t, _ in interview_peer]},
                "peak_rss": {"ours": [m for _, m in interview_ours], "peer": [m for _, m in interview_peer]},
                "library": {"ours": [t for t, *_ in library], "reference": [t for t, *_ in reference]},
                "library_cpu": {"ours": [c for _, c, *_ in library], "reference": [c for _, c, *_ in reference]},
            },
        }
        pathlib.Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"bench: failed: {error}", file=sys.stderr)
        sys.exit(2)
