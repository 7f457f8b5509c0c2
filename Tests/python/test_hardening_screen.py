"""What leaves the screen (docs/reliability.md, "The screen").

The kiosk clears the review and every answer from the screen and scrollback
at submit (not when the next patient starts, up to 150 s later); `explain`,
`drafts` and `resume` make every text from a file inert exactly as typed text
is; and no Markdown renderer, GitHub's cmark-gfm with its autolink extension
included, makes a link from a person's answer.
"""
import json
import shutil
import subprocess

import pytest

from _hardening import ALL_FORMATS, FIXED_ID, find_record_file, run, script, write_draft
from _pty_helpers import Tmux, pty_env

CMARK = shutil.which("cmark-gfm")
RAW = [b"\x1b", b"\x07", "\u202e".encode(), b"\x9b", "\u009d".encode()]
# Sequences that set the title, write the clipboard, clear the screen and
# scrollback, and reverse what follows; then a visible word.
CONTROLS = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[3J\u202e"
HOSTILE = CONTROLS + "evil\u202c"

# Answers with every kind of text a Markdown renderer could make a link from,
# in place of the free-text answers of the cancer case.
LINKS = {
    "Dr Patel, St James's Hospital":
        "Dr Patel sam.taylor@example.com mailto:sam@example.org xmpp:sam@chat.example.net/home",
    "Radical prostatectomy":
        "Radical prostatectomy, see www.example.com and http://example.com/x or https://example.org ftp://f.example.net",
    "Tamsulosin for two months":
        "Tamsulosin <http://example.com> [notes](http://example.com) ![scan](http://example.com/i.png) <sam@example.com>",
    "Needing to pass urine at night":
        'At night <a href="http://example.com">here</a> &lt;a href=x&gt; WWW.EXAMPLE.COM/x',
    "Is surgery the only option?": "Is surgery the only option? ask dr_smith+x@nhs.example.uk.",
    "What about active surveillance?": "What about [x][1] and [1]: http://example.com and foo@bar.baz",
}


def test_the_kiosk_clears_the_review_from_the_screen_at_submit(tmp_path):
    outdir = tmp_path / "out"
    tmux = Tmux()
    try:
        tmux.start(["kiosk", "--languages", "en", "--out", outdir, "--idle-timeout", "60", "--idle-warning", "5"],
                   env=pty_env(SECOND_OPINION_NOW=""))
        tmux.wait_for(lambda s: s.endswith("Press Enter to start.\n>"), what="the welcome screen")
        tmux.keys("Enter")
        tmux.question()
        tmux.answer_until_review(choose=lambda body, hint: "Robin Ashworth" if "full name" in body else None)
        assert "Robin Ashworth" in tmux.everything()
        tmux.type("submit")
        tmux.keys("Enter")
        tmux.wait_for("Thank you. Please let the reception desk know you have finished.")
        tmux.wait_last_line("[Press Enter to finish]")
        shown = tmux.everything()
    finally:
        tmux.close()
    for secret in ("Robin Ashworth", "SW1A 1AA", "Please check your answers", "[Section ", "submit"):
        assert secret not in shown, f"{secret!r} stays on the thank-you screen:\n{shown}"
    [folder] = [p for p in outdir.iterdir()]
    record = json.loads((folder / f"{folder.name}.json").read_text())
    assert record["status"] == "complete"
    # The closing advice the interview gave stays, shown again after the clear.
    for advice in record["safetyAdvice"]:
        assert advice["title"] in shown, f"{advice['title']!r} is no longer on the screen"


def test_explain_makes_a_records_text_inert(tmp_path):
    outdir = tmp_path / "out"
    assert run(["interview", "--out", outdir], lines=script()).returncode == 0
    path = find_record_file(outdir)
    record = json.loads(path.read_text())
    triage = record["triage"]
    for step in triage["path"]:
        step["reason"] = HOSTILE + step["reason"]
        step["ask"] = HOSTILE + step["ask"]
    triage["assumptions"] = [HOSTILE + a for a in triage["assumptions"]]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(record, ensure_ascii=False))
    result = run(["explain", edited])
    assert result.returncode == 0, result.stderr
    for raw in RAW:
        assert raw not in result.stdout, f"{raw!r} reached the terminal"
    assert b"evil" in result.stdout and b"Urgency:" in result.stdout
    assert b"  1. " in result.stdout, "indentation is kept"


def test_drafts_and_resume_make_a_drafts_text_inert(tmp_path):
    outdir = tmp_path / "out"
    write_draft(outdir, FIXED_ID, operator=CONTROLS + "Aisha Khan", answers=[("red_flags", CONTROLS + "none")],
                waitingAt="full_name")
    listed = run(["drafts", "--out", outdir])
    assert listed.returncode == 0, listed.stderr
    resumed = run(["resume", FIXED_ID, "--out", outdir], lines=[])
    for result in (listed, resumed):
        for raw in RAW:
            assert raw not in result.stdout and raw not in result.stderr, f"{raw!r} reached the terminal"
    assert b"Aisha Khan" in listed.stdout and b"1 answer restored" in resumed.stdout


@pytest.mark.parametrize("options", [["--extension", "autolink"], [
    "--unsafe", "--extension", "autolink", "--extension", "table", "--extension", "strikethrough",
    "--extension", "tagfilter", "--extension", "tasklist"]], ids=["autolink", "all-extensions-unsafe"])
def test_no_markdown_renderer_makes_a_link_from_an_answer(tmp_path, options):
    if CMARK is None:
        raise AssertionError("cmark-gfm is needed (Scripts/bootstrap installs it: apt-get install cmark-gfm)")
    lines = script()
    replaced = [LINKS.get(line, line) for line in lines]
    assert sum(a != b for a, b in zip(lines, replaced)) >= 5, "the case's free-text answers were not found"
    outdir = tmp_path / "out"
    result = run(["interview", "--out", outdir, *ALL_FORMATS], lines=replaced)
    assert result.returncode == 0, result.stderr
    markdown = find_record_file(outdir, "md")
    html = subprocess.run([CMARK, *options, str(markdown)], capture_output=True, check=True).stdout.decode()
    assert "<a" not in html and "<img" not in html, [line for line in html.splitlines() if "<a" in line or "<img" in line]
    # The text itself is all there, only inert.
    for text in ("sam.taylor", "example.com", "dr_smith+x", "WWW.EXAMPLE.COM/x", "mailto:sam"):
        assert text in html, text
    assert html.count("@") >= 6
