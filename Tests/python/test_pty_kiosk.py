"""`second-opinion kiosk` on a real terminal, seen through tmux (screen and
scrollback): the welcome screen, a full interview, the idle reset, Ctrl-C,
the emergency screen, ignored keys, SIGTERM and the staff code. After every
patient nothing of them may be left on the screen, in the scrollback, or in
readline's history."""
import os
import re
import signal
import time

import pytest

from _pty_helpers import Tmux, files_in, pty_env, records

# Fails clearly (run `swift build`) when the binary is missing.
pytestmark = pytest.mark.usefixtures("binary")

WELCOME = "Welcome. This screen helps you ask for a second opinion"
INTRO = "Second opinion: a few questions about your care"
COUNTDOWN = "[Are you still there? Press any key, or this starts again in %ds] "
SHORT_IDLE = ["--idle-timeout", "2", "--idle-warning", "2"]
# For tests about something else: long enough that a slow machine never sees the countdown.
LONG_IDLE = ["--idle-timeout", "60", "--idle-warning", "5"]


@pytest.fixture
def kiosk(outdir):
    """Starts the kiosk in a fresh tmux; returns (tmux, welcome) where welcome is
    everything on the terminal when the welcome screen first shows."""
    screens = []

    def start(idle=LONG_IDLE, env=None, job_control=False):
        tmux = Tmux()
        screens.append(tmux)
        # The kiosk refuses a fixed clock (every patient would get the same record id).
        env = dict(env or pty_env(), SECOND_OPINION_NOW="")
        tmux.start(["kiosk", "--languages", "en", "--out", outdir, *idle], env=env, job_control=job_control)
        tmux.wait_for(lambda s: WELCOME in s and s.endswith("Press Enter to start.\n>"), what="the welcome screen")
        return tmux, tmux.everything()

    yield start
    for tmux in screens:
        tmux.close()


def flat(text):
    """Text without the alert's `!!` frame, whitespace collapsed."""
    return re.sub(r"[!\s]+", " ", text)


def begin(tmux):
    """Presses Enter at the welcome screen; waits for the first question."""
    tmux.keys("Enter")
    tmux.wait_for(INTRO)
    return tmux.question()


def answer(tmux, text, after):
    """Types an answer; waits for the question after `after`."""
    tmux.type(text)
    tmux.keys("Enter")
    return tmux.question(after=after)


def assert_wiped(tmux, welcome, secrets):
    """The welcome screen is back and the terminal holds nothing else, in the
    screen or the scrollback; the Up arrow recalls nothing, at the welcome
    prompt or at the first question."""
    tmux.wait_for(lambda s: s.endswith("Press Enter to start.\n>"), what="the welcome screen again")
    everything = tmux.everything()
    for secret in secrets:
        assert secret not in everything, "%r is still on the terminal after the reset:\n%s" % (secret, everything)
    assert everything == welcome, "the terminal holds more than the welcome screen:\n" + everything
    # Up, then a marker: if Up recalled anything it would be before the marker.
    tmux.keys("Up")
    tmux.type("x")
    tmux.wait_last_line("> x")
    tmux.keys("BSpace")
    tmux.wait_last_line(">")
    begin(tmux)
    tmux.keys("Up", "Up")
    tmux.type("y")
    tmux.wait_last_line("> y")
    tmux.keys("BSpace")
    tmux.wait_last_line(">")


def test_full_interview_writes_a_record_then_leaves_nothing_behind(kiosk, outdir):
    tmux, welcome = kiosk()
    assert welcome.endswith("Press Enter to start.\n>") and "[Section " not in welcome
    pid = tmux.pid()
    begin(tmux)
    tmux.answer_until_review(choose=lambda body, hint: "Robin Ashworth" if "full name" in body else None)
    tmux.type("submit")
    tmux.keys("Enter")
    tmux.wait_for("Thank you. Please let the reception desk know you have finished.")
    tmux.wait_last_line("[Press Enter to finish]")

    [record] = records(outdir)
    assert record["status"] == "complete" and record["channel"] == "kiosk" and record["mode"] == "patient"
    assert any(a["questionId"] == "full_name" and a["typed"] == "Robin Ashworth" for a in record["answers"])
    # The patient is given a short reference (the end of the record id,
    # grouped for reading aloud) and what happens next; never a path.
    finished = tmux.screen()
    m = re.search(r"Your reference is (\w{4}) (\w{4})\.", finished)
    assert m, finished
    assert record["id"].endswith(m.group(1) + m.group(2))
    assert "What happens next:" in finished
    assert str(outdir) not in finished

    tmux.keys("Enter")
    assert_wiped(tmux, welcome, ["Robin Ashworth", "SW1A 1AA", "Thank you", "[Section ", m.group(0)])
    # The same process (it replaced itself), still running, and no second record.
    assert tmux.pid() == pid and tmux.alive()
    assert len(records(outdir)) == 1
    os.kill(pid, signal.SIGTERM)
    assert tmux.wait_exit() == 0


