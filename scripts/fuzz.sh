#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ and runs each for SECONDS (default 60); exit 0 only if
# none crashed. `scripts/fuzz.sh 0` only builds them (for CI, so they cannot rot).
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build-fuzz"
mkdir -p "$out"
build() {  # name, harness, sources...
    local name="$1"; shift
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "$(echo "$name" | tr - _)" "$@" -o "$out/$name"
}
build fuzz-json "$root/Fuzz/JSONScannerFuzz.swift" "$root/Sources/Tamiz/JSONScanner.swift" "$root/Sources/Tamiz/UTF8Repair.swift"
[ "$seconds" -gt 0 ] || exit 0
status=0
for harness in fuzz-json; do
    work="$out/$harness-corpus"
    mkdir -p "$work"
    "$out/$harness" -max_total_time="$seconds" -print_final_stats=1 "$work" "$root/Fuzz/corpus/json" "$root/Fuzz/corpus/utf8" \
        || status=1
done
exit $status
