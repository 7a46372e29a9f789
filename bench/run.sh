#!/bin/sh
# run.sh BIN - run every bench/bench_*.sh with the securebase binary BIN.
# Benchmarks print figures; they are not timed tests and do not fail on a miss.
set -u
bin=${1:?usage: bench/run.sh path/to/securebase}
dir=$(dirname "$0")
rc=0
for b in "$dir"/bench_*.sh; do
	[ -f "$b" ] || continue
	echo "== ${b##*/}"
	sh "$b" "$bin" || rc=1
done
exit $rc
