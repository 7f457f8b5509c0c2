"""Shared fixtures for the Python end-to-end tests.

The binary is the debug build made by Scripts/test (`swift build`). Every test
gets a fresh output folder; nothing is read from outside the repository.
"""
import os
import pathlib
import re
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = REPO / ".build" / "debug" / "second-opinion"
SEEDS = REPO / "seeds"
FIXED_NOW = "2026-11-25T10:00:00Z"


def base_env(**extra):
    """The environment tests run the binary in: UTF-8, fixed clock, seeds of this checkout."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "SECOND_OPINION_SEEDS": str(SEEDS),
        "SECOND_OPINION_NOW": FIXED_NOW,
        "SWIFT_BACKTRACE": "enable=no",
    }
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def binary():
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build` first (Scripts/test does)")
    return str(BINARY)


@pytest.fixture
def outdir(tmp_path):
    return tmp_path / "out"


def run_piped(args, lines, timeout=30, env=None):
    """Runs the binary with `lines` (list of str or bytes) piped on stdin."""
    if isinstance(lines, (bytes, bytearray)):
        data = bytes(lines)
    else:
        data = "".join(line + "\n" for line in lines).encode("utf-8")
    return subprocess.run(
        [str(BINARY), *args],
        input=data,
        capture_output=True,
        timeout=timeout,
        env=env or base_env(),
    )


def read_case_input(path):
    """Returns the `input: |` block of a case file as a list of lines."""
    lines = pathlib.Path(path).read_text(encoding="utf-8").splitlines()
    out, inside, indent = [], False, None
    for line in lines:
        if line.startswith("input: |"):
            inside = True
            continue
        if inside:
            if line and not line.startswith(" "):
                break
            if indent is None and line.strip():
                indent = len(line) - len(line.lstrip(" "))
            out.append(line[indent or 0:] if line.strip() else "")
    while out and out[-1] == "":
        out.pop()
    return out


def run_case_library(binary, folder):
    """Runs `cases --records DIR`. Cases that fail their expectations are the
    case library's business (Scripts/test runs `cases`), but every case that
    passes must have written its record and letters; exit 1 only means some
    case failed, anything else (storage, seeds) is an error here."""
    result = subprocess.run([binary, "cases", "--quiet", "--records", str(folder)],
                            capture_output=True, timeout=300, env=base_env())
    output = result.stdout.decode() + result.stderr.decode()
    assert result.returncode in (0, 1), output
    failed = set(re.findall(r"^FAIL  cases/(\S+)\.yaml", result.stdout.decode(), re.M))
    names = sorted(p.name[: -len(".json")] for p in folder.glob("*.json") if not p.name.endswith(".fhir.json"))
    cases = sorted(p.stem for p in SEEDS.glob("cases/*.yaml"))
    assert set(names) <= set(cases)
    missing = set(cases) - failed - set(names)
    assert not missing, f"passing cases wrote no record: {sorted(missing)}"
    assert names, output
    return names
