#!/bin/sh
# bench_score.sh BIN - batch scoring speed and memory (issue 3).
#
# Generates 200,000 respondents x 36 ECR-R items (about 16 MB) and times
# `BIN score --bank ecr-r` against bench/score_floor.c, a minimal program
# that parses that one fixed layout and prints the two means (target:
# within 2x its time).  Peak resident memory of `score` at 200,000 and
# 2,000,000 rows (the latter streamed through a pipe, no file) must be at
# most 4 MiB and the same at both sizes.  Where R and its psych package are
# installed, psych::scoreItems (read.csv included) is timed too (target:
# securebase at least 25x faster); R is never required.
#
# Times are the best of RUNS runs (default 5) of wall-clock time, by
# bench/timeit.c, output to /dev/null.  Prints figures; never fails on a
# missed target.
set -eu
. "$(dirname "$0")/lib.sh"
runs=${RUNS:-5}
data=$work/ecr-r-200k.csv

build_tool score_floor
build_tool timeit

# Deterministic answers 1..7: an LCG whose products stay below 2^53, so
# every awk (all arithmetic in doubles) writes the same file.
if [ ! -s "$data" ]; then
	awk 'BEGIN {
		s = 12345; printf "respondent"
		for (i = 1; i <= 36; i++) printf ",ecrr%d", i
		printf "\n"
		for (r = 1; r <= 200000; r++) {
			printf "r%06d", r
			for (i = 1; i <= 36; i++) {
				s = (s * 69069 + 1) % 4294967296
				printf ",%d", 1 + int(s / 65536) % 7
			}
			printf "\n"
		}
	}' >"$data"
fi
echo "data: $data ($(wc -c <"$data") bytes, 200000 rows x 36 items)"

# The floor and securebase must agree on the two means before timing.
"$work/score_floor" "$data" >"$work/floor.out"
"$bin" score --bank ecr-r "$data" | tail -n +2 | cut -d, -f1-3 >"$work/score.out"
if cmp -s "$work/floor.out" "$work/score.out"; then
	echo "check: securebase and the floor print the same means for every row"
else
	echo "check: MISMATCH between securebase and the floor (see $work/*.out)"
fi

# best_ms CMD...: best wall-clock time of $runs runs, in milliseconds.
best_ms() {
	best "$runs" "$@" | awk '{ printf "%.1f", $1 / 1000 }'
}

floor_ms=$(best_ms "$work/score_floor" "$data")
score_ms=$(best_ms "$bin" score --bank ecr-r "$data")
json_ms=$(best_ms "$bin" score --bank ecr-r --format json "$data")
ratio=$(awk -v a="$score_ms" -v b="$floor_ms" 'BEGIN { printf "%.2f", a / b }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.0) ? "met" : "MISSED" }')
echo "time: floor ${floor_ms} ms, securebase score ${score_ms} ms (--format json ${json_ms} ms)"
echo "ratio: ${ratio}x the floor (target <= 2x: $verdict)"

# Peak RSS (KiB) of score at 200,000 rows and at 2,000,000 rows through a pipe.
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	rss1=$( { /usr/bin/time -f %M "$bin" score --bank ecr-r "$data" >/dev/null; } 2>&1 | tail -1)
	rss2=$( { i=0; cat "$data"; while [ $i -lt 9 ]; do tail -n +2 "$data"; i=$((i + 1)); done; } |
		{ /usr/bin/time -f %M "$bin" score --bank ecr-r - >/dev/null; } 2>&1 | tail -1)
	echo "memory: peak RSS ${rss1} KiB at 200,000 rows, ${rss2} KiB at 2,000,000 rows (stdin)"
	awk -v a="$rss1" -v b="$rss2" 'BEGIN {
		d = b - a; if (d < 0) d = -d
		printf "memory target (<= 4096 KiB, same at both sizes): %s\n",
		       (a <= 4096 && b <= 4096 && d <= 256) ? "met" : "MISSED"
	}'
else
	echo "memory: GNU time (/usr/bin/time) not installed; peak RSS not measured"
fi

# Optional: R's psych::scoreItems on the same file.
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'quit(status = !requireNamespace("psych", quietly = TRUE))' >/dev/null 2>&1; then
	cat >"$work/psych.R" <<'EOF'
f <- commandArgs(TRUE)[1]
d <- read.csv(f)
rev <- c(9, 11, 20, 22, 26:31, 33:36)
keys <- list(anxiety = paste0("ecrr", 1:18), avoidance = paste0("ecrr", 19:36))
keys <- lapply(keys, function(k) ifelse(as.integer(sub("ecrr", "", k)) %in% rev, paste0("-", k), k))
s <- psych::scoreItems(keys, d[, -1], min = 1, max = 7, totals = FALSE)
write.csv(s$scores, stdout())
EOF
	r_ms=$(best_ms Rscript "$work/psych.R" "$data")
	echo "R psych::scoreItems: ${r_ms} ms ($(awk -v a="$r_ms" -v b="$score_ms" 'BEGIN { printf "%.1f", a / b }')x securebase; target >= 25x)"
else
	echo "R psych::scoreItems: not measured (R or the psych package is not installed)"
fi
