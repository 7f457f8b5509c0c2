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
import datetime
import io
import os
import re
import shutil
import signal
import subprocess

import pexpect
import pytest
import yaml

from _pty_helpers import pty_env, records, spawn
from _seed_strings import english_strings, translation_files, translation_strings, without_placeholders
from conftest import REPO, SEEDS, base_env, run_piped

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


QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


def welsh_vocabulary():
    """(the words of the Welsh prose outside quotation marks, the words inside
    them): the Welsh quotes what is typed as it is typed ("submit", "yes")."""
    outside, inside = set(), set()
    for s in translation_strings("cy"):
        text = without_placeholders(s.text)
        inside |= {w for q in QUOTED.findall(text) for w in words_of(q)}
        outside |= set(words_of(QUOTED.sub(" ", text)))
    return outside, inside


def welsh_runs(n):
    runs = set()
    for s in translation_strings("cy"):
        w = words_of(without_placeholders(s.text))
        runs |= {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}
    return runs


def english_from_seeds(shown, typed):
    """The English strings of seeds/interview.yaml on the screen: each whole
    string of two to four words, and for a longer one any four words of it in
    a row (each with letters) that no Welsh string and no typed answer has. Each
    is named once, with the screen's line and the strings it is from."""
    screen = " ".join(words_of(shown))
    typed_words = " ".join(words_of(" ".join(typed)))
    kept = welsh_runs(4) | welsh_runs(3) | welsh_runs(2)
    found = {}
    for key, text in sorted(english_strings().items()):
        w = words_of(without_placeholders(text))
        if len(w) < 2:
            continue
        if len(w) <= 4:
            pieces = {" ".join(w)}
        else:
            pieces = {" ".join(w[i : i + 4]) for i in range(len(w) - 3)}
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
    return out


