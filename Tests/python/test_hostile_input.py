"""Hostile input on a pipe: bytes that are not text, terminal escape
sequences, controls, bidirectional overrides, huge lines, blank answers and
input that never ends. Every run goes through the real binary
(`interview --out DIR` on a pipe); see docs/reliability.md for the table.
"""
import pytest

from test_hostile_helpers import (
    CRASH_SIGNS,
    answer,
    assert_inert,
    assert_no_crash,
    assert_nothing_written,
    encode,
    interview_args,
    position,
    question_order,
    record_of,
    run,
    run_endless,
    script,
)


def name_line():
    return position("full_name")


def diagnosis_line():
    return position("diagnosis")


# Each template wraps a real answer ("{}") in something a terminal would act
# on. After cleaning, only the real answer may be left.
TEMPLATES = {
    "csi-clear-screen": "\x1b[2J\x1b[H{}\x1b[0m",
    "csi-colour": "\x1b[31m{}\x1b[0m",
    "csi-alternate-screen": "\x1b[?1049h{}\x1b[?1049l",
    "osc-title-bel": "\x1b]0;pwned\x07{}",
    "osc-clipboard-52": "{}\x1b]52;c;cm0gLXJmIH4=\x07",
    "osc-hyperlink-st": "\x1b]8;;https://evil.example/\x1b\\{}\x1b]8;;\x1b\\",
    "dcs-and-apc": "\x1bP+q544e\x1b\\{}\x1b_pwned\x1b\\",
    "charset-switch": "\x1b(0{}\x1b(B",
    "c1-csi-osc": "\u009b2J{}\u009d0;pwned\u009c",
    "c1-nel-dcs": "\u0085{}\u0090pwned\u009c",
    "nul-bytes": "\x00{}\x00",
    "c0-bell-backspace-del": "\x07\x08{}\x0b\x0c\x7f",
    "bracketed-paste": "\x1b[200~{}\x1b[201~",
    "bidi-override": "\u202e{}\u202c",
    "bidi-isolates-marks": "\u2066\u200f{}\u2069\u061c\u200e",
    "escape-then-escape": "\x1b[\x1b]0;pwned\x07{}",
    "invisible-and-separators": "\ufeff\u200b{}\u2060\u2028",
}


def test_script_shape(binary):
    """The cases used answer one question a line, then submit: the positions
    used below and in test_hostile_signals.py depend on it."""
    for mode in ("patient", "receptionist"):
        ids = question_order(mode)
        assert ids[0] == "red_flags" and "full_name" in ids, ids
    assert "diagnosis" in question_order("patient")


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_escape_sequences_and_controls_are_made_inert(binary, outdir, kind):
    template = TEMPLATES[kind]
    lines = script()
    name, diagnosis = name_line(), diagnosis_line()
    plain_name, plain_diagnosis = lines[name], lines[diagnosis]
    hostile = list(lines)
    for index in (0, name, diagnosis, len(lines) - 1):  # a choice, a name, free text, the review
        hostile[index] = template.format(lines[index])
    result = run(interview_args(outdir), encode(hostile))
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    assert_inert(result.stdout, "stdout")
    assert_inert(result.stderr, "stderr")
    record = record_of(outdir)
    assert answer(record, "full_name")["typed"] == plain_name
    assert answer(record, "diagnosis")["typed"] == plain_diagnosis
    assert "none" in str(answer(record, "red_flags")["value"])


def test_tabs_become_spaces(binary, outdir):
    lines = script()
    where = diagnosis_line()
    plain = lines[where]
    lines[where] = plain.replace(" ", "\t") + "\t"
    result = run(interview_args(outdir), encode(lines))
    assert result.returncode == 0, result.stderr
    assert answer(record_of(outdir), "diagnosis")["typed"] == plain


