#!/usr/bin/env python3
"""The benchmark: second-opinion against a minimal Swift baseline, as ratios
of medians. Run by Scripts/bench after it has built both in release; not a
test (it never fails on a missed target, it reports it).

Figures:
  1. time to the first prompt: stdin a pipe that stays open, timed from
     before the process is started until the first question's text is on stdout;
  2. a full scripted interview (a case from seeds/cases piped in): wall time,
     and peak memory (ru_maxrss of the child, from wait4);
  3. the case library's throughput in-process (`second-opinion bench-cases`):
     the whole driver, and the triage-and-record stage alone;
  4. `check --no-cases` on generated definitions of 100, 1,000 and 10,000
     questions (Bench/gen_check_seeds.py), per question.

Runs of the program and the baseline alternate, so drift on the machine
(other builds, frequency changes) affects both alike.
"""
import argparse
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
MARKER = b"First, for your safety"


def environment(seeds, cache):
    """A clean environment; the clock is not fixed, so runs take the real path
    (each run writes into a folder of its own). The seed cache is a folder of
    the benchmark's own, filled by the warm-up runs."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "XDG_CACHE_HOME": str(cache),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "SECOND_OPINION_SEEDS": str(seeds),
        "SWIFT_BACKTRACE": "enable=no",
    }
    return env


def case_input(path):
    """The `input: |` block of a case file (YAML literal block, clipped)."""
    lines = path.read_text().split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(r"^input:\s*\|\s*$", line))
    body = []
    for line in lines[start + 1 :]:
        if line.strip() == "":
            body.append("")
            continue
        if not line.startswith("  "):
            break
        body.append(line[2:])
    while body and body[-1] == "":
        body.pop()
    return ("\n".join(body) + "\n").encode()


def time_first_prompt(command, env, marker):
    """Seconds from just before start-up until `marker` is on stdout."""
    folder = tempfile.mkdtemp(prefix="bench-", dir=OUT_ROOT)
    start = time.perf_counter()
    process = subprocess.Popen(
        command + ["--out", folder],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    seen = b""
    while marker not in seen:
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            raise SystemExit(f"bench: {command[0]} ended before its first prompt")
        seen += chunk
    elapsed = time.perf_counter() - start
    process.stdin.close()
    process.stdout.read()
    process.wait()
    shutil.rmtree(folder, ignore_errors=True)
    return elapsed


def time_full_run(command, env, script):
    """Seconds and peak resident memory (KiB) of one scripted run."""
    folder = tempfile.mkdtemp(prefix="bench-", dir=OUT_ROOT)
    with tempfile.TemporaryFile() as stdin:
        stdin.write(script)
        stdin.seek(0)
        start = time.perf_counter()
        process = subprocess.Popen(
            command + ["--out", folder], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    written = sorted(os.listdir(folder))
    shutil.rmtree(folder, ignore_errors=True)
    if process.returncode != 0 or len(written) != 2:
        raise SystemExit(f"bench: {command[0]} exited {process.returncode} and wrote {written}")
    return elapsed, usage.ru_maxrss


def alternate(runs, first, second):
    """Runs two measurements alternately (order swapped each time); lists of results."""
    a, b = [], []
    for index in range(runs):
        if index % 2 == 0:
            a.append(first())
            b.append(second())
        else:
            b.append(second())
            a.append(first())
    return a, b


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def machine():
    cpu = "unknown"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "kernel": platform.release(),
        "swift": swift[0] if swift else "unknown",
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def main():
    parser = argparse.ArgumentParser(description="second-opinion benchmark (run through Scripts/bench)")
    parser.add_argument("--program", required=True, help="the release second-opinion binary")
    parser.add_argument("--baseline", required=True, help="the release baseline binary")
    parser.add_argument("--bare", help="the Glibc-only baseline, reported for information")
    parser.add_argument("--work", required=True, help="a scratch folder (generated seeds, output files)")
    parser.add_argument("--case", default=str(REPO / "seeds/cases/010-suspected-prostate-cancer-surgery.yaml"))
    parser.add_argument("--runs", type=int, default=40, help="runs of each process measurement")
    parser.add_argument("--count", type=int, default=10000, help="generated cases for the throughput")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    global OUT_ROOT
    work = pathlib.Path(args.work)
    OUT_ROOT = work / "out"
    OUT_ROOT.mkdir(parents=True, exist_ok=True)
    seeds = REPO / "seeds"
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = environment(seeds, cache)
    program = [args.program, "interview"]
    baseline = [args.baseline]
    bare = [args.bare] if args.bare else None
    script = case_input(pathlib.Path(args.case))
    figures = {"machine": machine(), "case": pathlib.Path(args.case).name, "runs": args.runs}
    print(f"bench: {figures['machine']['cpu']}, {figures['machine']['nproc']} cores, {figures['machine']['swift']}")

    # Warm the page cache and the dynamic loader's caches.
    for _ in range(3):
        time_full_run(program, env, script)
        time_full_run(baseline, env, script)

    print(f"bench: time to the first prompt ({args.runs} runs each) ...", flush=True)
    prompt_program, prompt_baseline = alternate(
        args.runs,
        lambda: time_first_prompt(program, env, MARKER),
        lambda: time_first_prompt(baseline, env, MARKER),
    )
    print(f"bench: full scripted interview, {figures['case']} ({args.runs} runs each) ...", flush=True)
    full_program, full_baseline = alternate(
        args.runs, lambda: time_full_run(program, env, script), lambda: time_full_run(baseline, env, script)
    )
    figures["firstPrompt"] = {
        "program": statistics.median(prompt_program),
        "baseline": statistics.median(prompt_baseline),
    }
    figures["fullInterview"] = {
        "program": statistics.median(t for t, _ in full_program),
        "baseline": statistics.median(t for t, _ in full_baseline),
        "programPeakKiB": max(m for _, m in full_program),
        "baselinePeakKiB": max(m for _, m in full_baseline),
    }
    # For information: the first prompt when the seed cache is off (every run
    # decodes the YAML, as the first run after the seeds change does).
    uncached = dict(env, SECOND_OPINION_SEED_CACHE="off")
    figures["firstPromptUncached"] = statistics.median(
        time_first_prompt(program, uncached, MARKER) for _ in range(max(args.runs // 2, 1))
    )
    if bare:
        bare_prompt = [time_first_prompt(bare, env, MARKER) for _ in range(args.runs // 2)]
        bare_full = [time_full_run(bare, env, script) for _ in range(args.runs // 2)]
        figures["bare"] = {
            "firstPrompt": statistics.median(bare_prompt),
            "fullInterview": statistics.median(t for t, _ in bare_full),
            "peakKiB": max(m for _, m in bare_full),
        }

    print(f"bench: case library throughput ({args.count} generated cases, in-process) ...", flush=True)
    result = subprocess.run(
        [args.program, "bench-cases", "--count", str(args.count), "--seed", "1", "--rounds", "5", "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: bench-cases failed:\n{result.stdout}{result.stderr}")
    figures["throughput"] = json.loads(result.stdout.strip().splitlines()[-1])

    print("bench: check on generated definitions ...", flush=True)
    sizes = [100, 1000, 10000]
    check_runs = {100: 15, 1000: 9, 10000: 5}
    figures["check"] = {}
    for size in sizes:
        folder = work / "check-seeds" / f"q{size}"
        subprocess.run([sys.executable, str(REPO / "Bench/gen_check_seeds.py"), str(size), str(folder)], check=True)
        times = []
        for _ in range(check_runs[size]):
            start = time.perf_counter()
            result = subprocess.run(
                [args.program, "check", "--no-cases", "--seeds", str(folder)], capture_output=True, text=True, env=env
            )
            times.append(time.perf_counter() - start)
            if result.returncode != 0 or "no defects" not in result.stdout:
                raise SystemExit(f"bench: check on {size} questions found defects:\n{result.stdout[-2000:]}")
        figures["check"][str(size)] = statistics.median(times)
    shutil.rmtree(OUT_ROOT, ignore_errors=True)

    report(figures)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


def report(figures):
    prompt = figures["firstPrompt"]
    full = figures["fullInterview"]
    throughput = figures["throughput"]
    check = figures["check"]
    prompt_ratio = prompt["program"] / prompt["baseline"]
    full_ratio = full["program"] / full["baseline"]
    peak_mib = full["programPeakKiB"] / 1024
    rate = throughput["casesPerSecond"]
    stage = throughput["stage"]
    stage_rate = stage["casesPerSecond"]
    per_question = {size: seconds / int(size) for size, seconds in check.items()}
    # Linear growth: the cost of each further question, from 1,000 to 10,000,
    # is no more than 1.5 times the cost from 100 to 1,000 (the fixed start-up
    # cost cancels out in the differences).
    slope_small = (check["1000"] - check["100"]) / 900
    slope_large = (check["10000"] - check["1000"]) / 9000
    growth = slope_large / slope_small
    figures["derived"] = {
        "firstPromptRatio": prompt_ratio,
        "fullInterviewRatio": full_ratio,
        "peakMiB": peak_mib,
        "casesPerSecond": rate,
        "stageCasesPerSecond": stage_rate,
        "checkPerQuestion": per_question,
        "checkSlopeRatio": growth,
    }

    def verdict(ok):
        return "PASS" if ok else "MISS"

    rows = [
        (
            "Time to first prompt",
            f"{ms(prompt['program'])} vs {ms(prompt['baseline'])}",
            f"{prompt_ratio:.2f}x",
            "<= 1.5x baseline",
            verdict(prompt_ratio <= 1.5),
        ),
        (
            "Full scripted interview",
            f"{ms(full['program'])} vs {ms(full['baseline'])}",
            f"{full_ratio:.2f}x",
            "<= 2x baseline",
            verdict(full_ratio <= 2.0),
        ),
        (
            "Peak memory (interview)",
            f"{full['programPeakKiB'] / 1024:.1f} vs {full['baselinePeakKiB'] / 1024:.1f} MiB",
            f"{peak_mib:.1f} MiB",
            "< 30 MiB",
            verdict(peak_mib < 30),
        ),
        (
            f"Case library throughput (whole driver, {throughput['threads']} threads)",
            f"{throughput['cases']} cases in {throughput['medianSeconds']:.2f} s",
            f"{rate:,.0f}/s",
            ">= 20,000 cases/s",
            verdict(rate >= 20000),
        ),
        (
            "  the same on one thread",
            f"{throughput['cases']} cases in {throughput['oneThread']['medianSeconds']:.2f} s",
            f"{throughput['oneThread']['casesPerSecond']:,.0f}/s",
            "(for information)",
            "",
        ),
        (
            "  triage-and-record stage alone",
            f"{stage['cases']} cases in {stage['medianSeconds']:.3f} s",
            f"{stage_rate:,.0f}/s",
            ">= 20,000 cases/s",
            verdict(stage_rate >= 20000),
        ),
        (
            "check, growth",
            " / ".join(f"{int(s):,}q {per_question[s] * 1e6:.0f} us/q" for s in check),
            f"{growth:.2f}x",
            "linear (<= 1.5x)",
            verdict(growth <= 1.5),
        ),
    ]
    headers = ("Figure", "Raw medians (program vs baseline)", "Result", "Target", "")
    widths = [max(len(str(row[i])) for row in rows + [headers]) for i in range(5)]
    line = "  ".join("-" * w for w in widths)
    print()
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    print(line)
    for row in rows:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)))
    print()
    print(
        "check, total time: "
        + ", ".join(f"{int(s):,} questions {ms(t)}" for s, t in check.items())
        + f"; per further question {slope_small * 1e6:.0f} us (100 to 1,000), {slope_large * 1e6:.0f} us (1,000 to 10,000)"
    )
    print(
        f"throughput: {throughput['answersPerCase']:.1f} answers a case, {throughput['emergencies']} emergencies, "
        f"rounds {', '.join(f'{s:.2f} s' for s in throughput['seconds'])}; "
        f"CPU {throughput['casesPerCPUSecond']:,.0f} cases a second (whole driver), "
        f"{stage['casesPerCPUSecond']:,.0f} (triage-and-record stage: answers, TriageEvaluator, RecordBuilder)"
    )
    print(
        f"for information, the first prompt with the seed cache off (the YAML decoded, as on the first run "
        f"after the seeds change): {ms(figures['firstPromptUncached'])}"
    )
    if "bare" in figures:
        bare = figures["bare"]
        print(
            f"for information, a Glibc-only Swift baseline (no Foundation): first prompt {ms(bare['firstPrompt'])}, "
            f"full interview {ms(bare['fullInterview'])}, peak {bare['peakKiB'] / 1024:.1f} MiB"
        )


if __name__ == "__main__":
    main()
