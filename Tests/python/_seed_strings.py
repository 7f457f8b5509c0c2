"""The strings of seeds/ that a person reads, with where they are.

A translation is every YAML file of seeds/languages/LANG/ (each file is read,
so a file a translator adds is checked without a test edit). Its strings are
the values under every key, recursively, except the ones that are not prose
in that language: the `language` code, `englishName` (English on purpose), and
the lists of words a person types (`synonyms` of a choice and the `words:` of
yes, no, dates and so on), which hold English words and the misspellings
people type on purpose.

English strings come from seeds/interview.yaml, by the same key a translation
uses: `questions.ID.text.patient`, `questions.ID.choices.ID.label`,
`messages.ID.title`, `sections.ID.title.patient`, `wording.KEY.receptionist`
(the base file's lists of questions, choices, messages and sections are keyed
by their `id`).
"""
import pathlib
import re
from dataclasses import dataclass

import yaml

from conftest import SEEDS

LANGUAGES = SEEDS / "languages"
# Keys whose values are not the language's prose (see the module's docstring).
NOT_PROSE = {"language", "englishName", "synonyms", "words"}
# The lists of the base file that a translation gives as maps by id.
BY_ID = {"questions", "choices", "messages", "sections"}
# Keys in the base file that are not text a person reads (they name, route or
# set limits); a translation never has them, and the English side skips them.
NOT_TEXT = {
    "id", "type", "heading", "field", "when", "format", "maxLength", "dateRange", "precision", "maxAgeYears",
    "notSure", "preferNotToSay", "optional", "exclusive", "redFlag", "from", "synonyms",
}
TOP_NOT_TEXT = {"version", "languageName", "facts", "stops", "closingMessages", "afterEmergency", "words"}
PLACEHOLDER = re.compile(r"\{[A-Za-z]+\}")


@dataclass(frozen=True)
class SeedString:
    """One string: its file (relative to seeds/), line, key path and text."""

    file: str
    line: int
    key: tuple
    text: str

    @property
    def where(self):
        return "%s:%d %s" % (self.file, self.line, ".".join(self.key))


def translation_files(code):
    """Every YAML file of seeds/languages/CODE/, sorted."""
    return sorted((LANGUAGES / code).glob("*.yaml"))


def _walk(node, key, file, out, skip):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            name = k.value
            if name in skip:
                continue
            _walk(v, key + (name,), file, out, skip)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _walk(v, key + (str(i),), file, out, skip)
    elif isinstance(node, yaml.ScalarNode):
        out.append(SeedString(file, node.start_mark.line + 1, key, node.value))


def strings_of(path, skip=NOT_PROSE):
    """The prose strings of one translation file, in file order."""
    path = pathlib.Path(path)
    root = yaml.compose(path.read_text(encoding="utf-8"))
    out = []
    if root is not None:
        _walk(root, (), str(path.relative_to(SEEDS)), out, skip)
    return out


def translation_strings(code):
    """The prose strings of every file of the language, in file order."""
    return [s for path in translation_files(code) for s in strings_of(path)]


def _english_walk(node, key, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in NOT_TEXT or key == () and k in TOP_NOT_TEXT:
                continue
            _english_walk(v, key + (str(k),), out)
    elif isinstance(node, list):
        if key and key[-1] in BY_ID:
            for item in node:
                if isinstance(item, dict) and "id" in item:
                    _english_walk(item, key + (item["id"],), out)
        # Other lists (the words) are not prose.
    elif isinstance(node, str):
        out[key] = node


def english_strings():
    """The English strings of seeds/interview.yaml by the key a translation uses."""
    out = {}
    _english_walk(yaml.safe_load((SEEDS / "interview.yaml").read_text(encoding="utf-8")), (), out)
    return out


def english_for(key, english):
    """The English string a translation's key stands for: the same key, or, for
    a label the English gives once and the translation per voice (or the other
    way round), the voice's or the one label."""
    if key in english:
        return english[key]
    if key and key[-1] in ("patient", "receptionist", "kiosk") and key[:-1] in english:
        return english[key[:-1]]
    return english.get(key + ("patient",))


def without_placeholders(text):
    return PLACEHOLDER.sub(" ", text)
