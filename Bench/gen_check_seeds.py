#!/usr/bin/env python3
"""Writes a seeds folder whose interview has exactly N questions, for timing
`second-opinion check` as the definition grows.

The folder holds the real triage.yaml and letter.yaml, and an interview.yaml
made of the real interview (so the triage's references resolve) followed by
synthetic questions up to N. Synthetic questions cycle through every question
kind; about 70% have a `when` condition on one or two earlier questions (any
earlier synthetic question, mostly recent ones, or a real question), in every
condition form a question may use. The result has no defects, so `check` runs
every check to the end.

Usage: gen_check_seeds.py N OUTDIR [--seeds SEEDS] [--seed S]
"""
import argparse
import pathlib
import random
import re
import shutil

KINDS = ["single_choice", "multiple_choice", "yes_no", "text", "date", "number"]
HEADINGS = ["concerns", "questions", "complaint", "management", "first_opinion"]


def condition(rng, qid, kinds):
    """One test on an earlier question, in the form its kind allows."""
    kind = kinds[qid] if qid.startswith("s0") else "text"  # real questions: by state only
    if kind == "single_choice":
        if rng.random() < 0.5:
            return f"{{answer: {qid}, is: c{rng.randint(1, 4)}}}"
        return f"{{answer: {qid}, in: [c1, c{rng.randint(2, 4)}]}}"
    if kind == "multiple_choice":
        return f"{{answer: {qid}, includesAny: [c{rng.randint(1, 2)}, c{rng.randint(3, 4)}]}}"
    if kind == "yes_no":
        return f"{{answer: {qid}, is: {rng.choice(['yes', 'no'])}}}"
    return f"{{answer: {qid}, state: {rng.choice(['answered', 'unknown', 'skipped'])}}}"


def pick_earlier(rng, synthetic, real):
    """Mostly a recent synthetic question, sometimes any earlier one or a real one."""
    if not synthetic or rng.random() < 0.1:
        return rng.choice(real)
    if rng.random() < 0.8:
        return rng.choice(synthetic[-30:])
    return rng.choice(synthetic)


def question(rng, index, synthetic, real, kinds):
    qid = f"s{index:05d}"
    kind = KINDS[index % len(KINDS)]
    lines = [
        f"  - id: {qid}",
        f"    type: {kind}",
        f"    heading: {HEADINGS[index % len(HEADINGS)]}",
        f'    label: "Synthetic question {index}"',
        "    notSure: true",
    ]
    if kind == "text":
        lines.append("    optional: true")
    if kind == "date":
        lines.append("    dateRange: past")
    if kind == "number":
        lines += ["    minimum: 0", "    maximum: 100"]
    roll = rng.random()
    if roll < 0.5:
        lines.append(f"    when: {condition(rng, pick_earlier(rng, synthetic, real), kinds)}")
    elif roll < 0.7:
        # Two tests on two different questions, so `all` is never contradictory.
        first_id = pick_earlier(rng, synthetic, real)
        second_id = pick_earlier(rng, synthetic, real)
        while second_id == first_id:
            second_id = pick_earlier(rng, synthetic, real)
        first = condition(rng, first_id, kinds)
        second = condition(rng, second_id, kinds)
        joiner = rng.choice(["all", "any"])
        lines.append(f"    when: {{{joiner}: [{first}, {second}]}}")
    lines += [
        "    text:",
        f'      patient: "Synthetic question {index}: how would you describe it?"',
        f'      receptionist: "Synthetic question {index}: how would the patient describe it?"',
        "    help:",
        '      patient: "Answer as best you can."',
        '      receptionist: "Ask the caller to answer as best they can."',
    ]
    if kind in ("single_choice", "multiple_choice"):
        lines.append("    choices:")
        for choice in range(1, 5):
            lines += [f"      - id: c{choice}", f'        label: "Choice {choice} of question {index}"']
    kinds[qid] = kind
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="total questions in the interview")
    parser.add_argument("out", type=pathlib.Path, help="the seeds folder to write")
    parser.add_argument("--seeds", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[1] / "seeds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    interview = (args.seeds / "interview.yaml").read_text()
    # The real questions: `  - id:` entries after the top-level `questions:` key,
    # which is the file's last key.
    head, _, body = interview.partition("\nquestions:\n")
    if not body:
        raise SystemExit("interview.yaml: no top-level `questions:` key")
    if re.search(r"^\S", body, re.MULTILINE):
        raise SystemExit("interview.yaml: `questions:` must be the last top-level key")
    real_ids = re.findall(r"^  - id: (\S+)", body, re.MULTILINE)
    if args.count < len(real_ids):
        raise SystemExit(f"at least {len(real_ids)} questions (the real interview has that many)")
    kinds = {}
    for qid, kind in re.findall(r"^  - id: (\S+)\n    type: (\S+)", body, re.MULTILINE):
        kinds[qid] = kind
    # Real questions that a synthetic condition may test by value or state.
    real = [q for q in real_ids if q in kinds and kinds[q] in KINDS]

    parts = [interview.rstrip("\n") + "\n\n  # Synthetic questions (Bench/gen_check_seeds.py)\n"]
    synthetic = []
    for index in range(1, args.count - len(real_ids) + 1):
        parts.append(question(rng, index, synthetic, real, kinds))
        synthetic.append(f"s{index:05d}")

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "interview.yaml").write_text("".join(parts))
    for name in ("triage.yaml", "letter.yaml"):
        shutil.copyfile(args.seeds / name, args.out / name)


if __name__ == "__main__":
    main()
