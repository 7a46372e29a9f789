#!/bin/sh
# static.sh - static analysis: cppcheck, then clang-tidy (configuration in
# .clang-tidy), over src/*.c and src/tui/*.c.  Exits 1 on any finding.
# Needs build/embedded.c (make build/embedded.c).  Suppressions: inline
# (cppcheck-suppress / NOLINT, each with its reason) and tools/cppcheck.supp.
# JOBS=N runs N clang-tidy processes (default: the number of CPUs).
set -u
cd "$(dirname "$0")/.." || exit 2
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
SRC="src/*.c src/tui/*.c"
status=0

if [ ! -f build/embedded.c ]; then
	echo "static: build/embedded.c is missing; run: make build/embedded.c" >&2
	exit 2
fi
for tool in cppcheck clang-tidy; do
	command -v $tool >/dev/null 2>&1 || { echo "static: $tool not found (apt-get install $tool)" >&2; exit 2; }
done

# --- cppcheck -------------------------------------------------------------
# --library is not used for xfatal: include/xmalloc.h marks it noreturn with
# an attribute cppcheck understands.
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2086  # $SRC is a list of globs
cppcheck --enable=warning,style,performance,portability --inline-suppr \
	--error-exitcode=1 -Iinclude -Ibuild --std=c11 -q -j "$JOBS" \
	--suppressions-list=tools/cppcheck.supp \
	--template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
	$SRC >"$log" 2>&1
rc=$?
cat "$log"
if [ $rc -ne 0 ] || grep -q ': \(error\|warning\|style\|performance\|portability\):' "$log"; then
	echo "FAIL cppcheck"
	status=1
else
	echo "PASS cppcheck"
fi

# --- clang-tidy -----------------------------------------------------------
# shellcheck disable=SC2046
CFLAGS_TIDY="$($PKG_CONFIG --cflags ncursesw yaml-0.1 jansson) -Iinclude -Ibuild -std=c11 -DSECUREBASE_VERSION=\"x\""
export CFLAGS_TIDY
# One clang-tidy per file, JOBS at a time; warnings on stdout, the
# "N warnings generated" chatter on stderr is dropped.
# shellcheck disable=SC2086
ls $SRC | xargs -P "$JOBS" -n 1 sh -c \
	'clang-tidy --quiet --warnings-as-errors="*" "$1" -- $CFLAGS_TIDY 2>/dev/null || echo "$1: clang-tidy exit $?"' _ \
	>"$log"
# One line per finding (a header's is reported once, not per includer).
grep 'warning:\|error:\|clang-tidy exit' "$log" | sed "s|^$PWD/||" | awk '!seen[$0]++'
if grep -q 'warning:\|error:\|clang-tidy exit' "$log"; then
	echo "FAIL clang-tidy"
	status=1
else
	echo "PASS clang-tidy"
fi
exit $status
