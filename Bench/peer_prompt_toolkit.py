"""The peer of the benchmark: the least a Python team would write for the same
job with prompt_toolkit, the line-editing library such a team would pick.

It prints a title and a question, then asks with `PromptSession().prompt("> ")`.
In a terminal that is all the benchmark waits for (the first prompt). With
--questions N it asks N questions in turn from one session, and with --out DIR
it writes the answers to DIR/answers.json (temporary file, fsync, rename) as
our program writes its record. From a pipe, prompt_toolkit reads stdin itself:
create_input() gives a Vt100Input on the pipe's descriptor (it warns "Input is
not a terminal" on stderr and goes on), every line ends one prompt, and what a
prompt read beyond its own line is kept as typeahead for the next prompt. It
exits 0 only when every question got its answer, 3 when the input ended first.
"""

import argparse
import json
import os
import sys

from prompt_toolkit import PromptSession


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=1)
    parser.add_argument("--out")
    args = parser.parse_args()

    print("Second opinion (peer): a few questions before your referral letter.\n")
    session = PromptSession()
    answers = []
    for number in range(1, args.questions + 1):
        print(f"Question {number} of {args.questions}: your answer, then Enter.")
        try:
            answers.append(session.prompt("> "))
        except EOFError:
            print(f"peer: the input ended at question {number}", file=sys.stderr)
            return 3
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        path = os.path.join(args.out, "answers.json")
        with open(path + ".tmp", "w", encoding="utf-8") as file:
            json.dump({"answers": answers}, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(path + ".tmp", path)
        print(f"\nSaved:\n  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
