#!/usr/bin/env bash
# Throughput of plain vs gzip vs zstd input, and of JSON Lines vs the same documents as a WET
# file, in one run: wall time at 2 threads (hyperfine) and instruction counts at 1 thread
# (callgrind, repeatable on a noisy machine). Inputs are paragraphs of five sentences drawn from
# Data/corpus/{en,es}.train.txt, so the run needs nothing outside the repository.
#
#   scripts/compare-containers.sh [MEGABYTES] [TAMIZ_BINARY]    # defaults: 50, the portable build
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-50}
binary=${2:-$(scripts/build-portable.sh | tail -1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_inputs() {  # $1: folder, $2: bytes of text
  python3 - "$1" "$2" <<'PY'
import gzip, json, random, sys
folder, size = sys.argv[1], int(sys.argv[2])
lines = []
for name in ("Data/corpus/en.train.txt", "Data/corpus/es.train.txt"):
    lines += open(name, encoding="utf-8").read().splitlines()
random.seed(1)
paragraphs, total = [], 0
while total < size:
    random.shuffle(lines)
    for i in range(0, len(lines) - 5, 5):
        paragraph = " ".join(lines[i:i + 5]) + "\n"
        paragraphs.append(paragraph)
        total += len(paragraph.encode())
        if total >= size:
            break
open(f"{folder}/text.txt", "w", encoding="utf-8").write("".join(paragraphs))
# Documents of ten paragraphs: as JSON Lines, and as a WET file gzipped one member per record.
with open(f"{folder}/docs.jsonl", "w", encoding="utf-8") as jsonl, open(f"{folder}/docs.warc.wet.gz", "wb") as wet:
    for n, i in enumerate(range(0, len(paragraphs), 10)):
        text = "".join(paragraphs[i:i + 10])
        jsonl.write(json.dumps({"id": f"<urn:uuid:{n}>", "url": f"https://example.org/{n}", "text": text}, ensure_ascii=False) + "\n")
        body = text.encode()
        header = (f"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.org/{n}\r\n"
                  f"WARC-Record-ID: <urn:uuid:{n}>\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        wet.write(gzip.compress(header + body + b"\r\n\r\n", 6))
PY
  gzip -6 -c "$1/text.txt" > "$1/text.txt.gz"
  zstd -q -3 -c "$1/text.txt" > "$1/text.txt.zst"
  gzip -6 -c "$1/docs.jsonl" > "$1/docs.jsonl.gz"
}

mkdir "$work/big" "$work/small"
make_inputs "$work/big" $((megabytes * 1000000))
make_inputs "$work/small" 3000000
ls -l "$work/big"

echo "== wall time, keep en --threads 2, $megabytes MB of text"
hyperfine -N -w 1 -r 5 \
  "$binary keep en --threads 2 $work/big/text.txt" \
  "$binary keep en --threads 2 $work/big/text.txt.gz" \
  "$binary keep en --threads 2 $work/big/text.txt.zst" \
  "$binary keep en --threads 2 --jsonl $work/big/docs.jsonl" \
  "$binary keep en --threads 2 --jsonl $work/big/docs.jsonl.gz" \
  "$binary keep en --threads 2 $work/big/docs.warc.wet.gz"

echo "== instructions, keep en --threads 1, 3 MB of text"
# Valgrind cannot read the static binary's debug information; a stripped copy runs the same code.
strip -o "$work/tamiz" "$binary"
for input in text.txt text.txt.gz text.txt.zst "--jsonl docs.jsonl" docs.warc.wet.gz; do
  count=$(cd "$work/small" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/tamiz" keep en --threads 1 $input 2>&1 >/dev/null \
    | sed -n 's/.*Collected : //p')
  echo "$input: $count instructions"
done
