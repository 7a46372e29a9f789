#!/bin/sh
# run_plain.sh - plain line mode with piped answers, exactly as SPEC 1 says:
# numbers answer, b goes back, ? helps, q stops (exit 130, progress kept),
# free text takes the whole line, end of input before the end is q, the
# summary after the last item.  Also: the one-line notice when falling back,
# --no-save writing nothing, TERM=dumb, usage errors, --resume on a damaged
# or out-of-date progress file (65, the file kept aside).
set -eu
. "$(dirname "$0")/lib/tmux.sh"

run() { "$SB" "$@" >"$TMPD/out" 2>"$TMPD/err"; }

answers() {   # 30 likert answers then three free-text lines
	i=1
	while [ $i -le 30 ]; do echo $(( (i % 7) + 1 )); i=$((i + 1)); done
	printf 'q is part of my answer\n\n? also text\n'
}

# a full run through a pipe: the fallback notice, the summary, nothing left
answers | run || fail "full plain run failed with $?"
[ "$(wc -l <"$TMPD/err")" = 1 ] || fail "expected exactly one notice on stderr: $(cat "$TMPD/err")"
grep -q "plain line mode" "$TMPD/err" || fail "no fallback notice"
grep -qx "Question 33 of 33 (free text, optional)" "$TMPD/out" || fail "not every question asked"
grep -qx "1 Strongly disagree" "$TMPD/out" || fail "options not numbered one per line"
grep -qF "Here is your summary" "$TMPD/out" || fail "no summary"
grep -qF "not a diagnosis" "$TMPD/out" || fail "summary lacks the disclaimer"
grep -qF "Attachment avoidance" "$TMPD/out" || fail "summary lacks the scores"
[ ! -e "$STATE/core.progress" ] || fail "a finished run left its progress file"

# --plain forces it quietly; b goes back, ? helps, q stops with 130
rc=0; printf '4\n5\nb\n6\n?\nq\n' | run --plain || rc=$?
[ "$rc" = 130 ] || fail "q gave $rc, not 130"
[ ! -s "$TMPD/err" ] || fail "--plain printed a notice: $(cat "$TMPD/err")"
grep -qF "Your current answer: 5" "$TMPD/out" || fail "b did not show the earlier answer"
grep -qF "  b         go back one question" "$TMPD/out" || fail "? did not print help"
grep -q '^answer anx02 6 ' "$STATE/core.progress" || fail "changed answer not saved"
grep -qF "securebase --resume" "$TMPD/out" || fail "no hint on how to continue"

# end of input before the end behaves like q; --resume continues
rc=0; printf '3\n' | run --plain --resume || rc=$?
[ "$rc" = 130 ] || fail "end of input gave $rc, not 130"
grep -qx "Question 3 of 33" "$TMPD/out" || fail "--resume did not continue at question 3"
grep -q '^answer anx03 3 ' "$STATE/core.progress" || fail "answer before end of input lost"

# without --resume: r continues, a number starts again
rc=0; printf 'r\n' | run --plain || rc=$?
grep -qF "Type r to continue" "$TMPD/out" || fail "saved progress not offered"
grep -qx "Question 4 of 33" "$TMPD/out" || fail "r did not continue"
rc=0; printf '1\n' | run --plain || rc=$?
[ "$(grep -c '^answer' "$STATE/core.progress")" = 1 ] || fail "a number did not start again"

# --no-save writes nothing anywhere
rm -rf "$HOMED"; mkdir -p "$HOMED"
answers | run --no-save || fail "--no-save run failed"
printf '2\nq\n' | run --no-save --plain || true
[ -z "$(ls -A "$HOMED")" ] || fail "--no-save wrote: $(find "$HOMED" -mindepth 1)"

# TERM=dumb on a terminal is plain too (script gives a pty when available)
if command -v script >/dev/null 2>&1; then
	printf 'q\n' >"$TMPD/q"
	TERM=dumb HOME="$HOMED" script -qec "'$SB' --no-save <'$TMPD/q'" /dev/null >"$TMPD/out" 2>&1 || true
	grep -qF "Question 1 of 33" "$TMPD/out" || fail "TERM=dumb did not use plain mode"
fi

# usage errors and missing input
rc=0; run --frobnicate </dev/null || rc=$?
[ "$rc" = 64 ] || fail "unknown option gave $rc, not 64"
rc=0; run --format pdf </dev/null || rc=$?
[ "$rc" = 64 ] || fail "bad --format gave $rc, not 64"
rc=0; run extra-arg </dev/null || rc=$?
[ "$rc" = 64 ] || fail "stray argument gave $rc, not 64"
rc=0; run --bank "$TMPD/missing.yaml" </dev/null || rc=$?
[ "$rc" = 66 ] || fail "missing bank gave $rc, not 66"

# a damaged progress file: --resume says where and why, keeps it aside, 65
mkdir -p "$STATE"
printf 'securebase-progress 1\nbank core\ngarbage\n' >"$STATE/core.progress"
rc=0; run --plain --resume </dev/null || rc=$?
[ "$rc" = 65 ] || fail "damaged progress with --resume gave $rc, not 65"
grep -qF "core.progress:3: saved progress is damaged" "$TMPD/err" || fail "no FILE:LINE message: $(cat "$TMPD/err")"
ls "$STATE" | grep -q '^core.progress.corrupt-' || fail "damaged file not kept aside"
[ ! -e "$STATE/core.progress" ] || fail "damaged file left in place"

# progress for another version of the bank: explained, 65 with --resume;
# without it the old file is kept aside and a new session starts
printf '4\nq\n' | run --plain || true
sed 's/^hash .*/hash 0123456789abcdef/' "$STATE/core.progress" >"$TMPD/p" && mv "$TMPD/p" "$STATE/core.progress"
rc=0; run --plain --resume </dev/null || rc=$?
[ "$rc" = 65 ] || fail "changed bank with --resume gave $rc, not 65"
grep -qF "another version of this questionnaire" "$TMPD/err" || fail "changed bank not explained"
rc=0; printf '5\nq\n' | run --plain || rc=$?
grep -qF "has changed since" "$TMPD/out" || fail "changed bank not explained without --resume"
ls "$STATE" | grep -q '^core.progress.changed-' || fail "old progress not kept aside"
grep -q '^answer anx01 5 ' "$STATE/core.progress" || fail "new session not saved"
echo "ok"
