"""A draft is data, never a path (docs/reliability.md, "Drafts").

`resume ID` names the record it writes and the draft it removes by ID alone,
never by the id inside the file; every field of a draft is checked (a schema
version, no unknown field, a real `today`, known mode and reason, sizes) and
made inert; answers that no longer parse are reported; a huge draft is refused
at once; `drafts` lists the good drafts and names the bad files; a drafts
folder that cannot be read is an error.
"""
import json
import os
import subprocess
import time

import pytest

from _hardening import (
    EMERGENCY,
    FIXED_ID,
    NOBODY,
    as_nobody,
    binary,
    draft_json,
    env,
    everything,
    find_record_file,
    public_folder,
    run,
    write_draft,
)

OTHER_ID = "SO-20261125T100500Z-0000000B"
THIRD_ID = "SO-20261125T101000Z-0000000C"


def resume(outdir, record_id=FIXED_ID, lines=EMERGENCY, timeout=60):
    return run(["resume", record_id, "--out", outdir], lines=lines, timeout=timeout)


def test_a_tampered_id_cannot_write_outside_the_output_folder(tmp_path):
    outdir = tmp_path / "a" / "b" / "out"
    target = tmp_path / "a" / "traversal-target"
    target.mkdir(parents=True)
    write_draft(outdir, FIXED_ID, id="../../traversal-target/pwned")
    result = resume(outdir)
    assert result.returncode == 1, result.stderr
    assert b"the id inside it is not the id of its file name" in result.stderr
    assert everything(target) == [], "a draft's id reached a path"
    assert everything(outdir) == ["drafts/", f"drafts/{FIXED_ID}.draft.json"]
    assert b"[Section " not in result.stdout


def test_a_tampered_id_cannot_delete_another_callers_draft(tmp_path):
    outdir = tmp_path / "out"
    mine = write_draft(outdir, FIXED_ID, id=OTHER_ID)
    theirs = write_draft(outdir, OTHER_ID)
    result = resume(outdir)
    assert result.returncode == 1, result.stderr
    assert mine.exists() and theirs.exists(), "another caller's draft was deleted"
    assert everything(outdir) == ["drafts/", f"drafts/{FIXED_ID}.draft.json", f"drafts/{OTHER_ID}.draft.json"]


BAD_DRAFTS = {
    "today-not-a-date": dict(today="yesterday"),
    "today-impossible": dict(today="2026-13-45"),
    "today-far-from-the-interview": dict(today="1999-01-01"),
    "unknown-field": dict(extra="vanishes"),
    "unknown-answer-field": dict(answers=[{"questionId": "red_flags", "typed": "none", "note": "x"}]),
    "newer-format": dict(schemaVersion=2),
    "unknown-mode": dict(mode="administrator"),
    "unknown-reason": dict(reason="because"),
    "created-not-a-time": dict(createdAt="last Tuesday"),
    "saved-with-escapes": dict(savedAt="\x1b]52;c;cHduZWQ=\x072026-11-25T10:04:12Z"),
    "receptionist-without-operator": dict(operator=None),
    "id-missing": dict(id=Ellipsis),
    "answers-not-a-list": dict(answers="red_flags: none"),
    "typed-not-text": dict(answers=[{"questionId": "red_flags", "typed": 1}]),
    "question-id-a-path": dict(answers=[{"questionId": "../../etc/passwd", "typed": "x"}]),
    "not-json": "{\"id\": ",
}


@pytest.mark.parametrize("kind", sorted(BAD_DRAFTS))
def test_every_field_of_a_draft_is_checked(tmp_path, kind):
    outdir = tmp_path / "out"
    fields = BAD_DRAFTS[kind]
    if isinstance(fields, str):
        write_draft(outdir, FIXED_ID, text=fields)
    elif "answers" in fields:
        text = json.loads(draft_json(FIXED_ID))
        text["answers"] = fields["answers"]
        write_draft(outdir, FIXED_ID, text=json.dumps(text))
    else:
        write_draft(outdir, FIXED_ID, **fields)
    result = resume(outdir)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, f"exit {result.returncode}: {err!r}"
    assert "is not a draft this version can use" in err, err
    assert b"[Section " not in result.stdout and b"Resuming" not in result.stdout
    assert "\x1b" not in err and "\x07" not in err
    assert everything(outdir) == ["drafts/", f"drafts/{FIXED_ID}.draft.json"]
    listed = run(["drafts", "--out", outdir])
    assert listed.returncode == 1
    assert FIXED_ID.encode() in listed.stderr and FIXED_ID.encode() not in listed.stdout


def test_a_draft_from_before_the_schema_version_is_still_read(tmp_path):
    outdir = tmp_path / "out"
    write_draft(outdir, FIXED_ID, schemaVersion=Ellipsis)
    assert resume(outdir).returncode == 3


