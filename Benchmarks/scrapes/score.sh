#!/usr/bin/env bash
# Scores Tamiz's cleanup + language labels on the shared dev scrapes (line level).
#
#   Benchmarks/scrapes/score.sh [PRED_DIR]      (from anywhere; PRED_DIR defaults to a temp dir)
#
# Builds the release `tamiz` (scratch path $TAMIZ_SCRATCH, default .build), runs
# `tamiz label --unit line --format tsv` on every ../shared/samples/scrapes/NNN.txt, writes
# PRED_DIR/NNN.tsv as `line<TAB>en|es|drop` and runs the scorer there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scrapes="$root/../shared/samples/scrapes"
if [[ ! -f "$scrapes/score.py" ]]; then
    echo "score.sh: $scrapes/score.py not found: the shared samples (../shared beside the project) are needed" >&2
    exit 1
fi
scratch="${TAMIZ_SCRATCH:-$root/.build}"
pred="${1:-$(mktemp -d)}"
mkdir -p "$pred"
if [[ -z "${TAMIZ_NO_BUILD:-}" ]]; then
    (cd "$root" && swift build -c release --scratch-path "$scratch" --product tamiz >&2)
fi
tamiz="$scratch/release/tamiz"
for page in "$scrapes"/[0-9][0-9][0-9].txt; do
    id="$(basename "$page" .txt)"
    # TSV: lang, confidence, debris, text; one record per input line, in order.
    "$tamiz" label --unit line --format tsv "$page" \
        | awk -F'\t' '{ print NR "\t" ($3 != "-" ? "drop" : ($1 == "und" ? "drop" : $1)) }' \
        > "$pred/$id.tsv"
done
python3 "$scrapes/score.py" "$pred"
