"""The accessible mode (--accessible, or SECOND_OPINION_ACCESSIBLE=1 at the
kiosk) on a real pseudo-terminal of 80 columns, judged by every byte the
program writes: no escape sequence (not one ESC byte), no box drawing, no
carriage return that is not the end of a line, no backspace or bell; each
choice a line of its own that starts with its number; each error a line that
starts with "Error:"; an alert plain lines that start with "Alert:"; the
questions in the order asked. And the kiosk's --speak: espeak-ng (a fake one
on PATH here, logging what it is given) says the questions, and never what
the person typed; without espeak-ng one warning, and the interview goes on.
"""
import io
import os
import pathlib
import re
import signal
import stat

import pexpect
import pytest

from _pty_helpers import (
    QUESTION_RE,
    REVIEW_RE,
    SORRY,
    crlf,
    exit_code,
    flat,
    pick_answer,
    pty_env,
    records,
    spawn,
)

pytestmark = pytest.mark.usefixtures("binary")

WIDTH, HEIGHT = 80, 25
WELCOME_PROMPT = "Press Enter to start.\r\n> "
RECEPTIONIST = ["--mode", "receptionist", "--operator", "A Jones"]
NAME = "Zorbulon Quixley"


def start(args, env=None):
    """The binary on an 80x25 terminal, with every byte it writes kept."""
    child = spawn(args, env=env or pty_env(), width=WIDTH, height=HEIGHT)
    child.logfile_read = io.StringIO()
    return child


def written(child):
    return child.logfile_read.getvalue()


def answer_all(child, first_answers=(), choose=None):
    """Answers the questions (the first ones from `first_answers`, as typed,
    whatever they are: a rejected one is asked again) until the review;
    returns each question's body as shown, in order."""
    bodies = []
    queue = list(first_answers)
    for _ in range(300):
        index = child.expect([QUESTION_RE, REVIEW_RE, re.escape("Error: " + SORRY) + r"[^\r\n]*\r\n> "])
        if index == 1:
            return bodies
        if index == 2:
            # Rejected: the same question, asked again at the prompt.
            child.send((queue.pop(0) if queue else "") + "\r")
            continue
        body, hint = crlf(child.match.group("body")), flat(child.match.group("hint"))
        bodies.append(body)
        answer = queue.pop(0) if queue else (choose(body, hint) if choose else None)
        child.send((pick_answer(body, hint) if answer is None else answer) + "\r")
    raise AssertionError("no review after 300 questions")


def assert_plain_bytes(text):
    """No escape sequence, box drawing, redraw (a carriage return not ending a
    line, a backspace) or bell anywhere in what was written."""
    assert "\x1b" not in text, "an ESC byte was written: %r" % text[max(0, text.index("\x1b") - 60) :][:120]
    boxes = [c for c in text if 0x2500 <= ord(c) <= 0x257F]
    assert not boxes, "box drawing was written: %r" % boxes[:5]
    assert re.search(r"\r(?!\n)", text) is None, "a carriage return that rewrites a line: %r" % text
    assert "\b" not in text and "\x07" not in text and "\x7f" not in text


def assert_choices_numbered(bodies):
    """Every line after a question's text is a choice that starts with its number, in order."""
    for body in bodies:
        lines = body.split("\n")
        for number, line in enumerate(lines[1:], start=1):
            assert line.startswith("%d. " % number), "a choice line does not start with its number: %r" % line
    assert any(len(body.split("\n")) > 5 for body in bodies), "no question with choices was asked"


def assert_errors_prefixed(text, count):
    lines = crlf(text).split("\n")
    errors = [line for line in lines if SORRY in line or "Error:" in line]
    assert len(errors) >= count, "expected %d errors: %r" % (count, errors)
    for line in errors:
        assert line.startswith("Error: " + SORRY), "an error line without its prefix: %r" % line