def aspell_known(words, language):
    """The words aspell's own dictionary for `language` knows (without the
    reviewed word list, which accepts English words in Welsh text); it fails
    when aspell or the dictionary is missing."""
    aspell = shutil.which("aspell")
    assert aspell, "aspell is missing: Scripts/bootstrap installs it"
    args = [aspell, "-l", language, "--encoding=utf-8"]
    done = subprocess.run([*args, "list"], input="\n".join(words) + "\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    unknown = set(done.stdout.split())
    return {w for w in words if w not in unknown}


def english_not_in_seeds(shown, typed):
    """The lines of the screen with an English word seeds/ has no Welsh for:
    a word (of letters, perhaps with an apostrophe) that no Welsh string has
    (or, for a word in quotation marks, has in them: a command such as
    "submit") and that was not typed, which aspell knows in English (en_GB)
    and not in Welsh. Each line once, with its English words."""
    outside, inside = welsh_vocabulary()
    typed_words = {w for t in typed for w in words_of(t)}
    # Quotation marks may open on one line and close on the next.
    quoted = [m.span() for m in re.finditer(r'"[^"]{0,100}"|“[^”]{0,100}”', shown)]
    tokens = []
    for m in re.finditer(r"\w+(?:['’]\w+)*", shown):
        word = m.group()
        if len(word) < 2 or re.search(r"[\d_]", word) or word.lower() in outside | typed_words:
            continue
        if word.lower() in inside and any(a <= m.start() < b for a, b in quoted):
            continue
        tokens.append((shown.count("\n", 0, m.start()), word))
    english = aspell_known(sorted({w for _, w in tokens}), "en_GB") - aspell_known(sorted({w for _, w in tokens}), "cy")
    lines = shown.split("\n")
    hits = {}
    for number, word in tokens:
        if word in english:
            hits.setdefault(number, []).append(word)
    out = []
    for number, words in sorted(hits.items()):
        # The files written (a pipe lists them): names, not words on the screen.
        if re.match(r"\s*(OUT|/)\S*$", lines[number]):
            continue
        entry = "%s   [English: %s]" % (lines[number].strip(), ", ".join(dict.fromkeys(words)))
        if entry not in out:
            out.append(entry)
    return out


# ---------------------------------------------------------------------------
# The kiosk.
# ---------------------------------------------------------------------------

PROMPT = "\r\n> "
PROGRESS_RE = re.compile(pattern(wording("progress"), number=r"\d+"))
def welsh_date(days):
    """Today plus `days`, as a Welsh speaker types it ("14 Ionawr 2027"): the
    kiosk refuses a fixed clock, so dates are from today."""
    day = datetime.date.today() + datetime.timedelta(days=days)
    return "%d %s %d" % (day.day, CY["words"]["dates"]["months"][day.month - 1][0].capitalize(), day.year)


# What is typed, by question id, in order: a list is several tries, each but
# the last expected to be refused (or, for ?, to show the help).
TYPED = {
    "red_flags": ["?", "dim un"],
    "full_name": ["", "Elin Siân ap Dafydd"],
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
    "diagnosis_date": [welsh_date(-60)],
    "cancer_status": ["wedi", "amheuaeth"],
    "treatment_proposed": ["ie"],
    "treatment_description": ["Mastectomi"],
    "treatment_irreversible": ["ie"],
    "treatment_date": [welsh_date(50)],
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
        # Change an answer from the review: its number, then Enter keeps the old
        # answer put on the line for editing; the review shows it changed.
        child.send("2\r")
        chunk = read_to_prompt(child)
        assert flat(wording("changeHint")) in flat(screen_text(chunk)), screen_text(chunk)
        child.send("\r")
        chunk = read_to_prompt(child)
        assert flat(wording("reviewChanged")) in flat(screen_text(chunk)), screen_text(chunk)
        typed += ["2", TYPED["full_name"][-1]]
        typed.append("submit")
        child.send("submit\r")
        child.expect_exact(wording("kioskFinish"), timeout=TIMEOUT)
        end = len(log.getvalue())
        child.send("\r")
        read_to_prompt(child)
        child.kill(signal.SIGTERM)
        child.expect(pexpect.EOF, timeout=TIMEOUT)
    finally:
        child.close(force=True)
    shown = screen_text(log.getvalue()[start:end])
    # The reference is random letters and digits: not words of any language.
    reference = re.search(pattern(wording("reference"), reference=r"[A-Z0-9]{4} [A-Z0-9]{4}"), flat(shown))
    assert reference, "no reference on the screen"
    return shown.replace(reference.group("reference"), "XXXX"), asked, typed, helps, rejected, records(out)


def test_the_kiosk_interview_completes_in_welsh(kiosk_run):
    shown, asked, typed, helps, rejected, written = kiosk_run
    assert len(written) == 1, "the kiosk wrote %d records" % len(written)
    assert asked[0] == "red_flags" and "consent_share" in asked, asked
    assert helps == ["red_flags"], helps
    assert [q for q, _ in rejected] == ["full_name", "date_of_birth", "cancer_status"], rejected
    assert written[0]["answers"], "the record has no answers"
    flat_shown = flat(shown)
    for key in ("reviewTitle", "kioskThanks", "reference", "whatNext", "kioskFinish"):
        assert re.search(pattern(wording(key)), flat_shown), "the Welsh %s is not on the screen" % key
    for message in BASE["closingMessages"]:
        welsh = CY["messages"][message]
        for text in (welsh["title"], welsh.get("kiosk") or welsh["patient"]):
            assert flat(text) in flat_shown, "the Welsh %s message is not on the screen: %r" % (message, text)


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
    # Typed words, and commands the Welsh quotes as typed, are not English on the screen;
    # the same words unquoted are.
    assert english_not_in_seeds('> Elin Ross\nTeipiwch "submit" neu "yes"\n', ["Elin Ross"]) == []
    assert english_not_in_seeds("Caniatâd: Yes\n", []) == ["Caniatâd: Yes   [English: Yes]"]


def test_the_idle_countdown_at_the_kiosk_is_in_welsh(tmp_path):
    """The countdown before an idle kiosk starts again, once Cymraeg is chosen."""
    env = dict(pty_env(), SECOND_OPINION_NOW="")
    child = spawn(["kiosk", "--languages", "cy,en", "--out", tmp_path / "out", "--idle-timeout", "2",
                   "--idle-warning", "2"], env=env, width=WIDTH, height=HEIGHT)
    log = io.StringIO()
    child.logfile_read = log
    try:
        read_to_prompt(child)
        child.send("1\r")
        read_to_prompt(child)
        start = len(log.getvalue())
        # After 2 s the countdown, after 2 more the kiosk starts again at the welcome.
        welcome = flat(wording("kioskWelcome"))[:30]
        child.expect_exact(welcome.split(" ")[0], timeout=TIMEOUT)
        shown = screen_text(log.getvalue()[start:])
        shown = shown[: shown.rfind(welcome.split(" ")[0])]
    finally:
        child.close(force=True)
    assert shown.strip(), "nothing was shown while the kiosk was idle"
    lines = english_not_in_seeds(shown, [])
    assert not lines, "English in the idle countdown of the Welsh kiosk:\n" + "\n".join(lines)


# ---------------------------------------------------------------------------
# The desk: a receptionist's interview, piped one answer a line.
# ---------------------------------------------------------------------------

DESK_ARGS = ["interview", "--mode", "receptionist", "--operator", "Siôn Jones", "--language", "cy"]
# One line a question, in the order asked (the receptionist's caller is the
# patient's daughter, with the patient's consent).
DESK_LINES = [
    "?",  # red_flags: the help
    "dim un",
    "perthynas",  # caller_relationship, by a Welsh word
    "Gareth Hughes",  # caller_name
    "029 2034 5678",  # callback_number
    "ie",  # patient_consent
    "1",  # patient_capacity
    "Megan Hughes",  # full_name
    "3 o Fawrth 1952",  # date_of_birth, the month mutated after "o"
    "benyw",  # sex
    "ddim yn siŵr",  # nhs_number
    "CF24",  # postcode: refused, not a whole postcode
    "CF24 4HQ",
    "029 2034 5678",  # phone
    "Meddygfa'r Eglwys Newydd",  # gp_practice
    "1, 5",  # reason
    "gig",  # care_setting
    "Canser y coluddyn",  # diagnosis
    "Dr Evans, Ysbyty Athrofaol Cymru",  # first_clinician
    "Medi 2026",  # diagnosis_date, a month and year
    "wedi'i",  # cancer_status, by the start of a Welsh word
    "ie",  # treatment_proposed
    "Llawdriniaeth i dynnu rhan o'r coluddyn",  # treatment_description
    "ie",  # treatment_irreversible
    "14 Ionawr 2027",  # treatment_date
    "na",  # treatment_date_movable
    "",  # decision_date
    "",  # treatment_so_far
    "Poen yn y bol",  # symptoms
    "yn aros",  # symptom_trend
    "ie",  # pain
    "3",  # pain_control
    "dim un",  # alarm_symptoms
    "aspirin",  # medications
    "dim",  # allergies
    "1",  # records_held
    "dim un",  # records_requested
    "Ysbyty Athrofaol Cymru",  # samples_location
    "Oes angen llawdriniaeth?",  # question_1
    "",  # question_2
    "Gwybod beth yw'r dewisiadau",  # hopes
    "gig",  # route
    "",  # route_limits
    "dim",  # other_conditions
    "ddim yn siŵr",  # mdt_discussed
    "gwell gennyf beidio â dweud",  # requirements
    "na",  # research
    "ie",  # consent_share
    "submit",
]


@pytest.fixture(scope="module")
def desk_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("welsh-desk") / "out"
    done = run_piped([*DESK_ARGS, "--out", str(out)], DESK_LINES, env=base_env())
    shown = screen_text(done.stdout.decode("utf-8")).replace(str(out), "OUT")
    return done, shown, records(out)


def test_the_desk_interview_matches_its_golden_transcript(desk_run):
    done, shown, written = desk_run
    assert done.returncode == 0, "exit %d: %s\n%s" % (done.returncode, done.stderr.decode(), shown[-2000:])
    assert len(written) == 1
    assert "\x1b" not in done.stdout.decode("utf-8"), "an escape sequence on a pipe"
    if os.environ.get("SECOND_OPINION_RECORD_GOLDEN") == "1":
        GOLDEN.write_text(shown, encoding="utf-8")
    assert GOLDEN.exists(), "no golden transcript: record it with SECOND_OPINION_RECORD_GOLDEN=1"
    assert shown == GOLDEN.read_text(encoding="utf-8"), (
        "the Welsh desk transcript differs from %s (re-record with SECOND_OPINION_RECORD_GOLDEN=1 and read the diff)"
        % GOLDEN.relative_to(REPO)
    )


def test_every_welsh_question_asked_at_the_desk_is_shown(desk_run):
    _, shown, written = desk_run
    screen = flat(shown)
    missing = []
    for answer in written[0]["answers"]:
        q = CY["questions"][answer["questionId"]]
        wanted = [voice(q["text"], "receptionist")]
        wanted += [voice(c["label"], "receptionist") for c in (q.get("choices") or {}).values()]
        missing += ["%s: %r" % (answer["questionId"], flat(w)) for w in wanted if flat(w) not in screen]
        # The record keeps the question as it was asked, in Welsh.
        assert flat(answer["question"]) == flat(voice(q["text"], "receptionist")), answer["questionId"]
    assert flat(voice(CY["questions"]["red_flags"]["help"], "receptionist")) in screen, "the Welsh help is not shown"
    for key in ("reviewTitle", "reviewPrompt", "reference", "whatNext", "deliveryState"):
        assert re.search(pattern(wording(key, "receptionist")), screen), "the Welsh %s is not shown" % key
    for message in BASE["closingMessages"]:
        welsh = CY["messages"][message]
        for text in (welsh["title"], welsh["receptionist"]):
            assert flat(text) in screen, "the Welsh %s message is not shown: %r" % (message, text)
    assert not missing, "Welsh strings asked at the desk but not shown:\n" + "\n".join(missing)


def test_no_english_string_of_the_seeds_is_shown_at_the_desk(desk_run):
    _, shown, _ = desk_run
    found = english_from_seeds(shown, DESK_LINES)
    assert not found, "English from seeds/interview.yaml in the Welsh desk transcript:\n" + "\n".join(found)


def test_no_english_from_the_program_is_shown_at_the_desk(desk_run):
    _, shown, _ = desk_run
    lines = english_not_in_seeds(shown, DESK_LINES + ["OUT", "SO"])
    assert not lines, (
        "English the program shows from its own code, not seeds/ (lines of the Welsh desk transcript):\n"
        + "\n".join(lines)
    )
