"""Choosing the interview's language: `--language` for the desk and the pipe,
refused when the seeds lack it; a Welsh call dropped and resumed carries on in
Welsh; the clinician's letter stays English while the screen is Welsh."""
import json
import pathlib

import pexpect
import pytest
import yaml

from conftest import REPO, base_env, run_piped
from _pty_helpers import exit_code, reap_children, records, spawn  # noqa: F401

pytestmark = pytest.mark.usefixtures("binary")

WELSH = REPO / "seeds" / "languages" / "cy"


def welsh_question(question_id, voice="patient"):
    for path in sorted(WELSH.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entry = (data.get("questions") or {}).get(question_id)
        if entry:
            return " ".join(entry["text"][voice].split())
    raise AssertionError(f"no Welsh for {question_id}")


def test_an_unknown_language_is_refused_naming_those_there_are(outdir):
    result = run_piped(["interview", "--language", "ga", "--out", str(outdir)], ["none"])
    assert result.returncode == 64, result.stderr
    err = result.stderr.decode()
    assert "no language `ga`" in err and "en, cy" in err
    assert not outdir.exists() or not any(outdir.iterdir())


def test_the_pipe_speaks_welsh_and_the_letter_stays_english(outdir):
    result = run_piped(
        ["interview", "--language", "cy", "--out", str(outdir)],
        ["dim un", "Sam Taylor"],
    )
    out = " ".join(result.stdout.decode().split())
    assert welsh_question("red_flags") in out
    assert welsh_question("full_name") in out
    assert "is any of these happening to you right now" not in out
    assert result.returncode == 4  # the script ended early: nothing saved


def test_a_welsh_call_dropped_and_resumed_carries_on_in_welsh(outdir, reap_children):  # noqa: F811
    child = spawn(["interview", "--mode", "receptionist", "--operator", "A Jones", "--language", "cy", "--out", str(outdir)])
    child.expect("Yn gyntaf")
    child.send("dim un\r")
    child.expect(r"\?")
    child.send("1\r")
    child.expect("enw llawn y claf")
    child.sendcontrol("c")
    assert exit_code(child) == 8
    [path] = list((outdir / "drafts").iterdir())
    draft = json.loads(path.read_text())
    assert draft["language"] == "cy"
    child = spawn(["resume", draft["id"], "--out", str(outdir)])
    child.expect("Resuming draft")
    child.expect("enw llawn y claf", timeout=10)
    child.sendcontrol("c")
    assert exit_code(child) == 8
    draft = json.loads(path.read_text())
    assert draft["language"] == "cy"
