"""A whole interview in Welsh, and the screen shows no English.

The kiosk on an 80x25 pseudo-terminal: Cymraeg is chosen on the welcome
screen, then every question is answered in Welsh (`dim un`, a name, dates in
Welsh month words, `ie`/`na`, choices by number and by a Welsh word, a wrong
date refused, `?` for help), the review is paged through and submitted. And a
receptionist's interview at the desk (`interview --mode receptionist
--language cy`), piped one answer a line, against a golden transcript.

What the screen shows from the choice of language to the end (the bytes, with
escape sequences taken out) is checked two ways:
- no English string of seeds/interview.yaml is shown (a string, or for a
  longer one any two of its words in a row that no Welsh string also has);
- no English word is shown that is not in seeds/ at all: a word GNU Aspell
  knows in English (en_GB) and not in Welsh, that no Welsh string of
  seeds/languages/cy/ uses and that was not typed. That finds what the
  program says from its Swift code rather than from seeds/.
and every Welsh question asked, its choices, and the help asked for are shown.
"""
import io
import os
import re
import shutil
import signal
import subprocess

import pytest
import yaml

from _pty_helpers import spawn, pty_env, records
from _seed_strings import LANGUAGES, english_strings, translation_files, translation_strings, without_placeholders
from conftest import REPO, SEEDS, run_piped, base_env

pytestmark = pytest.mark.usefixtures("binary")

WIDTH, HEIGHT = 80, 25
TIMEOUT = 15
GOLDEN = REPO / "Tests" / "EndToEndTests" / "Golden" / "welsh-receptionist.transcript"
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]|\x1b.")
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
LETTERS = re.compile(r"[^\W\d_]")


# ---------------------------------------------------------------------------
# The seeds, as the test reads them (never the program's own reading).
# ---------------------------------------------------------------------------


def welsh_definition():
    """The Welsh files of seeds/languages/cy/ merged as the loader merges them."""
    merged = {}
    for path in translation_files("cy"):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key].update(value)
            else:
                merged[key] = value
    return merged


CY = welsh_definition()
BASE = yaml.safe_load((SEEDS / "interview.yaml").read_text(encoding="utf-8"))
QUESTIONS = {q["id"]: q for q in BASE["questions"]}


def voice(value, which="patient"):
    if isinstance(value, dict):
        return value.get(which) or value.get("patient")
    return value


def flat(text):
    return " ".join(text.split())


def wording(key, which="patient"):
    return voice(CY["wording"][key], which)


def pattern(text, **groups):
    """A regex for a wording with {placeholders} (each any text, or the regex
    `groups` gives it, as a group of its name), whitespace as any run of it."""
    parts = re.split(r"(\{[A-Za-z]+\})", flat(text))
    out = []
    for part in parts:
        if re.fullmatch(r"\{[A-Za-z]+\}", part):
            name = part[1:-1]
            out.append("(?P<%s>%s)" % (name, groups[name]) if name in groups else r".+?")
        else:
            out.append(r"\s+".join(re.escape(w) for w in part.split(" ")) if part.strip() else r"\s*")
    return "".join(out)


def screen_text(raw):
    """What a person reads: escape sequences and other controls taken out, lines kept."""
    return CONTROLS.sub("", ESCAPES.sub("", raw).replace("\r\n", "\n").replace("\r", "\n"))


# ---------------------------------------------------------------------------
# What English on the screen is.
# ---------------------------------------------------------------------------


def words_of(text):
    return re.findall(r"\w+(?:['’-]\w+)*", text.lower())


def welsh_vocabulary():
    """Every word of the Welsh prose (the commands the Welsh names as typed included)."""
    return {w for s in translation_strings("cy") for w in words_of(without_placeholders(s.text))}


def welsh_runs(n):
    runs = set()
    for s in translation_strings("cy"):
        w = words_of(without_placeholders(s.text))
        runs |= {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}
    return runs


