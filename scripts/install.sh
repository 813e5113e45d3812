#!/usr/bin/env bash
# Installs tamiz under PREFIX (default /usr/local; DESTDIR is honoured for packaging): the
# portable binary (scripts/build-portable.sh), its man page (swift-argument-parser's
# generate-manual plugin) and bash, zsh and fish completions (tamiz --generate-completion-script).
#
#   scripts/install.sh [PREFIX]        or        make install PREFIX=...
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-${PREFIX:-/usr/local}}
root=${DESTDIR:-}$prefix

binary=$(scripts/build-portable.sh | tail -1)
# The plugin runs the tool's own --experimental-dump-help; a debug build is enough for that.
swift package plugin generate-manual --configuration debug >&2
manual=.build/plugins/GenerateManual/outputs/tamiz/tamiz.1

install -Dm755 "$binary" "$root/bin/tamiz"
install -Dm644 "$manual" "$root/share/man/man1/tamiz.1"
completions=$(mktemp -d)
trap 'rm -rf "$completions"' EXIT
for shell in bash zsh fish; do "$binary" --generate-completion-script "$shell" > "$completions/$shell"; done
install -Dm644 "$completions/bash" "$root/share/bash-completion/completions/tamiz"
install -Dm644 "$completions/zsh" "$root/share/zsh/site-functions/_tamiz"
install -Dm644 "$completions/fish" "$root/share/fish/vendor_completions.d/tamiz.fish"
echo "installed $root/bin/tamiz, $root/share/man/man1/tamiz.1 and completions for bash, zsh and fish"
