#!/usr/bin/env bash
# Runs tamiz_job.py on Spark local[2] over the sample documents (three .jsonl.gz files, so three
# partitions on two cores) and checks that its output equals one tamiz process over the same
# documents. Needs Java 17; installs pyspark 4.3.0 into a venv under ~/.cache (reused by reruns).
#
#   Examples/spark/test.sh [TAMIZ_BINARY]     # default: build it with scripts/build-portable.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

binary=${1:-${TAMIZ_BINARY:-}}
if [ -z "$binary" ]; then binary=$("$root/scripts/build-portable.sh" | tail -1); fi

venv=${TAMIZ_SPARK_VENV:-$HOME/.cache/tamiz/spark-venv}
if ! "$venv/bin/python" -c 'import pyspark, sys; sys.exit(pyspark.__version__ != "4.3.0")' 2>/dev/null; then
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pyspark==4.3.0
fi
java -version 2>&1 | head -1 >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
# Three input files of four documents each.
split -l 4 -d --additional-suffix=.jsonl "$here/sample-documents.jsonl" "$work/in/part-"
gzip "$work/in"/*.jsonl

arguments=(keep en es --jsonl)
PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/spark-submit" --master 'local[2]' \
  --conf spark.ui.enabled=false "$here/tamiz_job.py" \
  --binary "$binary" --input "$work/in" --output "$work/out" -- "${arguments[@]}" 2> "$work/spark.log" \
  || { cat "$work/spark.log" >&2; exit 1; }

for file in $(ls "$work/in"/*.jsonl.gz | sort); do gzip -dc "$file"; done \
  | env -i "$binary" "${arguments[@]}" --threads 1 > "$work/expected.jsonl"
cat $(ls "$work/out"/part-*.gz | sort) | gzip -dc > "$work/spark.jsonl"

if [ ! -s "$work/expected.jsonl" ]; then
  echo "spark test: the single tamiz run kept no documents; nothing to compare" >&2
  exit 1
fi
if ! cmp -s "$work/expected.jsonl" "$work/spark.jsonl"; then
  echo "spark test: Spark's output differs from a single tamiz run:" >&2
  diff "$work/expected.jsonl" "$work/spark.jsonl" >&2 || true
  exit 1
fi
echo "spark test: $(wc -l < "$work/spark.jsonl") documents from $(ls "$work/in" | wc -l) partitions on local[2] equal a single tamiz run"
