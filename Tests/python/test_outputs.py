"""The letters (issue 5): re-rendering, layout, and hostile text kept inert.

- `render RECORD.json --format ...` (to stdout and with `--out DIR`) gives
  the bytes written at interview time, from the record alone.
- Plain text fits 80 columns; HTML is one self-contained page; the Markdown
  letter has every mandatory PRSB heading of seeds/letter.yaml in order and
  says what the record says (answers, "Not known", "Declined", urgency, delay
  risk, reasons, decision deadline, safety advice, disclaimer).
- HTML, Markdown and terminal escapes typed as answers (or edited into a
  record) never become markup, links, headings or control bytes.
"""
import datetime
import html
import json
import re
import subprocess
import unicodedata
from html.parser import HTMLParser

import pytest

from conftest import (
    CANCER_CASE, CHEST_PAIN_CASE, RELATIVE_CASE, SEEDS, base_env, case_arguments, case_lines, run_piped,
    run_case_library,
)

FIXED_ID = "SO-20261125T100000Z-00000000"
FORMATS = {"markdown": "md", "text": "txt", "html": "html", "fhir": "fhir.json"}
DISCLAIMER = "This triage supports, and does not replace, a clinician's judgement"

ESC = "\x1b"
HOSTILE_HTML = "<script>alert(1)</script> then <img src=x onerror=alert(1)>"
HOSTILE_MD = "[click](http://evil.example) **bold** `code` | table | ~~gone~~"
HOSTILE_ESC = (ESC + "[31mred" + ESC + "[0m " + ESC + "]0;x\x07title "
               + ESC + "]8;;http://x\x07link" + ESC + "]8;;\x07")
HOSTILE_C1 = "night\x07 \u009b31m urine\x08 \u202eevil"
HOSTILE_LINKS = "Tamsulosin & <b>x</b> www.evil.example mail@evil.example <http://evil.example>"


def hostile_lines():
    """A patient interview (case 010, but 66 years old) whose free-text answers
    are hostile, typed as the interview asks for them."""
    return case_lines(
        CANCER_CASE,
        date_of_birth="25/11/1960",
        gp_practice="Riverside " + HOSTILE_HTML,
        diagnosis=HOSTILE_MD,
        first_clinician="# heading",
        treatment_description=HOSTILE_ESC,
        treatment_so_far=HOSTILE_LINKS,
        symptoms=HOSTILE_C1,
        medications="> quoted <!-- comment -->",
        allergies="penicillin ![img](http://evil.example/x.png)",
        question_1=HOSTILE_HTML,
        question_2=HOSTILE_MD,
        question_3=HOSTILE_ESC,
        hopes="# heading",
        route_limits="| a | b |",
    )


# ---------------------------------------------------------------- helpers