INVALID_UTF8 = [
    b"\xff\xfe Sam Taylor",  # not UTF-8 at all
    b"Sam \xc3\x28 Taylor",  # a broken two-byte sequence
    b"\xc0\xaf",  # an overlong slash
    b"\xed\xa0\x80 surrogate",  # an encoded surrogate
    b"Sam Taylor \xe2\x82",  # cut inside a character
    b"\xf8\x88\x80\x80\x80",  # a five-byte form
]


def test_invalid_utf8_is_refused_and_asked_again(binary, outdir):
    lines = script()
    name, diagnosis = name_line(), diagnosis_line()
    hostile = lines[:name] + INVALID_UTF8 + lines[name:]
    result = run(interview_args(outdir), encode(hostile))
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"not valid UTF-8") == len(INVALID_UTF8), result.stdout[-3000:]
    assert_inert(result.stdout, "stdout")
    record = record_of(outdir)
    assert answer(record, "full_name")["typed"] == lines[name]


def test_invalid_utf8_at_the_review_and_in_a_change(binary, outdir):
    lines = script()
    hostile = lines[:-1] + [b"\xff\xff", "2", b"\xc3", "Samantha Taylor", "submit"]
    result = run(interview_args(outdir), encode(hostile))
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    assert b"could not be read" in result.stdout or b"not valid UTF-8" in result.stdout
    assert answer(record_of(outdir), "full_name")["typed"] == "Samantha Taylor"


def test_a_script_without_a_final_newline_still_completes(binary, outdir):
    result = run(interview_args(outdir), encode(script(), final_newline=False))
    assert result.returncode == 0, result.stderr
    record_of(outdir)


def test_crlf_line_ends_are_accepted(binary, outdir):
    result = run(interview_args(outdir), b"\r\n".join(line.encode() for line in script()) + b"\r\n")
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    assert answer(record_of(outdir), "full_name")["typed"] == script()[name_line()]


