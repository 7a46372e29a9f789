#!/bin/sh
# bench_report.sh BIN - what a report costs (issue 6).
#
# Times a whole plain-mode administration of the default bank (30 likert
# items, 3 free-text items, answers piped) without a report, then with
# --report in each format, and prints the extra time the report takes and
# the size of each file.  Then the same for a generated bank of 5,000 items
# (2,500 per scale, every third reverse-keyed), where the report lists every
# answer, to show the report grows linearly.  Times are the best of RUNS runs
# (default 20; 5 for the big bank) of wall-clock time, by bench/timeit.c.
# Prints figures; never fails on a missed target.
set -eu
. "$(dirname "$0")/lib.sh"
runs=${RUNS:-20}
work=$work/report
mkdir -p "$work"
build_tool timeit
export HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"

# answers N: N likert answers cycling 1..7, then three empty free-text lines.
answers() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) print (i % 7) + 1; print "a reflection"; print ""; print "" }'
}

# gen N: a quadrant bank of N likert items and one free-text item.
gen() {
	awk -v n="$1" 'BEGIN {
		print "securebase: 1"; print "id: benchrep"; print "title: Report benchmark"
		print "response_scale: {min: 1, max: 7}"
		print "scales: [{id: anxiety, name: Anxiety}, {id: avoidance, name: Avoidance}]"
		print "classification: {method: quadrant, anxiety: anxiety, avoidance: avoidance}"
		print "items:"
		for (i = 1; i <= n; i++)
			printf "  - {id: i%05d, scale: %s, text: Statement number %d about closeness%s}\n",
			       i, i % 2 ? "anxiety" : "avoidance", i, i % 3 ? "" : ", reverse: true"
		print "  - {id: t1, type: text, text: Anything else}"
		print "  - {id: t2, type: text, text: Anything more}"
		print "  - {id: t3, type: text, text: Last one}"
	}'
}

# time_run BANK N RUNS [ARGS]: best wall time (microseconds) of one administration.
time_run() {
	bank=$1 n=$2 r=$3
	shift 3
	answers "$n" >"$work/answers-$n"
	best "$r" sh -c 'b=$1 k=$2 a=$3; shift 3; exec "$b" --plain --no-save --bank "$k" "$@" <"$a"' sh \
		"$bin" "$bank" "$work/answers-$n" "$@" | cut -d' ' -f1
}

# report BANK N RUNS LABEL: the table for one bank.
report() {
	bank=$1 n=$2 r=$3 label=$4
	base=$(time_run "$bank" "$n" "$r")
	printf '%s: administration without a report: %d us (best of %d)\n' "$label" "$base" "$r"
	for f in text markdown json; do
		t=$(time_run "$bank" "$n" "$r" --report "$work/r.$f" --format "$f")
		size=$(wc -c <"$work/r.$f")
		printf '  --format %-8s  %7d us total, report adds %6d us, file %7d bytes\n' \
			"$f" "$t" $((t - base)) "$size"
	done
}

report core 30 "$runs" "core (30 items)"
gen 5000 >"$work/big.yaml"
report "$work/big.yaml" 5000 "${BIG_RUNS:-5}" "generated (5000 items)"
