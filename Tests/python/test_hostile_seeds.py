"""Malformed or missing seeds files: each refused with exit 6 before the first
question, naming the file and, where possible, the line; nothing written and
no crash (see docs/reliability.md)."""
import re
import shutil

import pytest

from conftest import SEEDS
from test_hostile_helpers import assert_no_crash, assert_nothing_written, encode, interview_args, run, script


def seeds_copy(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def replace_once(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1  # the line it was on


def insert_after(path, line, text):
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(line, text)
    path.write_text("\n".join(lines), encoding="utf-8")
    return line + 1


def question_line(path, line):
    """The line of the `- id:` entry that `line` belongs to."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return max(n for n in range(1, line + 1) if re.match(r"\s*- id:", lines[n - 1]))


def line_of(path, pattern, start=1):
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if number >= start and re.search(pattern, line):
            return number
    raise AssertionError(f"{pattern!r} not in {path.name}")


def refused(folder, outdir, file, line=None, slack=2, message=None):
    """Runs an interview on `folder`; it must stop with exit 6 before asking
    anything, naming `file` (and `line`, give or take `slack` lines)."""
    result = run(interview_args(outdir) + ["--seeds", str(folder)], encode(script()))
    assert_no_crash(result)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 6, f"exit {result.returncode}; stderr: {err!r}"
    assert file in err, err
    if line is not None:
        found = [int(n) for n in re.findall(re.escape(file) + r":(\d+)", err)]
        assert found and any(abs(n - line) <= slack for n in found), f"expected {file}:{line}: {err!r}"
    if message is not None:
        assert re.search(message, err), err
    assert b"[Section " not in result.stdout, "a question was asked"
    assert_nothing_written(outdir)
    return err


@pytest.mark.parametrize("name", ["interview.yaml", "triage.yaml", "letter.yaml"])
def test_a_missing_file(binary, tmp_path, outdir, name):
    folder = seeds_copy(tmp_path)
    (folder / name).unlink()
    refused(folder, outdir, name, message="missing")


def test_no_seeds_folder_at_all(binary, tmp_path, outdir):
    refused(tmp_path / "nowhere", outdir, "interview.yaml", message="missing")


def test_the_seeds_folder_is_a_file(binary, tmp_path, outdir):
    path = tmp_path / "seeds"
    path.write_text("not a folder\n")
    refused(path, outdir, "interview.yaml")


def test_a_seeds_file_that_is_a_folder(binary, tmp_path, outdir):
    folder = seeds_copy(tmp_path)
    (folder / "triage.yaml").unlink()
    (folder / "triage.yaml").mkdir()
    refused(folder, outdir, "triage.yaml")


@pytest.mark.parametrize("name", ["interview.yaml", "triage.yaml", "letter.yaml"])
def test_an_empty_file(binary, tmp_path, outdir, name):
    folder = seeds_copy(tmp_path)
    (folder / name).write_bytes(b"")
    refused(folder, outdir, name)


def test_a_file_that_is_not_utf8(binary, tmp_path, outdir):
    folder = seeds_copy(tmp_path)
    path = folder / "interview.yaml"
    path.write_bytes(path.read_bytes().replace(b"Second opinion", b"Second \xff\xfe opinion", 1))
    refused(folder, outdir, "interview.yaml", message="UTF-8")


@pytest.mark.parametrize(
    "name, after, text",
    [
        ("interview.yaml", 600, "  - [unclosed"),  # in the questions
        ("interview.yaml", 40, "title: {patient: \"dangling"),
        ("interview.yaml", 60, "\tmessages: []"),  # a tab where YAML wants spaces
        ("triage.yaml", 50, "mappings: [[[["),
        ("letter.yaml", 12, "  - {id: gp, title: GP practice, mandatory: true"),
    ],
    ids=["unclosed-list", "unclosed-quote", "tab-indent", "triage-brackets", "letter-unclosed-map"],
)
def test_a_yaml_syntax_error_names_file_and_line(binary, tmp_path, outdir, name, after, text):
    folder = seeds_copy(tmp_path)
    line = insert_after(folder / name, after, text)
    err = refused(folder, outdir, name, line=line, slack=3, message="not valid YAML")
    assert "\n" not in err.strip(), f"one line is enough: {err!r}"


def test_deep_nesting_is_refused_not_a_crash(binary, tmp_path, outdir):
    folder = seeds_copy(tmp_path)
    path = folder / "interview.yaml"
    path.write_text(path.read_text() + "\nextra: " + "[" * 100000 + "]" * 100000 + "\n")
    refused(folder, outdir, "interview.yaml", message="not valid YAML")


def test_an_alias_bomb_in_an_unused_key_is_harmless(binary, tmp_path, outdir):
    """A 'billion laughs' document: refused before decoding (seeds may not use
    anchors or aliases), even under a key nobody reads."""
    folder = seeds_copy(tmp_path)
    path = folder / "interview.yaml"
    bomb = ['lol0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"lol{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 10)]
    path.write_text(path.read_text() + "\n" + "\n".join(bomb) + "\n")
    refused(folder, outdir, "interview.yaml", message="anchors or aliases")


def test_an_unknown_question_type(binary, tmp_path, outdir):
    folder = seeds_copy(tmp_path)
    path = folder / "interview.yaml"
    line = replace_once(path, "type: yes_no", "type: essay")
    refused(folder, outdir, "interview.yaml", line=question_line(path, line), slack=0, message="essay")


def test_an_unknown_condition_key(binary, tmp_path, outdir):
    folder = seeds_copy(tmp_path)
    replace_once(folder / "interview.yaml", "isNot: self}", "isnt: self}")
    refused(folder, outdir, "interview.yaml", message="answer test needs")


def test_a_required_field_missing(binary, tmp_path, outdir):
    folder = seeds_copy(tmp_path)
    path = folder / "letter.yaml"
    text = path.read_text()
    path.write_text(re.sub(r"(?m)^disclaimer:.*(\n  .*)*\n", "", text, count=1))
    refused(folder, outdir, "letter.yaml", message="disclaimer")


@pytest.mark.parametrize(
    "old, new, what",
    [
        ("default: 126", "default: .inf", "assumption"),
        ("default: 126", "default: .nan", "assumption"),
        ("default: 126", "default: -5", "assumption"),
        ("decisionMarginDays: 7", "decisionMarginDays: 9223372036854775807", "decisionMarginDays"),
    ],
    ids=["infinite-wait", "nan-wait", "negative-wait", "huge-margin"],
)
def test_numbers_the_triage_cannot_work_with(binary, tmp_path, outdir, old, new, what):
    """An infinite wait used to trap in the triage (Int(Double.infinity))."""
    folder = seeds_copy(tmp_path)
    line = replace_once(folder / "triage.yaml", old, new)
    expected = line_of(folder / "triage.yaml", r"- id: expected_wait_days") if what == "assumption" else line
    refused(folder, outdir, "triage.yaml", line=expected, slack=0, message=what)


def test_a_text_limit_that_is_not_a_length(binary, tmp_path, outdir):
    folder = seeds_copy(tmp_path)
    path = folder / "interview.yaml"
    line = replace_once(path, "maxLength: 100", "maxLength: -1")
    refused(folder, outdir, "interview.yaml", line=question_line(path, line), slack=0, message="maxLength")


# Defects that only `DefinitionChecker` finds (the YAML decodes): the
# interview refuses them with exit 6 before asking anything, as `check` does.
DEFECTS = {
    "condition-names-an-unknown-question": (
        "interview.yaml", "when: {answer: caller_relationship, isNot: self}", "when: {answer: nobody, isNot: self}",
    ),
    "choice-question-without-choices": ("interview.yaml", "    choices:\n      - id: chest_pain", "    chooses:\n      - id: chest_pain"),
    "stop-rule-names-an-unknown-message": ("interview.yaml", "messages: [emergency_physical]", "messages: [no_such_message]"),
    "tree-node-leads-nowhere": ("triage.yaml", '"no": u_red_flag_mental', '"no": u_nowhere'),
    "tree-tests-an-unknown-question": ("triage.yaml", "answer: cancer_status", "answer: no_such_question"),
    # A red flag added to the screen without its class (`redFlag:`): it would
    # be asked, then stop nothing and triage nothing.
    "red-flag-added-without-its-class": (
        "interview.yaml", "      - id: harm_others\n", "      - id: sepsis\n        label: \"Signs of sepsis\"\n      - id: harm_others\n",
    ),
    "question-id-used-twice": ("interview.yaml", "  - id: diagnosis_date\n", "  - id: diagnosis\n"),
    "tree-id-used-in-both-trees": ("triage.yaml", "    - id: d_pain\n", "    - id: u_pain\n"),
}


def defective_seeds(tmp_path, kind):
    folder = seeds_copy(tmp_path)
    name, old, new = DEFECTS[kind]
    line = replace_once(folder / name, old, new)
    return folder, name, line


@pytest.mark.parametrize("kind", sorted(DEFECTS))
def test_defective_seeds_never_crash_the_interview(binary, tmp_path, outdir, kind):
    folder, _, _ = defective_seeds(tmp_path, kind)
    for lines in (script(), ["1"] * 30, ["not sure"] * 30):
        result = run(interview_args(outdir) + ["--seeds", str(folder)], encode(lines))
        assert_no_crash(result)
        assert result.returncode == 6, result.stderr
        shutil.rmtree(outdir, ignore_errors=True)


@pytest.mark.parametrize(
    "kind, message",
    [
        ("red-flag-added-without-its-class", "choice `sepsis` of the red-flag screen `red_flags` has no class"),
        ("question-id-used-twice", r"question id `diagnosis` is used twice \(first on line \d+\)"),
        ("tree-id-used-in-both-trees", r"tree node or leaf id `u_pain` is used twice \(first on line \d+\)"),
    ],
)
def test_a_defect_is_refused_at_the_line_of_the_edit(binary, tmp_path, outdir, kind, message):
    """The interview names the file and the exact line of the defect (the
    added choice, the repeated id) before asking anything."""
    folder, name, line = defective_seeds(tmp_path, kind)
    refused(folder, outdir, name, line=line, slack=0, message=message)


@pytest.mark.parametrize("kind", sorted(DEFECTS))
def test_defective_seeds_are_refused_with_exit_6(binary, tmp_path, outdir, kind):
    folder, name, line = defective_seeds(tmp_path, kind)
    refused(folder, outdir, name, line=None)


def test_defective_seeds_are_refused_by_cases_and_listed_by_check(binary, tmp_path):
    folder, name, _ = defective_seeds(tmp_path, "tree-node-leads-nowhere")
    cases = run(["cases", "--seeds", str(folder)], b"")
    assert_no_crash(cases)
    assert cases.returncode == 6, cases.stderr
    assert name.encode() in cases.stderr
    check = run(["check", "--seeds", str(folder)], b"")
    assert_no_crash(check)
    assert check.returncode == 1, check.stderr
    assert b"u_nowhere" in check.stdout + check.stderr
