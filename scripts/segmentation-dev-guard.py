#!/usr/bin/env python3
"""The dev guard for segmentation rules: the shared dev sentences (one a line, ../shared/corpus)
joined five to a paragraph, segmented by `TAMIZ label --no-clean`.

Usage: segmentation-dev-guard.py TAMIZ [-v]
Prints per language the paragraphs split exactly, the sentence boundaries found and the extra
splits (boundaries that are not there); then each dev sentence alone (it must stay whole) and
consecutive pairs joined by a space (they must split in two). -v prints each paragraph that is
not exact."""
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


def segment(binary, cases):
    """`binary`'s sentences for each case (a list of sentences joined by a space), in order."""
    text = "".join(" ".join(case) + "\n" for case in cases)
    run = subprocess.run([binary, "label", "--no-clean", "--format", "jsonl", "--threads", "1"],
                         input=text.encode(), capture_output=True, check=True)
    got = {}
    for row in run.stdout.decode().splitlines():
        record = json.loads(row)
        got.setdefault(record["line"], []).append(record["text"])
    return [got.get(index + 1, []) for index in range(len(cases))]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, verbose = sys.argv[1], "-v" in sys.argv
    for language in ["en", "es"]:
        path = os.path.join(SHARED, f"{language}.dev.txt")
        sentences = [line.strip() for line in open(path, encoding="utf-8") if line.strip()]
        cases = [sentences[i:i + 5] for i in range(0, len(sentences) - 4, 5)]
        results = segment(binary, cases)
        exact = wanted_total = found_total = extra_total = 0
        for case, result in zip(cases, results):
            paragraph = " ".join(case)
            exact += result == case
            wanted, found = boundaries(paragraph, case), boundaries(paragraph, result)
            wanted_total += len(wanted)
            found_total += len(wanted & found)
            extra_total += len(found - wanted)
            if verbose and result != case:
                print(language, " | ".join(result))
        print(f"{language}: paragraphs exact {exact}/{len(cases)}, boundaries found {found_total}/{wanted_total}, "
              f"extra splits {extra_total}")
        singles = [[sentence] for sentence in sentences]
        pairs = [sentences[i:i + 2] for i in range(0, len(sentences) - 1, 2)]
        whole = sum(result == case for case, result in zip(singles, segment(binary, singles)))
        split = sum(result == case for case, result in zip(pairs, segment(binary, pairs)))
        print(f"{language}: sentences whole {whole}/{len(singles)}, pairs split {split}/{len(pairs)}")


main()
