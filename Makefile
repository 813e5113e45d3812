# Conveniences over scripts/: `make portable` prints the portable binary's path,
# `make install PREFIX=/usr/local` installs it with its man page and completions.
PREFIX ?= /usr/local

.PHONY: portable install
portable:
	scripts/build-portable.sh

install:
	PREFIX="$(PREFIX)" scripts/install.sh
