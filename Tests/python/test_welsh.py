"""The Welsh of seeds/languages/cy/, checked from outside the program.

Every string of every file of the folder (a file a translator adds is read
too) is spell-checked by GNU Aspell with its Welsh dictionary (Debian
`aspell-cy`, which Scripts/bootstrap installs), against one reviewed list of
words that are right but that the dictionary lacks
(seeds/languages/cy/aspell-words.txt). Then no string may be English left
untranslated: a string the same as the English of its key, or with three
English words of its key in a row, is refused unless it is listed below as a
name, number or code.

The strings checked, and the ones left out (the `synonyms` and `words:` that
hold English and misspellings on purpose), are described in _seed_strings.py.
"""
import re
import shutil
import subprocess

import pytest

from _seed_strings import (
    LANGUAGES,
    SeedString,
    english_for,
    english_strings,
    translation_files,
    translation_strings,
    without_placeholders,
)

CODE = "cy"
FOLDER = LANGUAGES / CODE
WORD_LIST = FOLDER / "aspell-words.txt"
# The first line aspell needs in a personal word list (it allows no comments).
HEADER = "personal_ws-1.1 cy 0 utf-8"

# Welsh joins a short word to the one before with an apostrophe (mae'r, sy'n,
# i'w, wedi'i, â'ch, gyda'th, i'm, eu bod nhw'n ... and the English 's of a
# name). The dictionary knows the words, not the joined forms, so the forms are
# split before checking: the ending is dropped when it is one of these, and any
# other apostrophe (a quotation mark, 'dim un') becomes a space.
CLITIC = re.compile(r"(?<=\w)['’](?:r|n|i|u|w|m|ch|th|s)\b")
APOSTROPHE = re.compile(r"['’]")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# Strings the Welsh gives exactly as the English does, on purpose. A string
# with no letters once its {placeholders} are taken out (a number, "1, 4") is
# allowed without being listed.
SAME_AS_ENGLISH = frozenset({"SW1A 1AA"})  # a postcode is not translated
# Runs of English words the Welsh keeps on purpose: the English names of
# things a patient may be told in English, given in brackets after the Welsh.
ENGLISH_KEPT = frozenset({"subject access request", "accessible information standard"})


def prepared(text):
    """The text as aspell is given it: no placeholders, apostrophe forms split."""
    # A hyphen before a digit (UTF-8) joins no words.
    return re.sub(r"-(?=\d)", " ", APOSTROPHE.sub(" ", CLITIC.sub(" ", without_placeholders(text))))


def aspell_path():
    """aspell with its Welsh dictionary; fails (never skips) when either is missing."""
    aspell = shutil.which("aspell")
    assert aspell, "aspell is missing: Scripts/bootstrap installs it (apt-get install aspell aspell-cy)"
    dicts = subprocess.run([aspell, "dicts"], capture_output=True, text=True, timeout=30).stdout.split()
    assert CODE in dicts, "aspell has no Welsh dictionary: Scripts/bootstrap installs it (apt-get install aspell-cy)"
    return aspell