def letter_layout():
    """Headings (id, title, mandatory) of seeds/letter.yaml, in order (a small
    reader for its simple layout: no YAML library is needed)."""
    headings, inside = [], False
    for line in (SEEDS / "letter.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("headings:"):
            inside = True
            continue
        if inside and line and not line.startswith(" "):
            break
        if not inside:
            continue
        match = re.match(r'\s*-?\s*(id|title|mandatory|shownIn):\s*(.*)$', line)
        if not match:
            continue
        key, value = match.groups()
        if key == "id":
            headings.append({"id": value.strip(), "shownIn": None})
        elif key == "title":
            headings[-1]["title"] = json.loads(value) if value.startswith('"') else value.strip()
        elif key == "shownIn":
            headings[-1]["shownIn"] = value.strip()
        else:
            headings[-1]["mandatory"] = value.strip() == "true"
    assert headings and all("title" in h for h in headings)
    return headings


def md_escape(text):
    """The escaping of MarkdownLetter.escape, for comparing expected text."""
    out = []
    for i, ch in enumerate(text):
        if ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "&" and re.match(r"#?[A-Za-z0-9]+;", text[i + 1:i + 34]):
            out.append("\\&")  # only where it could start an entity: "A&E" stays as written
        elif (ch == "@" and 0 < i < len(text) - 1 and (text[i - 1].isalnum() or text[i - 1] in "._%+-")
              and (text[i + 1].isalnum() or text[i + 1] in ".-")):
            out.append("`@`")  # an address's @ as a code span, which no renderer links across
        elif ch == "_" and 0 < i < len(text) - 1 and ascii_alnum(text[i - 1]) and ascii_alnum(text[i + 1]):
            out.append(ch)  # inside a word an underscore cannot make emphasis
        elif ch in "\\`*_[]#|~@":
            out.append("\\" + ch)
        elif ch == ":" and text[i + 1:i + 3] == "//":
            out.append("\\:")
        elif ch == "." and i >= 3 and text[i - 3:i].lower() == "www":
            out.append("\\.")
        else:
            out.append(ch)
    return "".join(out)


def ascii_alnum(ch):
    return ch.isascii() and ch.isalnum()


def shown(answer):
    """Whether the letter shows an answer: not skipped, not only "none"."""
    if answer["state"] == "skipped":
        return False
    value = answer["value"]
    if answer["type"] == "single_choice" and value == "none":
        return False
    if answer["type"] == "multiple_choice" and isinstance(value, list) and value and set(value) <= {"none"}:
        return False
    return True


def deciding_reasons(triage, tree):
    """The sentences of the steps that decided a tree, as the letter prints them."""
    steps = [step for step in triage["path"] if step["tree"] == tree]
    deciding = [step for step in steps if step["result"] in ("yes", "unknown")]
    return [step["reason"] for step in (deciding or steps[-1:])]


def html_escape(text):
    """The escaping of HTMLLetter.escape."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&#39;"))


def long_date(iso):
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def columns(line):
    """Terminal columns: East Asian wide and full-width characters take two."""
    width = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def check_text_width(text, name):
    for number, line in enumerate(text.split("\n"), 1):
        if columns(line) > 80:
            assert len(line.split()) == 1, f"{name}:{number} is {columns(line)} columns: {line!r}"


def unwrap_text(text):
    """Joins the plain letter's wrapped lines back into one line per entry."""
    lines = []
    for line in text.split("\n"):
        if lines and re.match(r"^ {4,5}\S", line) and lines[-1].strip():
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return [" ".join(line.split()) for line in lines]


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text, self.stack, self.comments = [], [], [], [], []
        self.style = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.style += data
        else:
            self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse_page(page):
    parser = PageParser()
    parser.feed(page)
    parser.close()
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section", "dl", "dt", "dd",
                "ol", "ul", "li", "footer", "strong", "em", "br"}
ALLOWED_ATTRS = {("html", "lang"), ("meta", "charset"), ("meta", "http-equiv"), ("meta", "content"),
                 ("p", "class"), ("p", "role"), ("section", "class"), ("dd", "class")}


def check_page(page, name):
    """One self-contained, script-free page with print styling."""
    assert page.startswith("<!DOCTYPE html>"), name
    assert page.count("<html") == 1 and page.count("<body") == 1 and page.rstrip().endswith("</html>")
    parsed = parse_page(page)
    assert set(parsed.tags) <= ALLOWED_TAGS, f"{name}: unexpected tags {set(parsed.tags) - ALLOWED_TAGS}"
    for tag, attr, value in parsed.attrs:
        assert (tag, attr) in ALLOWED_ATTRS, f"{name}: <{tag} {attr}={value!r}>"
    assert "<script" not in page.lower()
    assert "@media print" in parsed.style
    for needle in ("url(", "@import", "http:", "https:", "//"):
        assert needle not in parsed.style, f"{name}: external resource in the style: {needle}"
    csp = [v for t, a, v in parsed.attrs if a == "content" and "default-src" in (v or "")]
    assert csp and "default-src 'none'" in csp[0]
    assert not parsed.comments
    return parsed


def run_interview(outdir, lines, *args, status=0):
    result = run_piped(["interview", "--out", str(outdir), "--format", *FORMATS, *args], lines)
    assert result.returncode == status, (result.stdout.decode(errors="replace")[-3000:]
                                         + result.stderr.decode(errors="replace"))
    files = {ext: (outdir / FIXED_ID / f"{FIXED_ID}.{ext}").read_bytes() for ext in ["json", *FORMATS.values()]}
    return result, json.loads(files["json"]), files