MIB = 1 << 20


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(b"A" * MIB, id="1MiB-letters"),
        pytest.param(b"A" * (MIB + 17), id="just-over-1MiB"),
        pytest.param("\u00e9".encode() * (MIB // 2 + 3), id="1MiB-two-byte-characters-cut-mid-character"),
        pytest.param(b"\x1b[31m" * (MIB // 5), id="1MiB-of-escape-sequences"),
        pytest.param(b"x" * (3 * MIB + 5), id="3MiB"),
        pytest.param(b" " * MIB, id="1MiB-of-spaces"),
    ],
)
def test_a_huge_line_is_refused_and_the_interview_goes_on(binary, outdir, line):
    lines = script()
    name, diagnosis = name_line(), diagnosis_line()
    hostile = lines[:name] + [line] + lines[name:]
    result = run(interview_args(outdir), encode(hostile), timeout=120)
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    assert b"not valid UTF-8" not in result.stdout  # a cut never splits a character
    assert len(result.stdout) < 256 * 1024, "the huge line was echoed back"
    assert_inert(result.stdout, "stdout")
    assert answer(record_of(outdir), "full_name")["typed"] == lines[name]


def test_a_huge_line_at_a_choice_question_is_not_echoed_back(binary, outdir):
    lines = script()
    hostile = [b"x" * MIB, b"1, " * (MIB // 3 + 10)] + lines
    result = run(interview_args(outdir), encode(hostile), timeout=120)
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) < 256 * 1024, "the huge line was echoed back"
    record_of(outdir)


WHITESPACE = ["", " ", "   \t  ", "\t", "\u00a0\u2003\u3000", " \x1b[0m ", "\u200b", "\ufeff"]


def test_whitespace_only_answers_are_refused_where_an_answer_is_needed(binary, outdir):
    lines = script()
    name, diagnosis = name_line(), diagnosis_line()
    hostile = lines[:name] + WHITESPACE + lines[name:]
    result = run(interview_args(outdir), encode(hostile))
    assert_no_crash(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"Sorry") == len(WHITESPACE), result.stdout[-3000:]
    assert answer(record_of(outdir), "full_name")["typed"] == lines[name]


def test_whitespace_only_answers_skip_an_optional_question(binary, outdir):
    lines = script()
    optional = [i for i, line in enumerate(lines) if line == ""]
    assert optional, "the case has no blank (skipped) answer"
    hostile = list(lines)
    hostile[optional[0]] = " \t\u00a0 "
    result = run(interview_args(outdir), encode(hostile))
    assert result.returncode == 0, result.stderr
    record = record_of(outdir)
    skipped = [a for a in record["answers"] if a["state"] == "skipped"]
    assert skipped and all(a["typed"] == "" for a in skipped), skipped


def test_whitespace_and_controls_only_at_the_review_are_refused(binary, outdir):
    lines = script()
    hostile = lines[:-1] + ["   ", "\x1b[A", "\x00", "submit"]
    result = run(interview_args(outdir), encode(hostile))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"please type submit") == 3
    record_of(outdir)


# Endless input: every stream below never ends; the interview must stop by
# itself with exit 5 ("too many rejected answers on a pipe"), write nothing,
# and name the question on stderr.
ENDLESS = {
    "wrong-answers-at-the-first-question": (0, b"wrong\n"),
    "out-of-range-numbers": (0, b"99\n"),
    "invalid-utf8-lines": (0, b"\xff\n"),
    "escape-sequences-only": (0, b"\x1b[2J\x1b]0;x\x07\n"),
    "wrong-dates": ("date_of_birth", b"31/02/1970\n"),
    "wrong-answers-at-the-review": (None, b"maybe\n"),
    "no-newline-ever": ("full_name", b"x" * 65536),
    "nul-bytes-for-ever": ("full_name", b"\x00" * 65536),
}


@pytest.mark.parametrize("name", sorted(ENDLESS))
def test_endless_input_stops_with_exit_5(binary, outdir, name):
    position, chunk = ENDLESS[name]
    lines = script()
    if isinstance(position, str):
        position = question_order().index(position)
    prefix = encode(lines[:-1] if position is None else lines[:position])
    status, out, err, written = run_endless(interview_args(outdir), chunk, prefix=prefix, timeout=90)
    assert status == 5, f"exit {status} after {written} bytes; stderr: {err[-2000:]!r}"
    assert b"too many answers in a row were not accepted" in err, err
    assert b"No record was written" in err
    assert not CRASH_SIGNS.search(err), err
    assert b"\x1b" not in out, "an escape sequence reached stdout"
    assert_nothing_written(outdir)


# Lines that are commands rather than answers: on a pipe they must not keep the
# interview going for ever either. Fed 500 times (25 times the limit of 20),
# then the input ends: exit 5 is expected, not 4.
ENDLESS_COMMANDS = {
    "help-for-ever": (0, "help"),
    "back-at-the-first-question": (0, "back"),
    "invalid-utf8-at-the-review": (None, b"\xff"),
    "invalid-utf8-while-changing-an-answer": ("change", b"\xff"),
}


@pytest.mark.parametrize("name", sorted(ENDLESS_COMMANDS))
def test_endless_commands_stop_with_exit_5(binary, outdir, name):
    position, line = ENDLESS_COMMANDS[name]
    lines = script()
    if position == "change":
        prefix = lines[:-1] + ["2"]  # at the review, change answer 2
    else:
        prefix = lines[:-1] if position is None else lines[:position]
    result = run(interview_args(outdir), encode(prefix + [line] * 500))
    assert_no_crash(result)
    assert result.returncode == 5, f"exit {result.returncode}; stderr: {result.stderr[-2000:]!r}"
    assert_nothing_written(outdir)


def test_going_back_and_answering_for_ever_stops_with_exit_5(binary, outdir):
    # Every line is accepted (an answer, then back), so no answer is rejected
    # in a row; the pipe's line limit ends it.
    lines = script()
    result = run(interview_args(outdir), encode(lines[:1] + ["back", lines[0]] * 6000))
    assert_no_crash(result)
    assert result.returncode == 5, f"exit {result.returncode}; stderr: {result.stderr[-2000:]!r}"
    assert b"without finishing the interview" in result.stderr
    assert_nothing_written(outdir)