def test_idle_warning_counts_down_in_the_prompt_then_discards_the_answers(kiosk, outdir):
    tmux, welcome = kiosk(idle=SHORT_IDLE)
    begin(tmux)
    answer(tmux, "none", after=1)
    tmux.type("Robin")  # typed, not sent: walked away

    tmux.wait_last_line(COUNTDOWN % 2 + "> Robin", timeout=5)
    tmux.wait_last_line(COUNTDOWN % 1 + "> Robin", timeout=3)
    # A key stops the countdown and keeps the line.
    tmux.type("s")
    tmux.wait_last_line("> Robins")

    tmux.wait_last_line(COUNTDOWN % 2 + "> Robins", timeout=5)
    tmux.wait_for(lambda s: s.endswith("Press Enter to start.\n>"), timeout=5, what="the welcome screen")
    assert files_in(outdir) == [], "an abandoned interview must leave no file"
    # The welcome screen waits for ever: no countdown there.
    time.sleep(4.5)
    assert "Are you still there" not in tmux.screen()
    assert_wiped(tmux, welcome, ["Robin", "none", "[Section ", "Are you still there"])
    assert files_in(outdir) == []


def test_ctrl_c_asks_to_start_again_no_carries_on_yes_discards(kiosk, outdir):
    tmux, welcome = kiosk()
    begin(tmux)
    answer(tmux, "none", after=1)
    number, body, _ = answer(tmux, "Robin Ashworth", after=2)
    assert number == 3 and "date of birth" in body

    tmux.keys("C-c")
    tmux.wait_for("Do you want to start again? Your answers so far will be deleted. (yes or no)\n>")
    tmux.type("maybe")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: s.endswith("Please type yes to start again, or no to carry on with your answers.\n>"))
    tmux.type("no")
    tmux.keys("Enter")
    # The same question again, with the earlier answers kept: back goes to question 2.
    number, body, _ = tmux.question(after=2)
    assert number == 3 and "date of birth" in body
    tmux.type("back")
    tmux.keys("Enter")
    _, body, _ = tmux.question(number=2)
    assert "full name" in body
    answer(tmux, "Robin Ashworth", after=2)

    tmux.keys("C-c")
    tmux.wait_for(lambda s: s.endswith("(yes or no)\n>"), what="the start-again question")
    tmux.type("yes")
    tmux.keys("Enter")
    assert_wiped(tmux, welcome, ["Robin Ashworth", "[Section ", "start again"])
    assert files_in(outdir) == []


def test_emergency_shows_the_alert_until_staff_come_and_keeps_a_record(kiosk, outdir):
    tmux, welcome = kiosk(idle=SHORT_IDLE)
    begin(tmux)
    tmux.type("1")
    tmux.keys("Enter")
    tmux.wait_last_line("[Press Enter when a member of staff is with you]")
    shown = flat(tmux.everything())
    assert "EMERGENCY: GET HELP NOW" in shown
    assert "Tell the reception desk now" in shown, shown

    [record] = records(outdir)
    assert record["status"] == "emergency" and record["channel"] == "kiosk"
    assert record["emergency"], record.get("emergency")

    # The alert does not time out, and Ctrl-C and Ctrl-D do not clear it.
    time.sleep(4.5)
    tmux.keys("C-c", "C-d")
    time.sleep(0.3)
    screen = tmux.screen()
    assert "Tell the reception desk now" in flat(screen) and "Are you still there" not in screen, screen
    tmux.wait_last_line("[Press Enter when a member of staff is with you]")

    tmux.keys("Enter")
    assert_wiped(tmux, welcome, ["EMERGENCY", "reception desk now", "Chest pain", "[Section "])
    assert len(records(outdir)) == 1


