#!/usr/bin/env python3
"""The dev guard for segmentation rules: the shared dev sentences (one a line, ../shared/corpus)
joined five to a paragraph, segmented by `TAMIZ label --no-clean`.

Usage: segmentation-dev-guard.py TAMIZ [-v]
Prints per language the paragraphs split exactly, the sentence boundaries found and the extra
splits (boundaries that are not there); -v prints each paragraph that is not exact."""
import json
import os
import subprocess
import sys

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus")


def boundaries(text, sentences):
    """Offsets in `text` where each sentence but the first starts."""
    found, position = set(), 0
    for sentence in sentences[:-1]:
        position = text.find(sentence, position) + len(sentence)
        while position < len(text) and text[position] == " ":
            position += 1
        found.add(position)
    return found


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, verbose = sys.argv[1], "-v" in sys.argv
    for language in ["en", "es"]:
        path = os.path.join(SHARED, f"{language}.dev.txt")
        sentences = [line.strip() for line in open(path, encoding="utf-8") if line.strip()]
        cases = [sentences[i:i + 5] for i in range(0, len(sentences) - 4, 5)]
        text = "".join(" ".join(case) + "\n" for case in cases)
        run = subprocess.run([binary, "label", "--no-clean", "--format", "jsonl", "--threads", "1"],
                             input=text.encode(), capture_output=True, check=True)
        got = {}
        for row in run.stdout.decode().splitlines():
            record = json.loads(row)
            got.setdefault(record["line"], []).append(record["text"])
        exact = wanted_total = found_total = extra_total = 0
        for index, case in enumerate(cases):
            paragraph, result = " ".join(case), got.get(index + 1, [])
            exact += result == case
            wanted, found = boundaries(paragraph, case), boundaries(paragraph, result)
            wanted_total += len(wanted)
            found_total += len(wanted & found)
            extra_total += len(found - wanted)
            if verbose and result != case:
                print(language, " | ".join(result))
        print(f"{language}: paragraphs exact {exact}/{len(cases)}, boundaries found {found_total}/{wanted_total}, "
              f"extra splits {extra_total}")


main()
