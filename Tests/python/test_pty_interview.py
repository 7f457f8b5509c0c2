"""`second-opinion interview` on a real terminal (readline): tab completion,
history, back, help, editing from the review, Ctrl-D, and re-prompts after
wrong answers, in patient and receptionist modes."""
import json
import re

import pytest

from _pty_helpers import (
    QUESTION_RE,
    SORRY,
    Tmux,
    at_review,
    classify,
    crlf,
    expect_question,
    exit_code,
    flat,
    files_in,
    pick_answer,
    records,
    reap_children,
    spawn,
)

# Fails clearly (run `swift build`) when the binary is missing.
pytestmark = pytest.mark.usefixtures("binary", "reap_children")

MODES = {
    "patient": ["interview"],
    "receptionist": ["interview", "--mode", "receptionist", "--operator", "A Jones"],
}


def interview_args(mode, out):
    return [*MODES[mode], "--out", str(out)]


@pytest.fixture
def tmux():
    screen = Tmux()
    yield screen
    screen.close()


@pytest.mark.parametrize("mode", MODES)
def test_tab_completes_a_choice_label_and_never_a_file_name(mode, tmux, outdir, tmp_path):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    for name in ("Samfile-private.txt", "Sample-notes.md", "hospital-letter.pdf"):
        (cwd / name).write_text("not for the interview\n")
    tmux.start(interview_args(mode, outdir), cwd=cwd)

    tmux.question()
    tmux.type("Non")
    tmux.keys("Tab")
    tmux.wait_last_line("> None of these")
    tmux.keys("Enter")

    number = 2
    if mode == "receptionist":
        # A single choice completes too, whatever the case typed.
        number, body, _ = tmux.question(after=1)
        assert "Who is calling" in body
        tmux.type("the p")
        tmux.keys("Tab")
        tmux.wait_last_line("> The patient themselves")
        tmux.keys("Enter")
        number += 1

    # A free-text question: Tab offers no file from the working folder.
    _, body, _ = tmux.question(after=number - 1)
    assert "full name" in body
    tmux.type("Sam")
    tmux.keys("Tab", "Tab")
    tmux.type("h")
    tmux.wait_last_line("> Samh")
    tmux.keys("C-a", "C-k", "Tab", "Tab", "h")
    tmux.wait_last_line("> h")
    shown = tmux.everything()
    for name in ("Samfile", "Sample-notes", "hospital-letter"):
        assert name not in shown, "Tab offered a file name from the working folder:\n" + shown
    # Tab Tab on an empty line lists what completion offers there: only words.
    assert re.search(r"^back\s+help$", shown, re.M), "Tab Tab should list back and help:\n" + shown


@pytest.mark.parametrize("mode", MODES)
def test_up_arrow_recalls_earlier_answers_of_this_session(mode, tmux, outdir):
    tmux.start(interview_args(mode, outdir))
    tmux.question()
    tmux.type("none")
    tmux.keys("Enter")
    after = 1
    if mode == "receptionist":
        tmux.question(after=1)
        tmux.type("self")
        tmux.keys("Enter")
        after = 2
    tmux.question(after=after)
    tmux.type("Robin Ashworth")
    tmux.keys("Enter")
    _, body, _ = tmux.question(after=after + 1)
    assert "date of birth" in body

    tmux.keys("Up")
    tmux.wait_last_line("> Robin Ashworth")
    tmux.keys("Up")
    tmux.wait_last_line("> self" if mode == "receptionist" else "> none")
    tmux.keys("Down")
    tmux.wait_last_line("> Robin Ashworth")
    # Replace the recalled text and go on: the date is accepted.
    tmux.keys("C-a", "C-k")
    tmux.wait_last_line(">")
    tmux.type("25/11/1970")
    tmux.keys("Enter")
    _, body, _ = tmux.question(after=after + 2)
    assert "sex" in body  # the question after the date of birth


@pytest.mark.parametrize("mode", MODES)
def test_help_question_mark_and_back(mode, outdir):
    child = spawn(interview_args(mode, outdir))
    number, body, hint = expect_question(child)
    assert number == 1 and "? for help" in hint and "back to go back" in hint

    child.send("?\r")
    child.expect("We ask this first" if mode == "patient" else "These are red flags")
    child.expect("> ")
    child.send("back\r")
    child.expect("This is the first question, so there is nothing to go back to")
    child.send("none\r")
    number, body, _ = expect_question(child)
    assert number == 2
    child.send("help\r")
    child.expect(
        "Your first name and surname" if mode == "patient" else "A relative, carer or friend may call"
    )
    child.expect("> ")
    child.send("back\r")
    number, body, _ = expect_question(child)
    assert number == 1 and "safety" in body
    child.send("none\r")
    number, body, _ = expect_question(child)
    assert number == 2
    child.sendcontrol("c")
    assert exit_code(child) == (130 if mode == "patient" else 8)


def review_number(screen, label):
    """The number of an answer in the review on screen, by its label."""
    review = screen.split("check your answers")[-1].split("Read this summary back to the caller")[-1]
    found = list(re.finditer(r"^\s*(\d+)\. %s: (.*)$" % re.escape(label), review, re.M))
    assert found, "no %r in the review:\n%s" % (label, review)
    # The last shown: after a change only the changed answer is shown again.
    return found[-1].group(1), found[-1].group(2)


