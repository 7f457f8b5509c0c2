"""Input that ends early at every prompt, and output that nobody reads:
through the real binary on a pipe (see docs/reliability.md)."""
import os
import re
import subprocess

import pytest

from conftest import BINARY, base_env
from test_hostile_helpers import (
    assert_inert,
    assert_no_crash,
    assert_nothing_written,
    encode,
    interview_args,
    question_order,
    record_of,
    run,
    script,
)


@pytest.mark.parametrize("mode", ["patient", "receptionist"])
def test_end_of_input_at_every_prompt(binary, tmp_path, mode):
    """The case's script cut after k lines, for every k: exit 4, the waiting
    question named on stderr, and nothing written (no record, no draft: a pipe
    keeps no draft)."""
    lines = script(mode)
    order = question_order(mode)
    for k in range(len(lines)):
        outdir = tmp_path / f"out-{k}"
        result = run(interview_args(outdir, mode), encode(lines[:k]))
        assert_no_crash(result)
        assert result.returncode == 4, f"k={k}: exit {result.returncode}; {result.stderr!r}"
        waiting = f"question `{order[k]}`" if k < len(order) else "the final review"
        message = result.stderr.decode()
        assert waiting in message, f"k={k}: {message!r}"
        assert "No record was written" in message
        assert_nothing_written(outdir)
        assert_inert(result.stdout, f"stdout (k={k})")


def test_end_of_input_in_the_middle_of_a_line(binary, outdir):
    """A last line without its newline is still an answer; the input then ends."""
    lines = script()
    result = run(interview_args(outdir), encode(lines[:3], final_newline=False))
    assert result.returncode == 4, result.stderr
    assert f"question `{question_order()[3]}`".encode() in result.stderr
    assert_nothing_written(outdir)


def test_end_of_input_while_changing_an_answer_at_the_review(binary, outdir):
    lines = script()
    result = run(interview_args(outdir), encode(lines[:-1] + ["2"]))
    assert result.returncode == 4, result.stderr
    assert f"question `{question_order()[1]}`".encode() in result.stderr
    assert_nothing_written(outdir)


def test_empty_input_and_dev_null(binary, outdir):
    result = run(interview_args(outdir), b"")
    assert result.returncode == 4 and b"question `red_flags`" in result.stderr, result.stderr
    with open(os.devnull, "rb") as null:
        second = subprocess.run(
            [str(BINARY), *interview_args(outdir)], stdin=null, capture_output=True, timeout=30, env=base_env()
        )
    assert second.returncode == 4, second.stderr
    assert_nothing_written(outdir)


def test_closed_stdin(binary, outdir):
    """stdin closed altogether (`<&-`): the input has ended; nothing is written."""
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" "$@" <&-', str(BINARY), *interview_args(outdir)],
        capture_output=True, timeout=30, env=base_env(),
    )
    assert_no_crash(result)
    assert result.returncode == 4, result.stderr
    assert_nothing_written(outdir)


def test_stdout_read_by_head_c_100(binary, outdir):
    """`second-opinion interview | head -c 100`: the reader goes away early;
    the interview still completes and the record is written."""
    lines = script()
    interview = subprocess.Popen(
        [str(BINARY), *interview_args(outdir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=base_env(),
    )
    head = subprocess.Popen(["head", "-c", "100"], stdin=interview.stdout, stdout=subprocess.PIPE)
    interview.stdout.close()  # only head reads it now
    head_out, _ = head.communicate(timeout=30)
    _, err = interview.communicate(encode(lines), timeout=60)
    assert len(head_out) == 100
    assert interview.returncode == 0, err
    assert not re.search(rb"Fatal error|Backtrace|Broken pipe", err), err
    record = record_of(outdir)
    assert record["status"] == "complete"


def test_stdout_closed_altogether(binary, outdir):
    """`>&-`: no standard output at all. The screen text must not end up in a
    file opened later on descriptor 1 (the record or a letter)."""
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" "$@" >&-', str(BINARY), *interview_args(outdir)],
        input=encode(script()), capture_output=True, timeout=60, env=base_env(),
    )
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    record = record_of(outdir)
    for path in (p for p in outdir.rglob("*") if p.is_file()):
        assert b"(question 1)]" not in path.read_bytes(), f"screen text leaked into {path.name}"
    assert record["status"] == "complete"


@pytest.mark.parametrize("kind", ["stderr-closed", "stderr-reader-gone"])
def test_a_message_with_nowhere_to_go_does_not_crash(binary, outdir, kind):
    """Input that ends early makes a message on stderr; with stderr closed
    (`2>&-`, EBADF) or its reader gone (EPIPE), the exit code must still be 4,
    not a trap."""
    data = encode(script()[:2])
    if kind == "stderr-closed":
        command = ["sh", "-c", 'exec "$0" "$@" 2>&-', str(BINARY), *interview_args(outdir)]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, env=base_env())
    else:
        process = subprocess.Popen(
            [str(BINARY), *interview_args(outdir)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, env=base_env(),
        )
        process.stderr.close()  # nobody will read the message
    process.communicate(data, timeout=60)
    assert process.returncode == 4, process.returncode
    assert_nothing_written(outdir)


def test_stdout_to_dev_full(binary, outdir):
    """Standard output is a full disk (`>/dev/full`): the interview goes on and the record is written."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [str(BINARY), *interview_args(outdir)], input=encode(script()), stdout=full,
            stderr=subprocess.PIPE, timeout=60, env=base_env(),
        )
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    record_of(outdir)


@pytest.mark.parametrize("umask", ["000", "077"])
def test_owner_only_files_whatever_the_umask(binary, tmp_path, umask):
    """Records are 0600 in 0700 folders even under `umask 000`; nested folders too."""
    outdir = tmp_path / "deeper" / "out"
    result = subprocess.run(
        ["sh", "-c", f'umask {umask}; exec "$0" "$@"', str(BINARY), *interview_args(outdir)],
        input=encode(script()), capture_output=True, timeout=60, env=base_env(),
    )
    assert result.returncode == 0, result.stderr
    record_of(outdir)


def test_render_with_no_standard_output_is_exit_7(binary, tmp_path):
    """`render ID.json >&-` once trapped (SIGILL); a closed stdout is exit 7."""
    records = tmp_path / "records"
    subprocess.run([str(BINARY), "cases", "--quiet", "--records", str(records)], check=True, env=base_env(),
                   capture_output=True)
    record = sorted(p for p in records.glob("*.json") if not p.name.endswith(".fhir.json"))[0]
    result = subprocess.run(["sh", "-c", 'exec "$0" "$@" >&-', str(BINARY), "render", str(record)],
                            capture_output=True, env=base_env(), timeout=60)
    assert result.returncode == 7, result.stderr
    assert b"standard output" in result.stderr
