#!/bin/sh
# bench_startup.sh BIN - how fast `securebase run` puts a question on the
# screen, and how much memory a whole administration takes, in a
# pseudo-terminal (bench/ptytime.c), with `dialog --yesno` started the same
# way as a reference.  Targets (issue 5): first item within 20 ms, peak
# resident memory at most 8 MiB.  Prints figures; never fails on a miss.
set -u
bin=${1:?usage: bench/bench_startup.sh path/to/securebase}
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cc -O2 -o "$tmp/ptytime" "$dir/ptytime.c" || { echo "cannot build ptytime"; exit 1; }
pt="$tmp/ptytime"
export HOME="$tmp/home" TERM=${TERM:-xterm-256color}
[ "$TERM" = dumb ] && TERM=xterm-256color
mkdir -p "$HOME"
runs=${RUNS:-20}

echo "securebase: start to the welcome screen, then Enter to the first item (80x24, $runs runs)"
"$pt" -n "$runs" -w "Begin" -k '\r' -w "1 of 33" -k 'q' -w "Stop for now" -k 'y' -- "$bin"

echo "securebase --resume: start to the first item drawn (saved progress, $runs runs)"
printf '3\nq\n' | "$bin" --plain >/dev/null 2>&1
"$pt" -n "$runs" -w "2 of 33" -k 'q' -w "Stop for now" -k 'y' -- "$bin" --resume

echo "securebase: a whole administration of core by keys (welcome, 33 items, review, results)"
keys='\r'
i=1
while [ $i -le 30 ]; do keys="$keys$(( (i % 7) + 1 ))"; i=$((i + 1)); done
rm -rf "$HOME/.local"
# (waits name texts drawn whole: curses rewrites only what changed, so "31 of 33"
# after "30 of 33" never appears in one piece)
"$pt" -n 3 -w "Begin" -k "$keys" -w "relationship hurts" -k 'I talk to a friend\r' \
	-w "truly safe" -k '\r' -w "one small thing" -k 'more trust\r' -w "Review your answers" \
	-k '\r' -w "Your scores" -k 'q' -- "$bin" --quiet

if command -v dialog >/dev/null 2>&1; then
	echo "reference: dialog --yesno, start to drawn ($runs runs)"
	"$pt" -n "$runs" -w "Continue?" -k '\r' -- dialog --yesno "Continue?" 7 40
else
	echo "reference: dialog is not installed"
fi