def render(binary, record_path, *args):
    return subprocess.run([binary, "render", str(record_path), *args], capture_output=True, timeout=30,
                          env=base_env())


@pytest.fixture(scope="module")
def case_letters(binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("case-letters")
    return folder, run_case_library(binary, folder)


@pytest.fixture(scope="module")
def receptionist(tmp_path_factory):
    folder = tmp_path_factory.mktemp("receptionist")
    return run_interview(folder, case_lines(RELATIVE_CASE), *case_arguments(RELATIVE_CASE))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return run_interview(folder, hostile_lines())


# ---------------------------------------------------------------- re-rendering

def test_render_reproduces_each_format_from_the_record_alone(binary, outdir):
    _, record, files = run_interview(outdir, case_lines(CANCER_CASE))
    # A copy of the record alone, in another folder: nothing else is read.
    alone = outdir.parent / "alone"
    alone.mkdir()
    copy = alone / "record.json"
    copy.write_bytes(files["json"])
    for fmt, ext in FORMATS.items():
        result = render(binary, copy, "--format", fmt)
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout == files[ext], f"render --format {fmt} differs from the interview's .{ext}"
    everything = render(binary, copy, "--format", *FORMATS)
    assert everything.returncode == 0
    assert everything.stdout == b"".join(files[ext] for ext in FORMATS.values())


def test_render_out_writes_every_format_owner_only(binary, outdir, tmp_path):
    _, record, files = run_interview(outdir, case_lines(CANCER_CASE))
    target = tmp_path / "rendered" / "letters"
    result = render(binary, outdir / FIXED_ID / f"{FIXED_ID}.json", "--format", *FORMATS, "--out", str(target))
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{FIXED_ID}.{ext}" for ext in FORMATS.values())
    for ext in FORMATS.values():
        path = target / f"{FIXED_ID}.{ext}"
        assert path.read_bytes() == files[ext]
        assert path.stat().st_mode & 0o777 == 0o600
        assert str(path) in result.stdout.decode()
    assert target.stat().st_mode & 0o777 == 0o700


def test_render_out_never_overwrites_and_leaves_nothing_partial(binary, outdir, tmp_path):
    run_interview(outdir, case_lines(CANCER_CASE))
    target = tmp_path / "letters"
    target.mkdir(mode=0o700)
    existing = target / f"{FIXED_ID}.html"
    existing.write_text("keep me\n")
    result = render(binary, outdir / FIXED_ID / f"{FIXED_ID}.json", "--format", *FORMATS, "--out", str(target))
    assert result.returncode == 7
    assert "already exists" in result.stderr.decode()
    assert existing.read_text() == "keep me\n"
    assert sorted(p.name for p in target.iterdir()) == [existing.name]


def test_render_refuses_a_record_whose_id_is_not_an_id(binary, outdir, tmp_path):
    """The id names the files `--out` writes: `../x` must not escape the folder."""
    _, record, _ = run_interview(outdir, case_lines(CHEST_PAIN_CASE), status=3)
    record["id"] = "../../escaped"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    target = tmp_path / "a" / "b"
    result = render(binary, path, "--format", "markdown", "--out", str(target))
    assert result.returncode == 1
    assert "id" in result.stderr.decode()
    assert not (tmp_path / "escaped.md").exists() and not target.exists()
    assert render(binary, tmp_path / "missing.json").returncode == 1
    record["id"] = FIXED_ID
    record["schemaVersion"] = "2.0.0"
    path.write_text(json.dumps(record), encoding="utf-8")
    newer = render(binary, path, "--format", "markdown")
    assert newer.returncode == 1 and "2.0.0" in newer.stderr.decode() and not newer.stdout


def test_case_letters_render_to_the_same_bytes(binary, case_letters):
    folder, names = case_letters
    for name in names:
        for fmt, ext in FORMATS.items():
            result = render(binary, folder / f"{name}.json", "--format", fmt)
            assert result.returncode == 0, result.stderr.decode()
            assert result.stdout == (folder / f"{name}.{ext}").read_bytes(), f"{name}.{ext}"


# ---------------------------------------------------------------- layout

def all_letters(case_letters, receptionist, hostile):
    folder, names = case_letters
    for name in names:
        record = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        yield name, record, {ext: (folder / f"{name}.{ext}").read_bytes() for ext in FORMATS.values()}
    yield "receptionist", receptionist[1], receptionist[2]
    yield "hostile", hostile[1], hostile[2]


def test_plain_text_fits_80_columns(case_letters, receptionist, hostile):
    for name, _, files in all_letters(case_letters, receptionist, hostile):
        check_text_width(files["txt"].decode("utf-8"), name)


def test_plain_text_counts_wide_characters_as_two_columns(outdir):
    lines = case_lines(CANCER_CASE)
    question = lines.index("Is surgery the only option?")
    lines[question] = " ".join(["手術は", "唯一の", "選択肢", "ですか", "他の", "治療法は", "ありますか"] * 3)
    _, _, files = run_interview(outdir, lines)
    check_text_width(files["txt"].decode("utf-8"), "wide")


def test_html_is_one_self_contained_page(case_letters, receptionist, hostile):
    for name, _, files in all_letters(case_letters, receptionist, hostile):
        check_page(files["html"].decode("utf-8"), name)


def markdown_headings(markdown):
    return [line[3:] for line in markdown.split("\n") if line.startswith("## ")]


def test_markdown_has_the_mandatory_headings_in_order(case_letters, receptionist, hostile):
    layout = letter_layout()
    order = [h["title"] for h in layout if not h["shownIn"]]
    mandatory = [h["title"] for h in layout if h["mandatory"] and not h["shownIn"]]
    assert "Clinical urgency and delay risk" in mandatory and len(mandatory) >= 15
    for name, _, files in all_letters(case_letters, receptionist, hostile):
        markdown = files["md"].decode("utf-8")
        headings = markdown_headings(markdown)
        assert [h for h in headings if h in mandatory] == mandatory, name
        assert all(h in order for h in headings), f"{name}: a heading not in letter.yaml"
        assert headings == sorted(headings, key=order.index), f"{name}: headings out of order"
        # The same headings, in the same order, in the other letters.
        page = parse_page(files["html"].decode("utf-8"))
        assert [h for h in headings] == [html.unescape(t) for t in re.findall(
            r"<h2>(.*?)</h2>", files["html"].decode("utf-8"))], name
        # The plain letter's headings are in capitals, each on its own line after a blank one.
        text_lines = files["txt"].decode("utf-8").split("\n")
        capitals = {h.upper() for h in order}
        in_text = [text_lines[i] for i in range(1, len(text_lines)) if not text_lines[i - 1]
                   and text_lines[i] in capitals]
        assert in_text == [h.upper() for h in headings], name
        assert page.text


def test_letters_say_what_the_record_says(case_letters, receptionist, hostile):
    for name, record, files in all_letters(case_letters, receptionist, hostile):
        markdown = files["md"].decode("utf-8")
        page = files["html"].decode("utf-8")
        text = unwrap_text(files["txt"].decode("utf-8"))
        summary_headings = {h["id"] for h in letter_layout() if h["shownIn"]}
        for answer in record["answers"]:
            label, display = answer["label"], answer["display"]
            if not shown(answer):
                # Skipped and "none of these" answers are padding: left out.
                assert f"**{md_escape(label)}:**" not in markdown, f"{name}: {label} is padding"
                continue
            if answer["heading"] in summary_headings:
                # The patient's questions: the summary's numbered list.
                assert re.search(rf"^\d+\. {re.escape(md_escape(display))}$", markdown, re.M), f"{name}: {label}"
                assert f"<li>{html_escape(display)}</li>" in page, f"{name}: {label}"
                continue
            assert f"- **{md_escape(label)}:** {md_escape(display)}\n" in markdown, f"{name}: {label}"
            assert f"<dt>{html_escape(label)}</dt><dd>{html_escape(display)}</dd>" in page, f"{name}: {label}"
            assert " ".join(f"{label}: {display}".split()) in text, f"{name}: {label}"
        triage = record["triage"]
        assert markdown.count("- **Urgency:** ") == 1, f"{name}: the urgency once"
        assert f"- **Urgency:** {triage['urgency'].capitalize()}" in markdown
        assert f"- **Delay risk:** {triage['delayRisk'].capitalize()}\n" in markdown
        # The reasons are the trees' own sentences, not "Urgency urgent: ...".
        for tree, label in (("urgency", "Why this urgency"), ("delayRisk", "Why this delay risk")):
            reasons = " ".join(deciding_reasons(triage, tree))
            assert f"- **{label}:** {md_escape(reasons)}\n" in markdown, f"{name}: {tree} reasons"
        for reason in triage["reasons"]:
            assert md_escape(reason) not in markdown, f"{name}: {reason[:30]}"
        deadline = triage.get("decisionDeadline")
        if deadline and not deadline.get("dueNow"):
            # The date to decide by, however it was reached (a decision date,
            # or the treatment date less the margin).
            assert f"Decide by {long_date(deadline['decideBy'])}" in markdown
        elif deadline:
            assert "due now" in markdown.lower()
        else:
            assert "Decide by" not in markdown
        for advice in record["safetyAdvice"]:
            # Emergency and crisis advice in full; the rest by its title.
            if advice["id"] in ("emergency_physical", "mental_health_crisis"):
                assert md_escape(f"{advice['title']}: {advice['text']}") in markdown, f"{name}: advice"
            else:
                assert f"{md_escape(advice['title'])} (shown;" in markdown, f"{name}: advice"
        assert DISCLAIMER in markdown and DISCLAIMER in " ".join(text)
        assert html_escape(DISCLAIMER) in page
        if record["status"] == "emergency":
            assert "EMERGENCY" in markdown and 'class="emergency"' in page and "!! EMERGENCY" in "\n".join(text)


def test_not_known_and_declined_are_shown_as_such(receptionist):
    markdown = receptionist[2]["md"].decode("utf-8")
    assert "- **NHS number:** Declined (preferred not to say)\n" in markdown
    assert "- **Postcode:** Declined (preferred not to say)\n" in markdown
    assert "- **GP practice:** Not known" in markdown
    assert "- **Allergies and reactions:** Not known" in markdown
    assert "- **Taking part in research or a clinical trial:** Declined (preferred not to say)\n" in markdown
    assert "Receptionist Alex Reception" in markdown


def test_the_cancer_case_letter(case_letters):
    folder, names = case_letters
    name = next(n for n in names if n.startswith("010-"))
    markdown = (folder / f"{name}.md").read_text(encoding="utf-8")
    assert "- **Urgency:** Urgent: within 2 weeks\n" in markdown
    assert "- **Delay risk:** High\n" in markdown
    assert "Decide by 7 January 2027, before the planned treatment on 14 January 2027" in markdown
    assert "1. Is surgery the only option?\n" in markdown
    assert "While you wait (shown; its wording is in the record)" in markdown


# ---------------------------------------------------------------- hostile text

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def check_inert_bytes(data, name):
    assert b"\x1b" not in data, f"{name}: ESC"
    found = CONTROL.search(data.decode("utf-8"))
    assert not found, f"{name}: control character U+{ord(found.group()):04X}"


def test_hostile_answers_leave_no_control_bytes_anywhere(hostile):
    result, record, files = hostile
    for ext, data in files.items():
        check_inert_bytes(data, ext)
    check_inert_bytes(result.stdout, "stdout")
    check_inert_bytes(result.stderr, "stderr")
    answers = {a["questionId"]: a for a in record["answers"]}
    assert answers["treatment_description"]["typed"] == "red title link"
    assert answers["question_3"]["display"] == "red title link"
    # BEL, backspace and the bidi override go; the C1 CSI takes its parameters with it.
    assert " ".join(answers["symptoms"]["display"].split()) == "night urine evil"


def test_hostile_answers_are_escaped_in_markdown(hostile):
    markdown = hostile[2]["md"].decode("utf-8")
    assert "<script" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "<!--" not in markdown and "<http" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert r"\[click\](http\://evil.example) \*\*bold\*\* \`code\` \| table \| \~\~gone\~\~" in markdown
    # No link: no unescaped bracket, no bare address GFM would autolink.
    assert not re.search(r"(?<!\\)[\[\]]", markdown)
    assert not re.search(r"(?<!\\)://", markdown) and not re.search(r"(?i)www\.", markdown)
    # An @ inside an address is written as a code span (`@`): the autolinker
    # finds addresses after escapes are undone, and never links across one.
    plain = markdown.replace("`@`", "")
    assert not re.search(r"(?<!\\)@", plain)
    assert not re.search(r"(?<!\\)`", plain)
    # No heading, table, quote or emphasis made from an answer.
    layout_titles = {h["title"] for h in letter_layout()}
    for line in markdown.split("\n"):
        if line.startswith("#"):
            assert line.startswith("# Referral") or line[3:] in layout_titles, line
        assert not line.startswith("|") and not line.startswith(">"), line
    assert "- **Clinician and service:** \\# heading\n" in markdown
    assert "- **Limits on travel or cost:** \\| a \\| b \\|\n" in markdown
    assert "- **Medicines:** &gt; quoted &lt;!-- comment --&gt;\n" in markdown
    emphasis = re.findall(r"(?<!\\)\*\*(.*?)(?<!\\)\*\*", markdown)
    assert all(e.endswith(":") for e in emphasis), "only the labels are bold"


def test_hostile_answers_are_escaped_in_html(hostile):
    page = hostile[2]["html"].decode("utf-8")
    parsed = check_page(page, "hostile")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    text = "".join(parsed.text)
    # The answers are shown as the text they are, not dropped.
    assert "<script>alert(1)</script> then <img src=x onerror=alert(1)>" in text
    assert HOSTILE_MD in text
    assert "Tamsulosin & <b>x</b> www.evil.example" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_hostile_answers_are_plain_in_text_and_json(hostile):
    _, record, files = hostile
    text = files["txt"].decode("utf-8")
    assert "<script>alert(1)</script>" in text  # plain text is inert as it is
    assert "[click](http://evil.example)" in text
    bundle = json.loads(files["fhir.json"])
    strings = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            strings.append(value)

    walk(bundle)
    walk(record)
    assert any("<script>alert(1)</script>" in s for s in strings)
    assert not any(CONTROL.search(s) for s in strings)


def test_hostile_operator_name_is_inert(tmp_path):
    name = "<script>alert(1)</script> " + ESC + "[31mEve" + ESC + "]8;;http://x\x07 [x](http://evil.example)"
    _, record, files = run_interview(tmp_path / "out", case_lines(RELATIVE_CASE), "--mode", "receptionist",
                                     "--operator", name)
    for ext, data in files.items():
        check_inert_bytes(data, ext)
    assert record["completedBy"]["name"] == "<script>alert(1)</script> Eve [x](http://evil.example)"
    assert "<script" not in files["md"].decode() and "<script" not in files["html"].decode()
    assert not re.search(r"(?<!\\)://", files["md"].decode())


def test_a_record_edited_by_hand_still_renders_inert(binary, hostile, tmp_path):
    """Render reads a file anyone could edit: control bytes put back into it stay out of every letter."""
    record = json.loads(hostile[2]["json"])
    evil = ESC + "[2J" + ESC + "]0;pwned\x07\u009b31m\x00\x7f"
    for answer in record["answers"]:
        answer["display"] = evil + answer["display"] + evil
        answer["label"] = evil + answer["label"]
    record["triage"]["reasons"] = [evil + r for r in record["triage"]["reasons"]]
    record["safetyAdvice"][0]["text"] = evil + record["safetyAdvice"][0]["text"]
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    for fmt in FORMATS:
        result = render(binary, path, "--format", fmt)
        assert result.returncode == 0, result.stderr.decode()
        check_inert_bytes(result.stdout, fmt)
        if fmt == "fhir":
            assert "\\u001b" not in result.stdout.decode()
    page = render(binary, path, "--format", "html").stdout.decode()
    check_page(page, "edited")
