#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ and runs each for SECONDS (default 60); exit 0 only if
# none crashed. `scripts/fuzz.sh 0` only builds them (for CI, so they cannot rot).
#
# The JSON scanner's harness compiles its two source files in directly. The others link the
# package's library modules, built once by SwiftPM with libFuzzer's coverage and AddressSanitizer
# (`-Xswiftc -sanitize=fuzzer,address`; `--sanitize fuzzer --sanitize address` reaches swiftc as
# two flags of which the last wins, leaving the code without coverage), only the library target
# so no executable links libFuzzer's main, into .build-fuzz/spm; each harness links their objects.
# Crashes and their inputs go to .build-fuzz/crashes/HARNESS/; the grown corpora stay in
# .build-fuzz/HARNESS-corpus between runs. FUZZ_JOBS=2 runs two harnesses at a time.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build-fuzz"
mkdir -p "$out"

swift build -c release --build-path "$out/spm" -Xswiftc -sanitize=fuzzer,address --target Tamiz
products="$out/spm/release"
swift_targets=(Tamiz TamizBytes TamizSegmenting TamizClassifying TamizCleaning TamizContainers)
c_targets=(CICUSentenceBreak CTamizModelData CTamizSegmentationData CTamizSpanData CZlib CZstd CMemory)
# The harnesses use `package` declarations (WARCDocumentSource, ByteSource), so they join the
# package: SwiftPM names it after the checkout's folder, lower case, `-` as `_`.
package_name="$(basename "$root" | tr 'A-Z-' 'a-z_')"
package_flags=(-package-name "$package_name" -I "$products/Modules")
for target in "${c_targets[@]}"; do package_flags+=(-Xcc "-fmodule-map-file=$products/$target.build/module.modulemap"); done
for target in "${swift_targets[@]}" "${c_targets[@]}"; do package_flags+=("$products/$target.build/"*.o); done
package_flags+=(-licuuc -lz -lzstd)

build() {  # name, harness, sources or flags...
    local name="$1"; shift
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "$(echo "$name" | tr - _)" \
        "$root/Fuzz/FuzzCheck.swift" "$@" -o "$out/$name"
}
json_sources=("$root/Sources/Tamiz/JSONScanner.swift" "$root/Sources/Tamiz/UTF8Repair.swift")
build fuzz-json "$root/Fuzz/JSONScannerFuzz.swift" "${json_sources[@]}"
build fuzz-segmenter "$root/Fuzz/SegmenterFuzz.swift" "${package_flags[@]}"
build fuzz-classifier "$root/Fuzz/ClassifierFuzz.swift" "${package_flags[@]}"
build fuzz-cleaner "$root/Fuzz/CleanerFuzz.swift" "${package_flags[@]}"
build fuzz-filter "$root/Fuzz/FilterFuzz.swift" "${package_flags[@]}"
build fuzz-warc "$root/Fuzz/WARCReaderFuzz.swift" "${json_sources[@]}" "${package_flags[@]}"
[ "$seconds" -gt 0 ] || exit 0

# Each harness's seed corpora (Fuzz/corpus/NAME), all written for these harnesses.
declare -A seeds=(
    [fuzz-json]="json utf8" [fuzz-segmenter]="segmenter utf8" [fuzz-classifier]="classifier utf8"
    [fuzz-cleaner]="cleaner utf8" [fuzz-filter]="filter" [fuzz-warc]="warc"
)
fuzz() {  # harness
    local harness="$1" work="$out/$1-corpus" crashes="$out/crashes/$1/" status=0
    mkdir -p "$work" "$crashes"
    local corpora=()
    for seed in ${seeds[$harness]}; do corpora+=("$root/Fuzz/corpus/$seed"); done
    "$out/$harness" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$crashes" "$work" "${corpora[@]}" > "$out/$harness.log" 2>&1 || status=$?
    echo "$harness: exit $status; $(grep -E '^(#[0-9]+.*(DONE|pulse|NEW|REDUCE)|stat::number_of_executed_units)' "$out/$harness.log" | tail -2 | tr '\n' ' ')"
    return $status
}
status=0
jobs="${FUZZ_JOBS:-1}"
harnesses=(fuzz-json fuzz-segmenter fuzz-classifier fuzz-cleaner fuzz-filter fuzz-warc)
for ((i = 0; i < ${#harnesses[@]}; i += jobs)); do
    pids=()
    for harness in "${harnesses[@]:i:jobs}"; do fuzz "$harness" & pids+=($!); done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
done
exit $status