def assert_in_order(text, bodies):
    """Each question (its text and choices) appears, whole and in the order asked."""
    plain = crlf(text)
    at = 0
    for body in bodies:
        found = plain.find(body, at)
        assert found >= 0, "question not found in order: %r" % body
        at = found + len(body)


def assert_alert(text):
    lines = crlf(text).split("\n")
    alert = [line for line in lines if line.startswith("Alert: ")]
    assert len(alert) >= 2 and any("999" in line for line in alert), "no plain alert: %r" % lines[-30:]
    assert "!!" not in text
    # The alert's lines come together, each announced as the alert.
    first = lines.index(alert[0])
    assert lines[first : first + len(alert)] == alert


def test_desk_interview_reads_in_order_with_no_escape_sequences(outdir):
    child = start(["interview", "--accessible", "--out", outdir, *RECEPTIONIST])
    bodies = answer_all(child, first_answers=["xyz", "none"], choose=lambda b, h: NAME if "name" in b else None)
    # A change at the review: the old answer is put on the line (plain text too), Enter keeps it.
    child.send("2\r")
    child.expect(r"Enter to keep it\.\r\n> \S")
    child.send("\r")
    child.expect(r"submit[^\r\n]*\r\n> ")
    child.send("submit\r")
    assert exit_code(child) == 0
    text = written(child)
    assert_plain_bytes(text)
    assert_choices_numbered(bodies)
    assert_errors_prefixed(text, 1)
    assert_in_order(text, bodies)
    # Not paged on the 25-row screen: the whole summary, once.
    assert "Page 1 of" not in text
    [record] = records(outdir)
    assert record["mode"] == "receptionist" and record["status"] == "complete"


def test_desk_red_flag_alert_is_plain_lines(outdir):
    child = start(["interview", "--accessible", "--out", outdir, *RECEPTIONIST])
    child.expect(QUESTION_RE)
    child.send("xyz\r")
    child.expect(re.escape("Error: " + SORRY) + r"[^\r\n]*\r\n> ")
    child.send("1\r")
    # The follow-up questions while help is called, each skipped.
    for _ in range(10):
        if child.expect([r"\r\n> ", pexpect.EOF]) == 1:
            break
        child.send("\r")
    child.close()
    assert child.exitstatus == 3
    text = written(child)
    assert_plain_bytes(text)
    assert_alert(text)


@pytest.fixture
def kiosk_env(tmp_path):
    """The kiosk's environment: no fixed clock, and the accessible setting."""
    return pty_env(SECOND_OPINION_NOW="", SECOND_OPINION_ACCESSIBLE="1")


def kiosk(outdir, env, *extra, languages="en"):
    child = start(
        ["kiosk", "--languages", languages, "--out", outdir, "--idle-timeout", "60", "--idle-warning", "5", *extra],
        env=env,
    )
    # (A warning on stderr may come between the welcome and its prompt.)
    if languages == "en":
        child.expect_exact("Press Enter to start.\r\n")
    child.expect_exact("> ")
    return child


def test_kiosk_interview_then_an_alert_read_in_order_with_no_escape_sequences(outdir, kiosk_env):
    child = kiosk(outdir, kiosk_env)
    child.send("\r")
    bodies = answer_all(child, first_answers=["xyz", "none"], choose=lambda b, h: NAME if "name" in b else None)
    child.send("submit\r")
    child.expect_exact("[Press Enter to finish] ")
    child.send("\r")
    # The next patient (the kiosk started afresh): a red flag.
    child.expect_exact(WELCOME_PROMPT)
    child.send("\r")
    child.expect(QUESTION_RE)
    child.send("1\r")
    child.expect_exact("[Press Enter when a member of staff is with you] ")
    child.kill(signal.SIGTERM)
    assert exit_code(child) == 0
    text = written(child)
    assert_plain_bytes(text)
    assert_choices_numbered(bodies)
    assert_errors_prefixed(text, 1)
    assert_in_order(text, bodies)
    assert_alert(text)
    assert len(records(outdir)) == 2