def english_from_seeds(shown, typed):
    """The English strings of seeds/interview.yaml on the screen: each whole
    string of two or three words, and for a longer one any three words of it in
    a row (each with letters) that no Welsh string and no typed answer has. Each
    is named once, with the screen's line and the strings it is from."""
    lines = [" ".join(words_of(line)) for line in shown.split("\n")]
    screen = " ".join(words_of(shown))
    typed_words = " ".join(words_of(" ".join(typed)))
    kept = welsh_runs(3) | welsh_runs(2)
    found = {}
    for key, text in sorted(english_strings().items()):
        w = words_of(without_placeholders(text))
        if len(w) < 2:
            continue
        if len(w) < 4:
            pieces = {" ".join(w)}
        else:
            pieces = {" ".join(w[i : i + 3]) for i in range(len(w) - 2)}
            pieces = {p for p in pieces if all(LETTERS.search(x) for x in p.split(" "))}
        for piece in pieces:
            if piece in kept or piece in typed_words:
                continue
            if re.search(r"(?<!\w)%s(?!\w)" % re.escape(piece), screen):
                found.setdefault(piece, []).append(".".join(key))
    out = []
    for piece, keys in sorted(found.items()):
        line = next((l for l in shown.split("\n") if piece in " ".join(words_of(l))), "(over two lines)")
        more = " and %d more" % (len(keys) - 1) if len(keys) > 1 else ""
        out.append("%r (from %s%s) on the line: %s" % (piece, keys[0], more, line.strip()))
    del lines
    return out


