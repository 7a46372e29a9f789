#!/bin/sh
# bench_check.sh BIN - `securebase check` speed against a libyaml floor (issue 2).
#
# Generates a bank of 20,000 items (about 2.5 MB) and one of 200,000 items
# (about 25 MB), and times `BIN check` on each against bench/yaml_floor.c,
# which only reads the file and runs libyaml's event parser over it.
# Targets: check within 1.5x the floor at 20,000 items, and linear growth
# (200,000 items within 11x the 20,000-item time).  A 200,000-item bank
# whose last item repeats an id is timed too: duplicate-id detection must
# not be quadratic.
#
# Times are the best of RUNS runs (default 10; 5 for the big files) of
# wall-clock and of CPU time (user + system), measured by bench/timeit.c,
# output to /dev/null.  Prints figures; never fails on a missed target.
set -eu
. "$(dirname "$0")/lib.sh"
runs=${RUNS:-10}

# shellcheck disable=SC2046
build_tool yaml_floor $(pkg-config --cflags --libs yaml-0.1)
build_tool timeit

# gen N [DUP]: a quadrant bank of N items (half anxiety, half avoidance, every
# third reverse-keyed) with one example; with DUP the last item repeats item 1's id.
gen() {
	awk -v n="$1" -v dup="${2:-}" 'BEGIN {
		print "securebase: 1"; print "id: bench"; print "title: Benchmark bank"
		print "response_scale:"; print "  min: 1"; print "  max: 7"
		print "  labels: {1: Strongly disagree, 4: Neither, 7: Strongly agree}"
		print "scales:"
		print "  - id: anxiety"; print "    name: Attachment anxiety"
		print "  - id: avoidance"; print "    name: Attachment avoidance"
		print "classification:"; print "  method: quadrant"
		print "  anxiety: anxiety"; print "  avoidance: avoidance"
		print "items:"
		for (i = 1; i <= n; i++) {
			printf "  - id: item%06d\n", (dup != "" && i == n) ? 1 : i
			printf "    text: When someone close to me seems distant, statement %d says how I feel.\n", i
			printf "    scale: %s\n", (i % 2 ? "anxiety" : "avoidance")
			if (i % 3 == 0) print "    reverse: true"
		}
		print "examples:"
		print "  - answers: {item000001: 7, item000002: 1, item000003: 1, item000004: 1}"
		print "    expect: {anxiety: null, avoidance: null, style: null}"
	}'
}

for n in 20000 200000; do
	[ -s "$work/bank-$n.yaml" ] || gen $n >"$work/bank-$n.yaml"
done
[ -s "$work/bank-200000-dup.yaml" ] || gen 200000 dup >"$work/bank-200000-dup.yaml"

# The banks must be valid (and the duplicate found), or the timing means nothing.
"$bin" check "$work/bank-20000.yaml" "$work/bank-200000.yaml" >/dev/null
set +e
"$bin" check "$work/bank-200000-dup.yaml" 2>"$work/dup.err"
st=$?
set -e
[ $st -eq 65 ] && grep -q "duplicate item id 'item000001'" "$work/dup.err" ||
	{ echo "bench_check: the duplicate id was not reported (status $st)"; exit 1; }

f20=$(best "$runs" "$work/yaml_floor" "$work/bank-20000.yaml")
c20=$(best "$runs" "$bin" check "$work/bank-20000.yaml")
big=$(( runs < 5 ? runs : 5 ))
f200=$(best "$big" "$work/yaml_floor" "$work/bank-200000.yaml")
c200=$(best "$big" "$bin" check "$work/bank-200000.yaml")
set +e
d200=$(best 1 sh -c '"$1" check "$2"; [ $? -eq 65 ]' sh "$bin" "$work/bank-200000-dup.yaml")
set -e

awk -v f20="$f20" -v c20="$c20" -v f200="$f200" -v c200="$c200" -v d200="$d200" \
    -v s20="$(wc -c <"$work/bank-20000.yaml")" -v s200="$(wc -c <"$work/bank-200000.yaml")" '
function ms(us) { return sprintf("%8.1f ms", us / 1000) }
BEGIN {
	split(f20, F20, " "); split(c20, C20, " "); split(f200, F200, " ")
	split(c200, C200, " "); split(d200, D200, " ")
	printf "                          wall         cpu\n"
	printf "floor  20,000 items  %s %s   (%.1f MB)\n", ms(F20[1]), ms(F20[2]), s20 / 1e6
	printf "check  20,000 items  %s %s\n", ms(C20[1]), ms(C20[2])
	printf "floor 200,000 items  %s %s   (%.1f MB)\n", ms(F200[1]), ms(F200[2]), s200 / 1e6
	printf "check 200,000 items  %s %s\n", ms(C200[1]), ms(C200[2])
	printf "check 200,000 + dup  %s %s   (status 65, duplicate found)\n", ms(D200[1]), ms(D200[2])
	r = C20[1] / F20[1]; g = C200[1] / C20[1]
	printf "check / floor at 20,000 items:  %.2fx wall, %.2fx cpu  (target <= 1.5x: %s)\n",
	       r, C20[2] / F20[2], r <= 1.5 ? "met" : "MISSED"
	printf "200,000 / 20,000 items:         %.2fx wall, %.2fx cpu  (target <= 11x: %s)\n",
	       g, C200[2] / C20[2], g <= 11 ? "met" : "MISSED"
}'