def process_state(pid):
    with open("/proc/%d/stat" % pid) as f:
        return f.read().rsplit(")", 1)[1].split()[0]


def test_ctrl_z_ctrl_backslash_and_ctrl_d_do_nothing(kiosk, outdir):
    # Started from a shell with job control, where Ctrl-Z would stop a program.
    tmux, welcome = kiosk(job_control=True)
    pid = tmux.job_pid()
    for where in ("welcome", "question"):
        tmux.keys("C-z", "C-\\", "C-d", "C-d")
        time.sleep(0.5)
        # If the kiosk had stopped or ended, the shell would have gone on and ended.
        assert tmux.alive() and "[exit" not in tmux.screen(), "the kiosk ended at the %s screen:\n%s" % (
            where,
            tmux.screen(),
        )
        assert process_state(pid) not in ("T", "t"), "the kiosk was stopped (Ctrl-Z)"
        if where == "welcome":
            tmux.wait_last_line(">")
            assert tmux.everything() == welcome
            begin(tmux)
    tmux.wait_last_line(">")
    # Still at the first question, and it still takes an answer.
    number, body, _ = answer(tmux, "none", after=1)
    assert number == 2 and "full name" in body
    assert "Stopped" not in tmux.everything() and "Quit" not in tmux.everything()
    os.kill(pid, signal.SIGTERM)
    assert tmux.wait_exit() == 0  # the shell exits with the kiosk's status


@pytest.mark.parametrize("where", ["welcome", "question", "start-again", "review"])
def test_sigterm_stops_the_kiosk_with_exit_0_and_writes_nothing(where, kiosk, outdir):
    tmux, _ = kiosk()
    if where != "welcome":
        begin(tmux)
        answer(tmux, "none", after=1)
        tmux.type("Robin Ashworth")
        if where == "start-again":
            tmux.keys("C-c")
            tmux.wait_for("Do you want to start again?")
        if where == "review":
            tmux.keys("Enter")
            tmux.answer_until_review(first_after=2)
    os.kill(tmux.pid(), signal.SIGTERM)
    assert tmux.wait_exit() == 0
    assert files_in(outdir) == [], "SIGTERM must not write anything"
    left = tmux.everything()
    assert "Robin" not in left and "[Section " not in left, left


def test_staff_code_at_the_welcome_screen_stops_the_kiosk(kiosk, outdir):
    tmux, _ = kiosk(env=pty_env(SECOND_OPINION_STAFF_CODE="7391-close"))
    # A wrong code just starts an interview.
    tmux.type("7391")
    tmux.keys("Enter")
    tmux.wait_for(INTRO)
    tmux.question()
    tmux.type("restart")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: s.endswith("Press Enter to start.\n>"), what="the welcome screen")
    assert tmux.alive()
    tmux.type("7391-close")
    tmux.keys("Enter")
    assert tmux.wait_exit() == 0
    assert "7391" not in tmux.everything(), "the staff code was left on the screen"
    assert files_in(outdir) == []


@pytest.mark.parametrize("code", [None, ""], ids=["unset", "empty"])
def test_without_a_staff_code_nothing_typed_stops_the_kiosk(code, kiosk, outdir):
    env = pty_env() if code is None else pty_env(SECOND_OPINION_STAFF_CODE=code)
    tmux, _ = kiosk(env=env)
    for word in ["", "stop", "exit", "quit", "staff", "admin", "0000", "1234"]:
        if word:
            tmux.type(word)
        tmux.keys("Enter")
        tmux.wait_for(INTRO)
        tmux.question()
        assert tmux.alive(), "%r stopped the kiosk" % word
        tmux.type("restart")
        tmux.keys("Enter")
        tmux.wait_for(lambda s: s.endswith("Press Enter to start.\n>"), what="the welcome screen")
    assert tmux.alive()
    os.kill(tmux.pid(), signal.SIGTERM)
    assert tmux.wait_exit() == 0