def test_answers_that_no_longer_parse_are_reported_not_counted(tmp_path):
    outdir = tmp_path / "out"
    write_draft(outdir, FIXED_ID, answers=[
        ("red_flags", "none"), ("no_such_question", "x"), ("full_name", "Sam Taylor"), ("date_of_birth", "31/02/1990"),
    ])
    result = resume(outdir, lines=[])
    out = result.stdout.decode()
    assert "2 answers restored" in out, out
    assert "2 saved answers could not be used" in out, out
    assert "`no_such_question` (no such question now)" in out
    assert "`date_of_birth` (the answer is no longer accepted)" in out
    assert "31/02/1990" not in out, "what was typed is not shown"


def test_a_huge_draft_is_refused_at_once(tmp_path):
    outdir = tmp_path / "out"
    answers = [("red_flags", "none")] + [("full_name", "Sam Taylor " * 10)] * 40000
    write_draft(outdir, FIXED_ID, answers=answers)
    assert (outdir / "drafts" / f"{FIXED_ID}.draft.json").stat().st_size > 5_000_000
    started = time.monotonic()
    result = resume(outdir, timeout=20)
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert b"larger than" in result.stderr or b"bytes; the most" in result.stderr, result.stderr
    assert elapsed < 5, f"{elapsed:.1f}s to refuse a 5 MB draft"
    started = time.monotonic()
    listed = run(["drafts", "--out", outdir], timeout=20)
    assert time.monotonic() - started < 5 and listed.returncode == 1


def test_one_bad_or_oddly_named_file_does_not_hide_the_others(tmp_path):
    outdir = tmp_path / "out"
    write_draft(outdir, FIXED_ID)
    write_draft(outdir, OTHER_ID, operator="Ben Ward")
    drafts = outdir / "drafts"
    (drafts / f"{THIRD_ID}.draft.json").write_text("{broken")
    (drafts / "notes.txt").write_text("call back Tuesday")
    (drafts / "SO-bad.draft.json").write_text(draft_json(FIXED_ID))
    (drafts / "\x1b]0;pwned\x07.draft.json").write_text("{}")
    (drafts / "SO-20261125T102000Z-0000000D.draft.json").mkdir()
    result = run(["drafts", "--out", outdir])
    out, err = result.stdout.decode(), result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, err
    assert FIXED_ID in out and OTHER_ID in out and "Ben Ward" in out, out
    assert "Continue one with" in out
    for name in (THIRD_ID, "notes.txt", "SO-bad.draft.json", "SO-20261125T102000Z-0000000D"):
        assert name in err, f"{name} is not named: {err!r}"
    assert "\x1b" not in err and "\x07" not in err, "a file name reached the terminal raw"
    assert "\\u{1b}]0;pwned\\u{7}.draft.json" in err


def test_a_drafts_folder_that_is_a_file_is_an_error_not_no_drafts(tmp_path):
    outdir = tmp_path / "out"
    outdir.mkdir(mode=0o700)
    (outdir / "drafts").write_text("not a folder")
    result = run(["drafts", "--out", outdir])
    assert result.returncode == 7, result.stdout
    assert b"No drafts" not in result.stdout
    assert b"not a folder" in result.stderr


def test_an_unreadable_drafts_folder_is_an_error_not_no_drafts():
    outdir = public_folder() / "out"
    (outdir / "drafts").mkdir(parents=True)
    os.chown(outdir, NOBODY, NOBODY)
    os.chown(outdir / "drafts", NOBODY, NOBODY)
    os.chmod(outdir, 0o700)
    os.chmod(outdir / "drafts", 0o300)  # the owner may enter and write, not list
    result = subprocess.run(as_nobody([binary(), "drafts", "--out", str(outdir)]), capture_output=True, env=env(),
                            timeout=30)
    assert result.returncode == 7, (result.stdout, result.stderr)
    assert b"No drafts" not in result.stdout
    assert b"Permission denied" in result.stderr


def test_every_field_is_made_inert_before_the_screen_or_the_record(tmp_path):
    outdir = tmp_path / "out"
    write_draft(outdir, FIXED_ID, operator="\x1b]0;pwned\x07Aisha \x1b[2JKhan\u202e",
                answers=[("red_flags", "\x1b[31m1\x1b[0m")])
    listed = run(["drafts", "--out", outdir])
    assert listed.returncode == 0, listed.stderr
    assert b"Aisha Khan" in listed.stdout
    for raw in (b"\x1b", b"\x07", "\u202e".encode()):
        assert raw not in listed.stdout
    result = resume(outdir, lines=[])
    assert result.returncode == 3, result.stderr
    for raw in (b"\x1b]0", b"\x07", "\u202e".encode(), b"pwned"):
        assert raw not in result.stdout
    record = json.loads(find_record_file(outdir).read_text())
    text = json.dumps(record, ensure_ascii=False)
    assert "\x1b" not in text and "\u202e" not in text and "pwned" not in text
    assert "Aisha Khan" in text
