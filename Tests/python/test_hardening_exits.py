"""Honest exit codes (docs/reliability.md, "Exit codes").

A command whose output is what it is for exits 7 when that output is lost
(standard output closed or on a full disk), as `render` does; standard input
that cannot be read (a folder) is not "the input ended" (exit 66); a kiosk
with a fixed clock refuses to start (it could save only its first patient);
and a terminal under a non-UTF-8 locale still edits UTF-8 (Backspace over "é"
removes all of it).
"""
import os
import shutil
import subprocess

import pexpect
import pytest

from _hardening import EMERGENCY, FIXED_ID, binary, env, everything, find_record_file, run, seeds_copy, write_draft


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    """A record to explain, a draft to list, and a cases folder of one case (quick)."""
    work = tmp_path_factory.mktemp("exits")
    out = work / "out"
    assert run(["interview", "--out", out], lines=EMERGENCY).returncode == 3
    write_draft(out, "SO-20261125T110000Z-0000000B")
    cases = work / "cases"
    cases.mkdir()
    first = sorted((seeds_copy(work) / "cases").glob("*.yaml"))[0]
    shutil.copy(first, cases / first.name)
    return {"record": find_record_file(out), "out": out, "cases": cases}


COMMANDS = {
    "schema": lambda s: ["schema"],
    "explain": lambda s: ["explain", s["record"]],
    "tree": lambda s: ["tree", "--format", "mermaid"],
    "check": lambda s: ["check", "--no-cases"],
    "drafts": lambda s: ["drafts", "--out", s["out"]],
    "cases": lambda s: ["cases", s["cases"]],
    "render": lambda s: ["render", s["record"], "--format", "text"],
}


@pytest.mark.parametrize("where", ["closed", "full"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_lost_output_is_exit_7(setting, name, where):
    args = [str(a) for a in COMMANDS[name](setting)]
    ok = run(args)
    assert ok.returncode == 0 and ok.stdout, (name, ok.returncode, ok.stderr)
    redirect = ">&-" if where == "closed" else ">/dev/full"
    result = subprocess.run(["sh", "-c", f'exec "$0" "$@" {redirect}', binary(), *args],
                            capture_output=True, env=env(), timeout=60)
    assert result.returncode == 7, f"{name} {redirect}: exit {result.returncode}; {result.stderr!r}"
    assert b"standard output" in result.stderr


def test_an_interview_with_stdout_closed_still_saves_the_record(tmp_path):
    """Unchanged: an interview's screen text may be lost; its record is what matters."""
    out = tmp_path / "out"
    result = subprocess.run(["sh", "-c", 'exec "$0" "$@" >&-', binary(), "interview", "--out", str(out)],
                            input=b"1\n", capture_output=True, env=env(), timeout=60)
    assert result.returncode == 3, result.stderr
    assert find_record_file(out).is_file()


@pytest.mark.parametrize("command", [["interview"], ["resume", FIXED_ID]], ids=["interview", "resume"])
def test_standard_input_that_cannot_be_read_is_not_the_end_of_the_input(tmp_path, command):
    out = tmp_path / "out"
    if command[0] == "resume":
        write_draft(out, FIXED_ID)
    folder = os.open(str(tmp_path), os.O_RDONLY | os.O_DIRECTORY)
    try:
        result = subprocess.run([binary(), *command, "--out", str(out)], stdin=folder, capture_output=True,
                                env=env(), timeout=60)
    finally:
        os.close(folder)
    err = result.stderr.decode()
    assert result.returncode == 66, f"exit {result.returncode}: {err!r}"
    assert "standard input cannot be read" in err and "Is a directory" in err
    assert "the input ended" not in err
    assert not (out / FIXED_ID).exists()


def spawn(args, environment, timeout=15):
    return pexpect.spawn(binary(), [str(a) for a in args], env=environment, timeout=timeout, dimensions=(40, 100))


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_kiosk_with_a_fixed_clock_refuses_to_start(tmp_path, how):
    out = tmp_path / "out"
    args = ["kiosk", "--languages", "en", "--out", out] + (["--now", "2026-11-25T10:00:00Z"] if how == "option" else [])
    child = spawn(args, env(fixed_clock=(how == "environment")))
    try:
        index = child.expect([pexpect.EOF, "Press Enter to start"])
        shown = child.before.decode("utf-8", "replace")
    finally:
        child.close(force=True)
    assert index == 0, "the kiosk started with a fixed clock"
    assert child.exitstatus == 64, shown
    assert "fixed clock" in shown
    assert everything(out) == []


@pytest.mark.parametrize("locale", ["C", "POSIX"])
def test_backspace_over_an_accent_under_a_non_utf8_locale(tmp_path, locale):
    """The terminal sends UTF-8 whatever LANG says; readline must edit it as
    UTF-8, or Backspace over "é" leaves half of it and the name is refused."""
    out = tmp_path / "out"
    child = spawn(["interview", "--out", out], env(LC_ALL=locale, LANG=locale, LC_CTYPE=None))
    try:
        child.expect(r"\(question 1\)\]")
        child.expect("> ")
        child.send("none\r")
        child.expect(r"\(question 2\)\]")
        child.expect("> ")
        child.send("Zoé".encode("utf-8"))
        child.send(b"\x7f")  # Backspace: the é goes, both of its bytes
        child.send("e Martin\r")
        index = child.expect([r"\(question 3\)\]", "could not be read", "Sorry"])
        shown = child.before.decode("utf-8", "replace")
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert index == 0, f"the name was refused: {shown!r}"
