"""Seeds cannot hang or crash the program (docs/reliability.md, "Seeds").

Anchors and aliases are refused in seeds and case files (a clinician's file
needs none; thousands of chained aliases overflow the YAML decoder's stack,
and a kilobyte of nested ones takes minutes to expand), as is a file over
1 MiB (a 100 MB file cost 9 s and 513 MB at every start) or nested more than
64 levels: one line naming the file and line, exit 6, before anything is
decoded.
"""
import os
import subprocess
import time

import pytest

from _hardening import EMERGENCY, binary, env, peak_memory, run, seeds_copy

LIMIT = 1 << 20


def chain(count):
    lines = ["chain0: &a0 x"] + [f"chain{i}: &a{i} [*a{i - 1}]" for i in range(1, count + 1)]
    return "\n".join(lines)


def bomb(levels=30):
    """About a kilobyte that expands to 2**levels nodes."""
    lines = ["lol0: &l0 [lol, lol]"] + [f"lol{i}: &l{i} [*l{i - 1}, *l{i - 1}]" for i in range(1, levels)]
    return "\n".join(lines)


def append(folder, name, text):
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    return path


def timed(args, timeout=30, **kw):
    started = time.monotonic()
    result = run(args, timeout=timeout, **kw)
    return result, time.monotonic() - started


def refused(result, elapsed, file, needle, seconds=5):
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 6, f"exit {result.returncode}: {err[-500:]!r}"
    assert file in err and needle in err, err
    assert len(err.strip().splitlines()) == 1, f"one line is enough: {err!r}"
    assert elapsed < seconds, f"{elapsed:.1f}s to refuse"
    assert b"[Section " not in result.stdout


CASES = {
    "alias-chain-8000": ("interview.yaml", lambda: chain(8000), "may not use anchors or aliases"),
    "nested-alias-bomb": ("interview.yaml", lambda: bomb(), "may not use anchors or aliases"),
    "an-anchor-alone": ("triage.yaml", lambda: "spare: &spare {a: 1}", "an anchor (&spare)"),
    "an-alias-in-the-letter": ("letter.yaml", lambda: "base: &b [x]\nagain: *b", "an anchor (&b)"),
    "nested-100-deep": ("interview.yaml", lambda: "extra: " + "[" * 100 + "]" * 100, "nested more than 64"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("command", ["interview", "check"])
def test_anchors_aliases_and_deep_nesting_are_refused_at_once(tmp_path, kind, command):
    file, text, needle = CASES[kind]
    folder = seeds_copy(tmp_path)
    append(folder, file, text())
    args = ["interview", "--out", tmp_path / "out"] if command == "interview" else ["check", "--no-cases"]
    result, elapsed = timed([*args, "--seeds", folder], lines=EMERGENCY)
    refused(result, elapsed, file, needle)
    assert f"{file}:" in result.stderr.decode(), "the line is named"
    assert not (tmp_path / "out").exists()


def test_an_alias_in_a_phrases_file_is_refused(tmp_path):
    folder = seeds_copy(tmp_path)
    files = sorted((folder / "phrases").glob("*.yaml")) if (folder / "phrases").is_dir() else []
    if not files:
        pytest.skip("these seeds have no phrases/")
    append(folder / "phrases", files[0].name, bomb())
    result, elapsed = timed(["check", "--no-cases", "--seeds", folder])
    refused(result, elapsed, f"phrases/{files[0].name}", "may not use anchors or aliases")


def test_a_seeds_file_over_1_mib_is_refused_without_being_read(tmp_path):
    folder = seeds_copy(tmp_path)
    path = folder / "interview.yaml"
    with open(path, "a", encoding="utf-8") as f:
        line = "# " + "x" * 97 + "\n"
        for _ in range(1_000_000):  # 100 MB of comments: valid YAML
            f.write(line)
    assert path.stat().st_size > 100_000_000
    proc = subprocess.Popen([binary(), "check", "--no-cases", "--seeds", str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env())
    started = time.monotonic()
    out, err = proc.communicate(timeout=60)
    elapsed = time.monotonic() - started
    result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    refused(result, elapsed, "interview.yaml", f"the most this program reads is {LIMIT}", seconds=3)


def test_the_memory_a_huge_seeds_file_costs(tmp_path):
    folder = seeds_copy(tmp_path)
    path = folder / "triage.yaml"
    with open(path, "a", encoding="utf-8") as f:
        f.write("# " + "x" * (50 << 20) + "\n")
    code, kilobytes, err = peak_memory([binary(), "check", "--no-cases", "--seeds", str(folder)], env=env())
    assert code == 6, err
    assert kilobytes < 150_000, f"{kilobytes} KB to refuse a 50 MB file"


def test_a_file_just_under_the_limit_is_read(tmp_path):
    folder = seeds_copy(tmp_path)
    path = folder / "letter.yaml"
    size = path.stat().st_size
    append(folder, "letter.yaml", "# " + "x" * (LIMIT - size - 10))
    assert path.stat().st_size <= LIMIT
    result = run(["check", "--no-cases", "--seeds", folder])
    assert result.returncode == 0, result.stderr


def test_a_case_file_with_an_alias_is_refused_by_name(tmp_path):
    folder = seeds_copy(tmp_path)
    case = sorted((folder / "cases").glob("*.yaml"))[0]
    append(folder / "cases", case.name, "note: &n x\nagain: *n")
    result, elapsed = timed(["cases", "--quiet", "--seeds", folder])
    refused(result, elapsed, f"cases/{case.name}", "an anchor (&n)", seconds=30)
    checked = run(["check", "--seeds", folder], timeout=120)
    assert checked.returncode == 1
    assert f"cases/{case.name}".encode() in checked.stdout and b"an anchor" in checked.stdout
