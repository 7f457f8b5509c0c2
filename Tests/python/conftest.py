"""Shared fixtures for the Python end-to-end tests.

The binary is the debug build made by Scripts/test (`swift build`), or the one
named by $SECOND_OPINION_BIN (a build in another scratch path). Every test
gets a fresh output folder; nothing is read from outside the repository.
"""
import functools
import os
import pathlib
import re
import subprocess
import tempfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("SECOND_OPINION_BIN") or REPO / ".build" / "debug" / "second-opinion").resolve()
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


# The case files the tests type: their lines come from `cases --script`, so
# no test keeps its own copy of a script that a new question would shift.
CASES = SEEDS / "cases"
CANCER_CASE = CASES / "010-suspected-prostate-cancer-surgery.yaml"
CHEST_PAIN_CASE = CASES / "001-red-flag-chest-pain.yaml"
NOT_SURE_CASE = CASES / "012-red-flag-not-sure.yaml"
CRISIS_CASE = CASES / "tests" / "emergency-crisis.yaml"
RELATIVE_CASE = CASES / "tests" / "receptionist-relative-not-sure.yaml"


def yaml_string(text):
    """`text` as a YAML double-quoted scalar: printable ASCII as it is, anything
    else (escape sequences, C1 and bidirectional controls) as an escape."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def with_answers(text, changes):
    """A keyed case's text with some answers changed (`None` removes one) and
    its letter and screen expectations dropped (they are the case's own)."""
    lines = text.split("\n")
    start = lines.index("answers:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    entries = {}
    for line in lines[start + 1 : end]:
        key = line.strip().split(":", 1)[0]
        if not line.strip().startswith("#"):
            entries[key] = line
    for key, value in changes.items():
        if value is None:
            entries.pop(key, None)
        else:
            entries[key] = f"  {key}: {yaml_string(value)}"
    rest = [line for line in lines[end:] if not re.match(r"^  (letterContains|screenContains):", line)]
    return "\n".join(lines[: start + 1] + list(entries.values()) + rest)


@functools.lru_cache(maxsize=None)
def _case_lines(path, changes):
    path = pathlib.Path(path)
    with tempfile.TemporaryDirectory(prefix="case-script-") as folder:
        if changes:
            changed = pathlib.Path(folder) / path.name
            changed.write_text(with_answers(path.read_text(encoding="utf-8"), dict(changes)), encoding="utf-8")
            path = changed
        result = subprocess.run([str(BINARY), "cases", "--script", str(path)], capture_output=True, timeout=60,
                                env=base_env())
    assert result.returncode == 0, f"cases --script {path.name}: {result.stderr.decode(errors='replace')}"
    lines = result.stdout.decode("utf-8").split("\n")
    assert lines[-1] == "", "the script ends with a newline"
    return tuple(lines[:-1])


def case_lines(path, **changes):
    """The lines a case file types (`second-opinion cases --script`): its
    answers as the interview asks for them, blanks for the optional questions
    it leaves out, and submit; or its exact `input:`. Keyword arguments change
    answers by question id first (`None` leaves one out), for a variant of a
    case. A fresh list each time: tests edit it."""
    return list(_case_lines(str(path), tuple(sorted(changes.items()))))


def case_operator(path):
    """The receptionist's name a case gives (`operator:`), or None."""
    match = re.search(r'^operator: "?([^"\n]+)"?$', pathlib.Path(path).read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else None


def case_arguments(path):
    """The interview arguments a case's mode needs."""
    operator = case_operator(path)
    return ["--mode", "receptionist", "--operator", operator] if operator else []


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
