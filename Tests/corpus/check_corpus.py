#!/usr/bin/env python3
"""Validate the test corpus in this folder and print counts.

Usage: python3 Tests/corpus/check_corpus.py
Checks every language's files (crisis-LANG.yaml, red-flags-LANG.yaml; English
must be there). Exits non-zero if a file fails to load, an entry is malformed,
a label or flag id is unknown, or a text appears twice in a file (compared
ignoring case, punctuation and spacing).
"""
import collections
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
LABELS = {"suicidal", "self_harm", "harm_others", "negated", "ordinary", "ambiguous"}
PERSONS = {"first", "second", "third"}
FLAGS = {"chest_pain", "breathing", "stroke", "bleeding", "collapse", "allergic_reaction",
         "headache", "confusion", "suicidal_thoughts", "self_harm", "harm_others", "not_sure"}


def norm(text):
    return " ".join(re.sub(r"[^\w ]", "", text.lower()).split())


def dupes(texts, where, errors):
    seen = collections.Counter(norm(t) for t in texts)
    for t, n in seen.items():
        if n > 1:
            errors.append(f"{where}: duplicate text {t!r}")


def languages(kind):
    return sorted(p.name[len(kind) + 1:-len(".yaml")] for p in HERE.glob(f"{kind}-*.yaml"))


def check_crisis(language, errors):
    name = f"crisis-{language}.yaml"
    crisis = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    labels = collections.Counter()
    persons = collections.Counter()
    for i, e in enumerate(crisis["phrasings"]):
        if not isinstance(e.get("text"), str) or not e["text"].strip():
            errors.append(f"{name} #{i}: missing text")
        if e.get("label") not in LABELS:
            errors.append(f"{name} #{i}: bad label {e.get('label')!r}")
        if e.get("person") not in PERSONS:
            errors.append(f"{name} #{i}: bad person {e.get('person')!r}")
        if set(e) - {"text", "label", "person", "note"}:
            errors.append(f"{name} #{i}: unknown keys {set(e) - {'text', 'label', 'person', 'note'}}")
        labels[e.get("label")] += 1
        persons[(e.get("label"), e.get("person"))] += 1
    dupes([e["text"] for e in crisis["phrasings"]], name, errors)
    print(f"{name}: {sum(labels.values())} phrasings")
    for label in sorted(LABELS):
        by_person = ", ".join(f"{p} {persons[(label, p)]}" for p in ("first", "second", "third"))
        print(f"  {label:12} {labels[label]:4}   ({by_person})")


def check_red_flags(language, errors):
    name = f"red-flags-{language}.yaml"
    red = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    red.setdefault("past_or_denied", [])
    flag_counts = collections.Counter()
    for part in ("phrasings", "past_or_denied"):
        for i, e in enumerate(red[part]):
            if not isinstance(e.get("text"), str) or not e["text"].strip():
                errors.append(f"{name} {part} #{i}: missing text")
            flags = e.get("flags")
            if not isinstance(flags, list) or any(f not in FLAGS for f in flags):
                errors.append(f"{name} {part} #{i}: bad flags {flags!r}")
                continue
            if part == "past_or_denied" and flags:
                errors.append(f"{name} past_or_denied #{i}: flags should be []")
            if set(e) - {"text", "flags", "note"}:
                errors.append(f"{name} {part} #{i}: unknown keys")
            if part == "phrasings":
                for f in flags or ["none"]:
                    flag_counts[f] += 1
                if len(flags) > 1:
                    flag_counts["(multi-flag entries)"] += 1
    dupes([e["text"] for p in ("phrasings", "past_or_denied") for e in red[p]], name, errors)
    print(f"{name}: {len(red['phrasings'])} phrasings, {len(red['past_or_denied'])} past_or_denied")
    for f, n in sorted(flag_counts.items()):
        print(f"  {f:22} {n:4}")


def main():
    errors = []
    for kind in ("crisis", "red-flags"):
        if "en" not in languages(kind):
            errors.append(f"{kind}-en.yaml is missing")
    for language in languages("crisis"):
        check_crisis(language, errors)
    for language in languages("red-flags"):
        check_red_flags(language, errors)
    for err in errors:
        print("ERROR:", err, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
