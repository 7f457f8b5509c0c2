"""The reception desk: a receptionist interview stopped by Ctrl-C or a hang-up
is saved as an owner-only draft (exit 8), listed by `drafts`, and `resume`
continues it at the same question and writes the record under the draft's id."""
import json
import os
import signal
import stat

import pytest

from _pty_helpers import (
    REVIEW_RE,
    answer_until_review,
    exit_code,
    expect_question,
    hang_up,
    records,
    reap_children,
    run_cli,
    spawn,
)

# Fails clearly (run `swift build`) when the binary is missing.
pytestmark = pytest.mark.usefixtures("binary", "reap_children")

RECEPTIONIST = ["interview", "--mode", "receptionist", "--operator", "A Jones"]

# Answered before the call drops, in order; the call drops at the NHS number.
EARLIER = [
    ("for safety", "none"),
    ("Who is calling", "self"),
    ("full name", "Robin Ashworth"),
    ("date of birth", "3 March 1961"),
    ("sex", "male"),
]
WAITING = "NHS number"


def stop(child, how):
    """Stops the interview the way a receptionist's call can end; the exit code."""
    if how == "ctrl-c":
        child.sendcontrol("c")
        return exit_code(child)
    if how == "sighup":
        os.kill(child.pid, signal.SIGHUP)
        return exit_code(child)
    if how == "pty-closed":
        return hang_up(child)
    raise ValueError(how)


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize(
    "how,reason", [("ctrl-c", "interrupted"), ("sighup", "hang-up"), ("pty-closed", "hang-up")]
)
def test_dropped_call_is_saved_listed_and_resumed_at_the_same_question(how, reason, outdir):
    child = spawn([*RECEPTIONIST, "--out", outdir])
    for expected, answer in EARLIER:
        _, body, _ = expect_question(child)
        assert expected in body, (expected, body)
        child.send(answer + "\r")
    _, body, _ = expect_question(child)
    assert WAITING in body
    child.send("943 4")  # half typed: not part of the draft
    child.expect("943 4")

    assert stop(child, how) == 8

    # Owner-only: the folder 0700, the draft 0600; nothing else written.
    drafts = outdir / "drafts"
    names = sorted(os.listdir(drafts))
    assert len(names) == 1 and names[0].endswith(".draft.json"), names
    path = drafts / names[0]
    assert mode_of(drafts) == 0o700
    assert mode_of(path) == 0o600
    assert records(outdir) == []
    draft = json.loads(path.read_text())
    draft_id = draft["id"]
    assert names[0] == draft_id + ".draft.json"
    assert draft["reason"] == reason
    assert draft["waitingAt"] == "nhs_number"
    assert draft["operator"] == "A Jones"
    assert [a["typed"] for a in draft["answers"]] == [a for _, a in EARLIER]

    # `drafts` lists it.
    listed = run_cli(["drafts", "--out", outdir])
    assert listed.returncode == 0, listed.stderr
    assert draft_id in listed.stdout and "A Jones" in listed.stdout and reason in listed.stdout

    # `resume` continues at the same question; nothing earlier is asked again.
    child = spawn(["resume", draft_id, "--out", outdir])
    child.expect("Resuming draft " + draft_id)
    child.expect("Continuing at: NHS number")
    asked = answer_until_review(child)
    assert WAITING in asked[0], asked[0]
    for expected, _ in EARLIER:
        assert not any(expected in body for body in asked), "%r was asked again after resume" % expected
    child.send("submit\r")
    # The reference (the end of the id, grouped), never a path; and the outbox state.
    child.expect(r"The reference is (\w{4}) (\w{4})\.")
    reference = child.match.group(1) + child.match.group(2)
    assert draft_id.endswith(reference)
    child.expect(r"Delivery to the practice's clinical system: pending")
    assert exit_code(child) == 0

    [record] = records(outdir)
    assert record["id"] == draft_id
    assert record["status"] == "complete" and record["mode"] == "receptionist"
    assert record["completedBy"]["name"] == "A Jones"
    answers = {a["questionId"]: a for a in record["answers"]}
    assert answers["full_name"]["typed"] == "Robin Ashworth"
    assert answers["date_of_birth"]["value"] == "1961-03-03"
    assert answers["nhs_number"]["value"] == "9434765919"
    assert not path.exists(), "the draft should be removed once the record is written"
    listed = run_cli(["drafts", "--out", outdir])
    assert listed.returncode == 0 and "No drafts" in listed.stdout, listed.stdout


def test_a_resumed_call_dropped_again_keeps_one_draft(outdir):
    child = spawn([*RECEPTIONIST, "--out", outdir])
    expect_question(child)
    child.send("none\r")
    expect_question(child)
    child.sendcontrol("c")
    # The message says how to go on, with the --out folder used.
    child.expect(r"Resume with: second-opinion resume (SO-\S+) --out (\S+)")
    said_id, said_out = child.match.group(1), child.match.group(2)
    assert exit_code(child) == 8
    [name] = os.listdir(outdir / "drafts")
    draft_id = name.split(".")[0]
    assert said_id == draft_id and said_out == str(outdir)

    child = spawn(["resume", draft_id, "--out", outdir])
    _, body, _ = expect_question(child)
    assert "Who is calling" in body
    child.send("self\r")
    _, body, _ = expect_question(child)
    assert "full name" in body
    os.kill(child.pid, signal.SIGHUP)
    assert exit_code(child) == 8
    assert os.listdir(outdir / "drafts") == [name]
    draft = json.loads((outdir / "drafts" / name).read_text())
    assert draft["waitingAt"] == "full_name" and draft["reason"] == "hang-up"
    assert [a["typed"] for a in draft["answers"]] == ["none", "self"]


def test_draft_saved_at_the_review_resumes_at_the_review(outdir):
    child = spawn([*RECEPTIONIST, "--out", outdir])
    answer_until_review(child)
    child.sendcontrol("c")
    assert exit_code(child) == 8
    [name] = os.listdir(outdir / "drafts")
    draft = json.loads((outdir / "drafts" / name).read_text())
    assert draft.get("waitingAt") is None

    child = spawn(["resume", draft["id"], "--out", outdir])
    child.expect("Continuing at the review")
    child.expect(REVIEW_RE)
    child.send("submit\r")
    assert exit_code(child) == 0
    [record] = records(outdir)
    assert record["id"] == draft["id"]
    assert os.listdir(outdir / "drafts") == []