def aspell_known(words, language):
    """The words aspell knows in `language` (it fails when aspell or the dictionary is missing)."""
    aspell = shutil.which("aspell")
    assert aspell, "aspell is missing: Scripts/bootstrap installs it"
    args = [aspell, "-l", language, "--encoding=utf-8"]
    if language == "cy":
        args.append("--personal=%s" % (LANGUAGES / "cy" / "aspell-words.txt").resolve())
    done = subprocess.run([*args, "list"], input="\n".join(words) + "\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    unknown = set(done.stdout.split())
    return {w for w in words if w not in unknown}


def english_not_in_seeds(shown, typed):
    """The lines of the screen with an English word seeds/ has no Welsh for:
    a word (of letters, perhaps with an apostrophe) in no Welsh string and not
    typed, that aspell knows in English (en_GB) and not in Welsh. Each line
    once, with its English words."""
    welsh = welsh_vocabulary() | {w for t in typed for w in words_of(t)}

    def tokens(line):
        found = re.findall(r"\w+(?:['’]\w+)*", line)
        return [w for w in found if len(w) > 1 and not re.search(r"[\d_]", w) and w.lower() not in welsh]

    candidates = sorted({w for line in shown.split("\n") for w in tokens(line)})
    english = aspell_known(candidates, "en_GB") - aspell_known(candidates, "cy")
    out = []
    for line in shown.split("\n"):
        hits = [w for w in tokens(line) if w in english]
        entry = "%s   [English: %s]" % (line.strip(), ", ".join(dict.fromkeys(hits)))
        if hits and entry not in out:
            out.append(entry)
    return out


# ---------------------------------------------------------------------------
# The kiosk.
# ---------------------------------------------------------------------------

PROMPT = "\r\n> "
PROGRESS_RE = re.compile(pattern(wording("progress"), number=r"\d+"))
# What is typed, by question id, in order: a list is several tries, each but
# the last expected to be refused (or, for ?, to show the help).
TYPED = {
    "red_flags": ["?", "dim un"],
    "full_name": ["Elin Siân ap Dafydd"],
    "date_of_birth": ["31 Chwefror 1970", "25 Tachwedd 1970"],
    "sex": ["benyw"],
    "nhs_number": ["943 476 5919"],
    "postcode": ["CF10 3AT"],
    "phone": ["07700 900123"],
    "gp_practice": ["Meddygfa'r Bont, Caerdydd"],
    "pregnant": ["na"],
    "reason": ["1, 5"],
    "care_setting": ["gig"],
    "diagnosis": ["Canser y fron"],
    "first_clinician": ["Dr Patel, Ysbyty Athrofaol Cymru"],
    "diagnosis_date": ["3 Hydref 2026"],
    "cancer_status": ["amheuaeth"],
    "treatment_proposed": ["ie"],
    "treatment_description": ["Mastectomi"],
    "treatment_irreversible": ["ie"],
    "treatment_date": ["14 Ionawr 2027"],
    "treatment_date_movable": ["ddim yn siŵr"],
    "decision_date": [""],
    "treatment_so_far": [""],
    "symptoms": ["Lwmp yn y fron"],
    "symptom_trend": ["2"],
    "pain": ["na"],
    "alarm_symptoms": ["dim un"],
    "medications": ["dim"],
    "allergies": ["penisilin"],
    "records_held": ["1, 2"],
    "records_requested": ["dim un"],
    "samples_location": [""],
    "question_1": ["Oes dewis arall yn lle llawdriniaeth?"],
    "question_2": [""],
    "hopes": ["Hyder yn y cynllun"],
    "route": ["preifat"],
    "route_limits": [""],
    "payer": ["1"],
    "research": ["na"],
    "consent_share": ["ie"],
}


def default_answer(qid):
    """For a question TYPED does not name: an answer of its type, in Welsh."""
    q = QUESTIONS[qid]
    if q.get("optional"):
        return ""
    kind = q["type"]
    if kind == "yes_no":
        return "na"
    if kind == "multiple_choice":
        return "dim un" if any(c["id"] == "none" for c in q.get("choices", [])) else "1"
    if kind == "single_choice":
        return "1"
    if kind == "date":
        return "1 Mawrth 2020"
    if kind == "number":
        return "20"
    return "Geiriau plaen"


def which_question(body):
    """The question whose Welsh text (patient voice) the screen shows."""
    shown = flat(body)
    found = [qid for qid, q in CY["questions"].items() if "text" in q and flat(voice(q["text"])) in shown]
    assert found, "a question not in the Welsh seeds is shown:\n" + body
    return max(found, key=lambda qid: len(voice(CY["questions"][qid]["text"])))


def read_to_prompt(child):
    """Everything shown up to the next empty prompt."""
    child.expect_exact(PROMPT, timeout=TIMEOUT)
    return child.before


@pytest.fixture(scope="module")
def kiosk_run(tmp_path_factory):
    """Runs the kiosk in Welsh once; returns (screen after the choice, questions
    asked, typed answers, helps shown, records)."""
    out = tmp_path_factory.mktemp("welsh-kiosk") / "out"
    log = io.StringIO()
    env = dict(pty_env(), SECOND_OPINION_NOW="")
    child = spawn(["kiosk", "--languages", "cy,en", "--out", out, "--idle-timeout", "120", "--idle-warning", "30"],
                  env=env, width=WIDTH, height=HEIGHT)
    child.logfile_read = log
    try:
        menu = read_to_prompt(child)
        choice = "%s: %s" % (CY["name"], wording("kioskChooseLanguage").replace("{number}", "1"))
        assert choice in screen_text(menu), "the welcome screen offers no Cymraeg:\n" + screen_text(menu)
        start = len(log.getvalue())
        child.send("1\r")
        asked, typed, helps, rejected = [], [], [], []
        chunk = read_to_prompt(child)
        for _ in range(120):
            if flat(wording("reviewTitle")) in flat(screen_text(chunk)):
                break
            matches = list(PROGRESS_RE.finditer(flat(screen_text(chunk))))
            assert matches, "no question on the screen:\n" + screen_text(chunk)
            qid = which_question(flat(screen_text(chunk))[matches[-1].end():])
            asked.append(qid)
            tries = TYPED.get(qid, [default_answer(qid)])
            for n, answer in enumerate(tries):
                typed.append(answer)
                child.send(answer + "\r")
                chunk = read_to_prompt(child)
                if n < len(tries) - 1:
                    assert not PROGRESS_RE.search(flat(screen_text(chunk))), (
                        "%r was accepted at %s; it should not be:\n%s" % (answer, qid, screen_text(chunk)))
                    if answer == "?":
                        helps.append(qid)
                    else:
                        rejected.append((qid, screen_text(chunk)))
        else:
            raise AssertionError("no review after 120 questions")
        # The review, a page at a time on 25 lines (Enter for the next), then submit.
        page_re = re.compile(pattern(wording("reviewPage"), page=r"\d+", pages=r"\d+"))
        pages_seen = 0
        for _ in range(20):
            page = page_re.search(flat(screen_text(chunk)))
            if page is None or page.group("page") == page.group("pages"):
                break
            pages_seen += 1
            child.send("\r")
            chunk = read_to_prompt(child)
        else:
            raise AssertionError("the review did not end after 20 pages")
        assert pages_seen >= 1, "the review fitted one 80x25 page; the test means to page through it"
        assert re.search(pattern(wording("reviewPrompt")), flat(screen_text(chunk))), screen_text(chunk)
        typed.append("submit")
        child.send("submit\r")
        child.expect_exact(wording("kioskFinish"), timeout=TIMEOUT)
        end = len(log.getvalue())
        child.send("\r")
        read_to_prompt(child)
        child.kill(signal.SIGTERM)
        child.expect(pexpect_eof(), timeout=TIMEOUT)
    finally:
        child.close(force=True)
    shown = screen_text(log.getvalue()[start:end])
    # The reference is random letters and digits: not words of any language.
    reference = re.search(pattern(wording("reference"), reference=r"[A-Z0-9]{4} [A-Z0-9]{4}"), flat(shown))
    assert reference, "no reference on the screen"
    return shown.replace(reference.group("reference"), "XXXX"), asked, typed, helps, rejected, records(out)


def pexpect_eof():
    import pexpect

    return pexpect.EOF


def test_the_kiosk_interview_completes_in_welsh(kiosk_run):
    shown, asked, typed, helps, rejected, written = kiosk_run
    assert len(written) == 1, "the kiosk wrote %d records" % len(written)
    assert asked[0] == "red_flags" and "consent_share" in asked, asked
    assert helps == ["red_flags"] and [q for q, _ in rejected] == ["date_of_birth"], (helps, rejected)
    assert written[0]["answers"], "the record has no answers"
    flat_shown = flat(shown)
    for key in ("reviewTitle", "kioskThanks", "reference", "whatNext"):
        assert re.search(pattern(wording(key)), flat_shown), "the Welsh %s is not on the screen" % key


def test_every_welsh_question_asked_is_on_the_screen(kiosk_run):
    shown, asked, _, helps, _, _ = kiosk_run
    screen = flat(shown)
    missing = []
    for qid in asked:
        q = CY["questions"][qid]
        wanted = [voice(q["text"])] + [voice(c["label"]) for c in (q.get("choices") or {}).values()]
        if qid in helps:
            wanted.append(voice(q["help"]))
        missing += ["%s: %r" % (qid, flat(w)) for w in wanted if flat(w) not in screen]
    assert not missing, "Welsh strings asked but not shown:\n" + "\n".join(missing)


def test_no_english_string_of_the_seeds_is_on_the_kiosk_screen(kiosk_run):
    shown, _, typed, _, _, _ = kiosk_run
    found = english_from_seeds(shown, typed)
    assert not found, "English from seeds/interview.yaml on the Welsh kiosk screen:\n" + "\n".join(found)


def test_no_english_from_the_program_is_on_the_kiosk_screen(kiosk_run):
    shown, _, typed, _, _, _ = kiosk_run
    lines = english_not_in_seeds(shown, typed)
    assert not lines, (
        "English the program shows from its own code, not seeds/ (lines of the Welsh kiosk screen):\n"
        + "\n".join(lines)
    )


def test_the_english_checks_find_english():
    english = english_strings()
    text = english[("questions", "full_name", "text", "patient")]
    assert english_from_seeds("Beth yw\n" + text.upper() + "\n", [])
    assert english_not_in_seeds("Beth yw eich enw llawn?\nSorry, that was not accepted.\n", []) == [
        "Sorry, that was not accepted.   [English: Sorry, that, accepted]"
    ]
    # Typed words and Welsh names of commands are not English on the screen.
    assert english_not_in_seeds('> Elin Ross\nTeipiwch "submit"\n', ["Elin Ross"]) == []
