#!/usr/bin/env python3
"""Exact-match score of held-out segmentation cases (Tests/Fixtures/segmentation-heldout).

Usage: score-segmentation.py TAMIZ FILE...
Each FILE holds one case a line, the expected sentences joined by " ||| "; the input given to
`TAMIZ label --no-clean` is the sentences joined by one space. Prints the rate per file and every
miss (wanted, then got)."""
import json
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = sys.argv[1]
    for path in sys.argv[2:]:
        cases = [line.rstrip("\n").split(" ||| ") for line in open(path, encoding="utf-8") if line.strip()]
        text = "".join(" ".join(case) + "\n" for case in cases)
        run = subprocess.run([binary, "label", "--no-clean", "--format", "jsonl", "--threads", "1"],
                             input=text.encode(), capture_output=True, check=True)
        got = {}
        for row in run.stdout.decode().splitlines():
            record = json.loads(row)
            got.setdefault(record["line"], []).append(record["text"])
        misses = [(case, got.get(i + 1, [])) for i, case in enumerate(cases) if got.get(i + 1, []) != case]
        passed = len(cases) - len(misses)
        print(f"{path}: {passed}/{len(cases)} = {100 * passed / len(cases):.1f} %")
        for case, sentences in misses:
            print("   want:", " | ".join(case))
            print("   got: ", " | ".join(sentences))


main()