def fake_espeak(folder):
    """A fake espeak-ng that logs its arguments and what it is given to say."""
    folder.mkdir()
    log = folder / "spoken.log"
    program = folder / "espeak-ng"
    program.write_text(
        "#!/bin/sh\n"
        "trap '' TERM\n"
        'text=$(cat)\n'
        'printf "ARGS %%s\\n%%s\\n--END--\\n" "$*" "$text" >> "%s"\n' % log
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return log


def test_kiosk_speaks_the_questions_and_never_what_is_typed(outdir, kiosk_env, tmp_path):
    voice = "en-gb"
    log = fake_espeak(tmp_path / "bin")
    env = dict(kiosk_env, PATH="%s:%s" % (tmp_path / "bin", kiosk_env["PATH"]))
    child = kiosk(outdir, env, "--speak")
    child.send("\r")
    child.expect(QUESTION_RE)
    child.send("xyzzy\r")
    child.expect(re.escape("Error: " + SORRY) + r"[^\r\n]*\r\n> ")
    child.send("none\r")
    child.expect(QUESTION_RE)  # the name
    child.send(NAME + "\r")
    child.expect(QUESTION_RE)  # the date of birth
    child.send("Plumtree Wobble\r")
    child.expect(re.escape("Error: " + SORRY) + r"[^\r\n]*\r\n> ")
    child.kill(signal.SIGTERM)
    assert exit_code(child) == 0
    spoken = log.read_text()
    assert "ARGS -v %s --stdin" % voice in spoken
    assert "First, for your safety: is any of these happening to you right now?" in spoken
    assert "1. Chest pain or pressure" in spoken
    assert "What is your full name?" in spoken
    assert SORRY in spoken
    for typed in ("Zorbulon", "Quixley", "xyzzy", "Plumtree", "Wobble"):
        assert typed not in spoken, "%r was spoken:\n%s" % (typed, spoken)


def test_the_kiosk_speaks_in_the_language_the_patient_chose(outdir, kiosk_env, tmp_path):
    log = fake_espeak(tmp_path / "bin")
    env = dict(kiosk_env, PATH="%s:%s" % (tmp_path / "bin", kiosk_env["PATH"]))
    child = kiosk(outdir, env, "--speak", languages="cy,en")
    child.send("1\r")  # Cymraeg
    child.expect(r"\(cwestiwn 1\)[^>]*> ")
    child.send("Zorbulon\r")
    child.expect(r"Gwall: [^\r\n]*\r\n> ")
    child.kill(signal.SIGTERM)
    assert exit_code(child) == 0
    spoken = log.read_text()
    # The welcome in the first language offered's voice, then Welsh throughout.
    assert "ARGS -v cy --stdin" in spoken
    assert "ARGS -v en-gb" not in spoken
    assert "Yn gyntaf, er eich diogelwch" in spoken
    assert "Zorbulon" not in spoken


def test_kiosk_without_espeak_warns_once_and_goes_on(outdir, kiosk_env, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    env = dict(kiosk_env, PATH=str(empty))
    child = kiosk(outdir, env, "--speak")
    child.send("\r")
    child.expect(QUESTION_RE)
    child.send("none\r")
    child.expect(QUESTION_RE)
    assert "What is your full name?" in child.match.group("body")
    child.kill(signal.SIGTERM)
    assert exit_code(child) == 0
    text = written(child)
    assert text.count("espeak-ng could not be started") == 1, text


def test_end_of_input_is_never_a_default_answer(outdir):
    """charmbracelet/huh's accessible prompts return the default at the end of
    input; here Ctrl-D on an empty line ends a patient's interview with exit 4,
    naming the question, and nothing is written, as in the ordinary mode."""
    child = start(["interview", "--accessible", "--out", outdir])
    child.expect(QUESTION_RE)
    child.send("none\r")
    child.expect(QUESTION_RE)
    child.sendeof()
    assert exit_code(child) == 4
    text = written(child)
    assert "full_name" in text and "No record was written" in text
    assert_plain_bytes(text)
    assert records(outdir) == []
