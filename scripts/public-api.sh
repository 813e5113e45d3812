#!/bin/sh
# Lists the public top-level declarations a user gets from `import Tamiz` (the Tamiz module and the
# modules its Exports.swift re-exports), one `module<TAB>name` a line, and their count last.
cd "$(dirname "$0")/.." || exit 2
for module in Tamiz $(sed -n 's/^@_exported import \(Tamiz[A-Za-z]*\)$/\1/p' Sources/Tamiz/Exports.swift); do
    grep -rhoE '^public +(final +)?(struct|enum|class|protocol|actor|func|let|var|typealias) +[A-Za-z_][A-Za-z0-9_]*' "Sources/$module" |
        awk -v module="$module" '{ print module "\t" $NF }'
done | sort -u > "${TMPDIR:-/tmp}/tamiz-public-api.$$"
cat "${TMPDIR:-/tmp}/tamiz-public-api.$$"
echo "$(wc -l < "${TMPDIR:-/tmp}/tamiz-public-api.$$" | tr -d ' ') public top-level declarations"
rm -f "${TMPDIR:-/tmp}/tamiz-public-api.$$"
