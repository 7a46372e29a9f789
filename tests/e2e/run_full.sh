#!/bin/sh
# run_full.sh - a whole administration of the default bank by keys at 80x24:
# welcome, 30 likert items by digits, the three free-text items (typed, left
# empty, typed with UTF-8), the review, the results, then the summary on
# stdout after the interface ends and no progress file left behind.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
need_tmux

start 80 24
wait_for "[ Begin ]"
screen | grep -qF "not a diagnosis" || fail "welcome lacks the not-a-diagnosis note"
screen | grep -qF "stay on this computer" || fail "welcome lacks the privacy note"
keys Enter
wait_for "1 of 33"
screen | grep -q "Strongly.*Disagree.*Slightly.*Neither.*Agree" || fail "no option labels"
i=1
while [ $i -le 30 ]; do
	keys $(( (i % 7) + 1 ))
	i=$((i + 1))
done
wait_for "31 of 33"
keys -l "I call my sister"
keys Enter
wait_for "32 of 33"
keys Enter
wait_for "33 of 33"
keys -l "more trust, caf$(printf '\303\251')"
keys Enter
wait_for "Review your answers"
wait_for "32 of 33 answered"
screen | grep -qF '"I call my sister"' || fail "review does not show the text answer"
screen | grep -qF "(skipped)" || fail "review does not show the skipped item"
screen | grep -qF "See my results" || fail "no way to the results"
[ -s "$STATE/core.progress" ] || fail "no progress file before the results"
keys End Enter
wait_for "Your scores"
keys q
expect_exit 0 "after the results"
out=$(scrollback)
echo "$out" | grep -qF "self-reflection tool, not a diagnosis" || fail "summary lacks the disclaimer"
echo "$out" | grep -qF "Attachment anxiety" || fail "summary lacks the scores"
[ ! -e "$STATE/core.progress" ] || fail "progress file kept after the results"
[ -z "$(ls -A "$STATE" 2>/dev/null)" ] || fail "files left in $STATE: $(ls -A "$STATE")"
echo "ok"