@pytest.mark.parametrize("mode", MODES)
def test_review_edits_with_the_old_answer_on_the_line(mode, tmux, outdir):
    tmux.start(interview_args(mode, outdir))
    tmux.answer_until_review()

    # Ctrl-A, Ctrl-K, new text.
    number, shown = review_number(tmux.everything(), "Name")
    assert shown == "Sam Taylor"
    tmux.type(number)
    tmux.keys("Enter")
    tmux.wait_for("Change it, or press Enter" if mode == "patient" else "Edit it, or press Enter")
    tmux.wait_last_line("> Sam Taylor")
    tmux.keys("C-a", "C-k")
    tmux.wait_last_line(">")
    tmux.type("Alex Morgan")
    tmux.keys("Enter")
    tmux.wait_for(
        lambda s: at_review(s) and "Name: Alex Morgan" in s,
        what="the review shown again after a change, with the new name (not submitted straight away)",
    )
    number, shown = review_number(tmux.everything(), "Name")
    assert shown == "Alex Morgan"

    # Backspaces, new text.
    number, shown = review_number(tmux.everything(), "Postcode")
    assert shown == "SW1A 1AA"
    tmux.type(number)
    tmux.keys("Enter")
    tmux.wait_last_line("> SW1A 1AA")
    tmux.keys(*["BSpace"] * len("SW1A 1AA"))
    tmux.wait_last_line(">")
    tmux.type("ls1 4ap")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: at_review(s) and "Postcode: LS1 4AP" in s, what="the review with the new postcode")

    # Enter alone keeps the old answer.
    number, _ = review_number(tmux.everything(), "Phone")
    tmux.type(number)
    tmux.keys("Enter")
    tmux.wait_last_line("> 07700 900123")
    tmux.keys("Enter")
    tmux.wait_for(
        lambda s: at_review(s) and s.split("> 07700 900123")[-1].count("Phone: 07700 900123") == 1,
        what="the kept answer shown again",
    )

    tmux.type("submit")
    tmux.keys("Enter")
    assert tmux.wait_exit() == 0
    [record] = records(outdir)
    answers = {a["questionId"]: a for a in record["answers"]}
    assert answers["full_name"]["typed"] == "Alex Morgan"
    assert answers["postcode"]["value"] == "LS1 4AP"
    assert answers["phone"]["typed"] == "07700 900123"
    assert record["mode"] == mode and record["channel"] == "terminal"


def test_ctrl_d_in_patient_mode_names_the_question_and_writes_nothing(outdir):
    child = spawn(interview_args("patient", outdir))
    expect_question(child)
    child.send("none\r")
    expect_question(child)
    child.send("Sam Taylor\r")
    _, body, _ = expect_question(child)
    assert "date of birth" in body
    child.sendeof()
    child.expect("date_of_birth")
    child.expect("No record was written")
    assert exit_code(child) == 4
    assert files_in(outdir) == []


def test_ctrl_d_in_receptionist_mode_saves_a_draft(outdir):
    child = spawn(interview_args("receptionist", outdir))
    expect_question(child)
    child.send("none\r")
    expect_question(child)
    child.sendeof()
    child.expect("saved as draft (SO-[0-9A-Z-]+)")
    draft_id = child.match.group(1)
    assert exit_code(child) == 8
    assert files_in(outdir) == ["drafts/%s.draft.json" % draft_id]
    draft = json.loads((outdir / "drafts" / ("%s.draft.json" % draft_id)).read_text())
    assert draft["waitingAt"] == "caller_relationship"
    assert [a["questionId"] for a in draft["answers"]] == ["red_flags"]


# Wrong answers, one for each kind of question, with what must be said.
WRONG = {
    "multiple_choice": ("13", "there is no choice 13", "1, 3"),
    "text_name": ("R2-D2", "a name has letters", "Sam Taylor"),
    "date": ("31/02/1970", "February 1970 has no day 31", "25/11/1970"),
    "nhs_number": ("943 476 5918", "check digit", "943 476 5919"),
    "postcode": ("ABC 123", "UK postcode", "SW1A 1AA"),
    "phone": ("12345", "UK phone number", "07700 900123"),
    "single_choice": ("maybe", '"maybe" is not one of the choices', "1"),
    "yes_no": ("perhaps", "please answer yes or no", "yes or no"),
}


@pytest.mark.parametrize("mode", MODES)
def test_wrong_answers_are_asked_again_with_the_reason_and_an_example(mode, outdir):
    child = spawn(interview_args(mode, outdir))
    pending = set(WRONG)
    for _ in range(40):
        if not pending:
            break
        number, body, hint = expect_question(child)
        kind = classify(hint)
        if kind == "text" and "name" in body and "full name" in body:
            kind = "text_name"
        if kind in pending:
            wrong, reason, example = WRONG[kind]
            child.send(wrong + "\r")
            # The reason and an example, then the same question's prompt again
            # (not the next question).
            index = child.expect(
                [re.compile(SORRY + r": (.*?)\r\nFor example: (.*?)\r\n[^\r\n]*?> ", re.S), QUESTION_RE]
            )
            assert index == 0, "%r was accepted at %r" % (wrong, body)
            said, example_said = flat(child.match.group(1)), flat(child.match.group(2))
            assert reason in said, (kind, said)
            assert example in example_said, (kind, example_said)
            pending.discard(kind)
        child.send(pick_answer(body, hint) + "\r")
    assert not pending, "no question of these kinds was reached: %s" % sorted(pending)
    # Wait until the last answer is read and the next question shown, so Ctrl-C
    # cannot arrive while typed input is still queued (the terminal may drop it).
    expect_question(child)
    child.sendcontrol("c")
    assert exit_code(child) == (130 if mode == "patient" else 8)
    assert records(outdir) == []
