"""SIGINT, SIGTERM and SIGHUP at every prompt of a complete case, on a pipe
that stays open: feed k lines, wait until prompt k+1 is printed, send the
signal. Patient mode: exit 128+N and nothing written. Receptionist mode: exit
8 and a draft only, holding the k answers given (see docs/reliability.md)."""
import json
import signal
import time

import pytest

from test_hostile_helpers import (
    Interactive,
    all_files,
    assert_inert,
    assert_no_crash,
    assert_no_temporary,
    assert_nothing_written,
    assert_owner_only,
    interview_args,
    question_order,
    script,
)

SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
DRAFT_REASON = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated", signal.SIGHUP: "hang-up"}


def interrupt_at(outdir, mode, lines, prompt, signum):
    """Feeds `lines`, waits for prompt number `prompt`, sends `signum`; returns the finished run."""
    run = Interactive(interview_args(outdir, mode, formats=False))
    try:
        run.feed(lines)
        run.wait_for_prompts(prompt)
        run.process.send_signal(signum)
        return run.finish()
    finally:
        if run.process.poll() is None:
            run.process.kill()
            run.process.wait()


def check_outcome(result, outdir, mode, signum, answered, waiting):
    """What must be left after a signal, `answered` being the ids answered so far."""
    assert_no_crash(result, allowed_status=128 + signum)
    assert_inert(result.stdout, "stdout")
    where = f"after {len(answered)} answers"
    if mode == "patient":
        assert result.returncode == 128 + signum, f"{where}: exit {result.returncode}; {result.stderr!r}"
        if signum != signal.SIGHUP:  # after a hang-up nobody can read stderr: it goes to /dev/null
            assert f"stopped by signal {int(signum)}".encode() in result.stderr, result.stderr
        assert_nothing_written(outdir)
        return
    assert result.returncode == 8, f"{where}: exit {result.returncode}; {result.stderr!r}"
    if signum != signal.SIGHUP:
        assert b"saved as draft" in result.stderr, result.stderr
    assert_no_temporary(outdir)
    assert_owner_only(outdir)
    files = [p for p in all_files(outdir) if p.is_file()]
    assert len(files) == 1 and files[0].parent.name == "drafts" and files[0].name.endswith(".draft.json"), files
    draft = json.loads(files[0].read_bytes())
    assert [item["questionId"] for item in draft["answers"]] == list(answered), where
    assert draft.get("waitingAt") == waiting, f"{where}: {draft.get('waitingAt')!r}"
    assert draft["reason"] == DRAFT_REASON[signum]


@pytest.mark.parametrize("mode", ["patient", "receptionist"])
@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_signal_at_every_prompt(binary, tmp_path, mode, signum):
    lines = script(mode)
    order = question_order(mode)
    for k in range(len(lines)):
        outdir = tmp_path / f"out-{k}"
        result = interrupt_at(outdir, mode, lines[:k], k + 1, signum)
        waiting = order[k] if k < len(order) else None
        check_outcome(result, outdir, mode, signum, order[:k], waiting)


@pytest.mark.parametrize("mode", ["patient", "receptionist"])
def test_signal_while_changing_an_answer_at_the_review(binary, tmp_path, mode):
    lines = script(mode)
    order = question_order(mode)
    outdir = tmp_path / "out"
    run = Interactive(interview_args(outdir, mode, formats=False))
    try:
        run.feed(lines[:-1])
        run.wait_for_prompts(len(order) + 1)
        run.feed(["3"])  # change answer 3: its question is shown again
        deadline = time.monotonic() + 20
        while b"press Enter to keep it" not in bytes(run.out):  # the change hint, in both voices
            run._drain(0.05)
            assert run.process.poll() is None, run.err
            assert time.monotonic() < deadline, "the change prompt did not come"
        run.process.send_signal(signal.SIGTERM)
        result = run.finish()
    finally:
        if run.process.poll() is None:
            run.process.kill()
            run.process.wait()
    check_outcome(result, outdir, mode, signal.SIGTERM, order, order[2])


def test_a_second_signal_while_stopping_is_harmless(binary, outdir):
    """Two signals in a row (an impatient Ctrl-C Ctrl-C): still a clean stop, nothing written."""
    run = Interactive(interview_args(outdir, formats=False))
    try:
        run.feed(script()[:3])
        run.wait_for_prompts(4)
        run.process.send_signal(signal.SIGINT)
        run.process.send_signal(signal.SIGINT)
        result = run.finish()
    finally:
        if run.process.poll() is None:
            run.process.kill()
            run.process.wait()
    assert_no_crash(result, allowed_status=130)
    assert result.returncode == 130
    assert_nothing_written(outdir)
