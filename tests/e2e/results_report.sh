#!/bin/sh
# results_report.sh - `--report FILE --format text|markdown|json` and
# `--include-reflections` through plain mode: files 0600 written atomically,
# the JSON parsed back field by field (python3, when installed), the text
# and Markdown carrying the person's parts, reflections only with consent,
# the plain summary after the last item, and the exit codes 64 and 73.
# Finally explore reads the JSON report back (its `r` key) when tmux exists.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cd "$TMPD"

# Answers for plain mode: anxiety 6, avoidance 2 (reverse-keyed items
# answered the other way), a reflection, two empty ones.
answers() {
	for a in 6 6 6 6 6 6 6 6 6 6 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 6 6 6 6 6; do echo "$a"; done
	printf 'I call my sister\n\n\n'
}
# Everything at 4: both scores on their cutoffs (near the boundary).
middle() {
	i=0
	while [ $i -lt 30 ]; do echo 4; i=$((i + 1)); done
	printf '\n\n\n'
}

# run EXPECTED ARGS...: plain mode with the answers on stdin.
run() {
	want=$1
	shift
	set +e
	answers | "$SB" --plain --no-save "$@" >out 2>err
	got=$?
	set -e
	[ "$got" -eq "$want" ] || { cat err; fail "securebase $* exited $got, expected $want"; }
}

run 0 --report r.json --format json
[ "$(stat -c %a r.json)" = 600 ] || fail "report mode is not 600"
[ "$(ls -A | grep -c '^\.r\.json')" -eq 0 ] || fail "temporary file left behind"
grep -qF "That was the last question" out || fail "no end-of-items line"
grep -qF "Your result" out || fail "plain mode did not print the summary"
grep -qF "Help and resources" out || fail "summary lacks the help"
if grep -qF "I call my sister" r.json; then fail "reflection in the report without consent"; fi
grep -qF '"reflections_included": false' r.json || fail "consent flag missing"
if command -v python3 >/dev/null 2>&1; then
	python3 - r.json <<'PY' || fail "the JSON report is wrong"
import json, re, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "securebase-report" and d["version"] == 1
assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d["created"]), d["created"]
b = d["bank"]
assert b["id"] == "core" and b["title"] and re.fullmatch(r"[0-9a-f]{16}", b["hash"]), b
assert d["classification"] == {"method": "quadrant", "anxiety": "anxiety", "avoidance": "avoidance"}
s = {x["id"]: x for x in d["scales"]}
assert s["anxiety"]["score"] == 6 and s["avoidance"]["score"] == 2, s
assert s["anxiety"]["cutoff"] == 4 and s["anxiety"]["high"] is True and s["avoidance"]["high"] is False
assert s["anxiety"]["min"] == 1 and s["anxiety"]["max"] == 7 and s["anxiety"]["norm"] is None
assert s["anxiety"]["answered"] == 15
assert d["style"] == "anxious-preoccupied" and d["styles"] == ["anxious-preoccupied"]
assert d["margin"] == 2 and d["near_boundary"] is False and d["neighbours"] == []
assert d["quality"] == [], d["quality"]          # piped answers are not timed
assert len(d["answers"]) == 30 and d["answers"][0] == {"item": "anx01", "answer": 6, "keys": {"anxiety": 1}}
assert d["answers"][10]["keys"] == {"anxiety": -1} and d["answers"][10]["answer"] == 2
assert "reflections" not in d and d["reflections_included"] is False
assert "not a diagnosis" in d["disclaimer"]
PY
fi

run 0 --report r2.json --format json --include-reflections
grep -qF '"I call my sister"' r2.json || fail "--include-reflections did not include them"
grep -qF '"reflections_included": true' r2.json || fail "consent flag not true"

run 0 --report r.md --format markdown
for want in "# Close relationships self-check" "## Your result" "**Anxious-preoccupied**" \
            '```text' "## Why this score" "reverse-keyed" "## Help and resources" \
            "not a diagnosis" "988" "116 123"; do
	grep -qF -- "$want" r.md || fail "Markdown report lacks: $want"
done
if grep -qF "I call my sister" r.md; then fail "reflection in Markdown without consent"; fi

run 0 --report r.txt --format text --include-reflections
for want in "Your result" "+------" "@ marks you" "Attachment anxiety" "cutoff 4, so high" \
            "What this means" "Your two dimensions" "Growing from here" \
            "I call my sister" "Your answers" "not a diagnosis" "13 11 14"; do
	grep -qF -- "$want" r.txt || fail "text report lacks: $want"
done
if LC_ALL=C grep -q '[^ -~]' r.txt && grep -q "[┼●]" r.txt; then
	fail "report files draw the plane in ASCII"
fi
[ "$(stat -c %a r.txt)" = 600 ] || fail "text report mode is not 600"

# Without --format the file's name picks it; an explicit --format wins.
run 0 --report auto.json
head -c 1 auto.json | grep -qF '{' || fail "--report x.json without --format is not JSON"
grep -qF '"format": "securebase-report"' auto.json || fail "auto.json is not a JSON report"
run 0 --report auto.md
grep -qF "## Your result" auto.md || fail "--report x.md without --format is not Markdown"
run 0 --report auto.MARKDOWN
grep -qF "## Your result" auto.MARKDOWN || fail "--report x.MARKDOWN is not Markdown"
run 0 --report auto.txt
if grep -qF "## Your result" auto.txt; then fail "--report x.txt is Markdown"; fi
grep -qF "Your result" auto.txt || fail "--report x.txt is not a text report"
run 0 --report forced.json --format text
if grep -qF '"format": "securebase-report"' forced.json; then fail "--format text lost to the name"; fi
grep -qF "Your result" forced.json || fail "--format text did not write text"

# Near the boundary: both neighbouring styles named.
set +e
middle | "$SB" --plain --no-save --report near.json --format json >out 2>err
rc=$?
set -e
[ $rc -eq 0 ] || fail "near-boundary run exited $rc"
grep -qF "Between Secure, Anxious-preoccupied and Dismissive-avoidant" out ||
	fail "summary does not name the neighbouring styles"
grep -qF '"near_boundary": true' near.json || fail "near_boundary not true"
grep -qF '"anxious-preoccupied",' near.json || fail "neighbours missing"

# Errors: bad format (64), a report that cannot be created (73).
run 64 --report x.txt --format html
[ ! -e x.txt ] || fail "file written after a usage error"
run 73 --report "$TMPD/missing/dir/r.txt"
grep -qF "missing/dir/r.txt" err || fail "no message naming the report"
run 73 --report "$TMPD"
# --no-save with --report: the report is the only file written anywhere.
files=$(find "$HOMED" -type f | wc -l)
[ "$files" -eq 0 ] || fail "--no-save wrote files: $(find "$HOMED" -type f)"

# explore reads the JSON report back and starts from its point.
if have_tmux; then
	start 100 30 explore
	wait_for "anxiety"
	keys r
	wait_for "Report file:"
	keys -l "$TMPD/r.json"
	keys Enter
	wait_for "Report of Close relationships self-check (core)"
	wait_for "anxiety 6.00, avoidance 2."
	screen | grep -qi "anxious-preoccupied" || fail "explore does not show the report's style"
fi
echo "ok"