def unknown_words(strings, personal=WORD_LIST):
    """The words of `strings` aspell -l cy does not know (with `personal`, or none)."""
    args = [aspell_path(), "-l", CODE, "--encoding=utf-8"]
    if personal is not None:
        args.append("--personal=%s" % personal.resolve())
    text = "\n".join(prepared(s.text) for s in strings) + "\n"
    done = subprocess.run([*args, "list"], input=text, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, "aspell failed: %s" % done.stderr
    return set(done.stdout.split())


def word_list():
    return WORD_LIST.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def welsh():
    strings = translation_strings(CODE)
    assert len(translation_files(CODE)) >= 1 and strings, "no Welsh strings found in %s" % FOLDER
    return strings


def test_aspell_has_the_welsh_dictionary():
    done = subprocess.run(
        [aspell_path(), "-l", CODE, "--encoding=utf-8", "list"],
        input="mae'r claf yn gweld meddyg teulu heddiw\nxqzwyb\n",
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stdout.split() == ["mae'r", "xqzwyb"], done.stdout + done.stderr


def test_apostrophe_forms_are_split_before_checking():
    assert WORD.findall(prepared("Mae'r claf sy’n dod â'ch {answer} i'w weld, 'dim un'")) == [
        "Mae", "claf", "sy", "dod", "â", "i", "weld", "dim", "un",
    ]
    # A form that is not a Welsh ending is checked as words, not dropped.
    assert "xyz" in prepared("gair'xyz").split()


def spelling_problems(strings):
    """Each word aspell does not know, with the places (file:line key) it is in."""
    unknown = unknown_words(strings)
    where = {}
    for s in strings:
        for word in WORD.findall(prepared(s.text)):
            if word in unknown:
                where.setdefault(word, []).append(s.where)
    return ["%s: %s" % (word, "; ".join(where.get(word, ["(found by aspell, not placed)"]))) for word in sorted(unknown)]


def test_every_welsh_string_is_spelt_right(welsh):
    problems = spelling_problems(welsh)
    assert not problems, (
        "aspell -l cy does not know these words. Fix a misspelling in the YAML; add a word that is right "
        "(a name, an NHS term, a loanword) to seeds/languages/cy/aspell-words.txt after review:\n"
        + "\n".join(problems)
    )


def test_a_misspelling_is_found_and_placed():
    strings = [SeedString("languages/cy/x.yaml", 7, ("wording", "k", "patient"), "Mae'r practis yn ffonio'r clf")]
    assert spelling_problems(strings) == ["clf: languages/cy/x.yaml:7 wording.k.patient"]


def test_the_word_list_is_one_sorted_list_of_needed_words(welsh):
    lines = word_list()
    assert lines[0] == HEADER, "the first line must be %r (aspell's personal-dictionary header)" % HEADER
    assert lines[-1] == "", "the list must end with a newline"
    words = lines[1:-1]
    assert all(w and w == w.strip() and " " not in w for w in words), "one word a line, no blank lines"
    assert words == sorted(words, key=lambda w: (w.casefold(), w)), "the list must be sorted (case-folded)"
    assert len(set(words)) == len(words), "a word is listed twice"
    joined = [w for w in words if APOSTROPHE.search(w)]
    assert not joined, "apostrophe forms are split before checking; list their words instead: %s" % joined
    needed = unknown_words(welsh, personal=None)
    unused = [w for w in words if w not in needed and w.lower() not in {n.lower() for n in needed}]
    assert not unused, "these words are no longer in any Welsh string (or aspell knows them): remove them: %s" % unused


def test_no_unreviewed_word_lists_are_left():
    others = sorted(p.name for p in FOLDER.glob("aspell-words*.txt") if p != WORD_LIST)
    assert not others, (
        "a translator's own word list is only read once it is reviewed and merged into aspell-words.txt "
        "(see docs/translating.md): %s" % others
    )


def english_words(text):
    return re.findall(r"\w+(?:['’-]\w+)*", without_placeholders(text).lower())


def runs(words, n=3):
    """Every n words in a row that hold two words of letters (not a date or a number)."""
    found = set()
    for i in range(len(words) - n + 1):
        run = words[i : i + n]
        if sum(1 for w in run if re.search(r"[^\W\d_]", w)) >= 2:
            found.add(" ".join(run))
    return found


def left_in_english(strings, english):
    """The strings that keep the English of their key: the same string, or three
    of its words in a row (other than a name or code listed above)."""
    left = []
    for s in strings:
        source = english_for(s.key, english)
        if source is None:
            continue
        if s.text.strip() == source.strip():
            if re.search(r"[^\W\d_]", without_placeholders(s.text)) and s.text not in SAME_AS_ENGLISH:
                left.append("%s: the same as the English: %r" % (s.where, s.text))
            continue
        shared = runs(english_words(s.text)) & runs(english_words(source))
        shared = {r for r in shared if not any(r in kept for kept in ENGLISH_KEPT)}
        if shared:
            left.append("%s: English words left in: %s" % (s.where, ", ".join(sorted(shared))))
    return left


def test_no_welsh_string_is_left_in_english(welsh):
    left = left_in_english(welsh, english_strings())
    assert not left, "Welsh strings with English left untranslated:\n" + "\n".join(left)


def test_english_left_in_is_found():
    english = english_strings()
    key = ("questions", "full_name", "text", "patient")
    source = english[key]
    strings = [
        SeedString("languages/cy/x.yaml", 1, key, source),
        SeedString("languages/cy/x.yaml", 2, key, "Teipiwch " + source.lower()),
        SeedString("languages/cy/x.yaml", 3, ("questions", "pregnancy_weeks", "example"), "20"),
        SeedString("languages/cy/x.yaml", 4, ("questions", "records_requested", "help", "patient"),
                   "Cais gwrthrych am wybodaeth (subject access request)."),
    ]
    left = left_in_english(strings, english)
    assert [line.split(":")[1].split()[0] for line in left] == ["1", "2"], left
