#!/bin/sh
# lint.sh - architecture rules that a compiler does not check.
# The core (src/*.c, include/) never includes curses: it links into tests without a terminal.
set -u
bad=$(grep -ln '#include *[<"]n\?cursesw\?\(/\|\.h\)' src/*.c include/*.h 2>/dev/null | grep -v '^include/tui')
if [ -n "$bad" ]; then
	echo "FAIL lint: the core includes curses: $bad"
	exit 1
fi
echo "PASS lint (core is curses-free)"
