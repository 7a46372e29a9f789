#!/bin/sh
# run_back_change.sh - going back and changing answers: Backspace, Up,
# Down over answered items (and not past an unanswered one), Home, End,
# choosing with Left/Right + Enter, a mouse click, and the review's change
# that returns to the review.  The saved file must follow every change.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
need_tmux

saved() { grep "^answer $1 " "$STATE/core.progress" | cut -d' ' -f3; }

start 80 24
wait_for "[ Begin ]"
keys Enter
wait_for "1 of 33"
keys 5 6
wait_for "3 of 33"
[ "$(saved anx02)" = 6 ] || fail "anx02 not saved as 6"
keys BSpace
wait_for "2 of 33"
wait_for "Your answer: 6, Agree"
keys 2
wait_for "3 of 33"
[ "$(saved anx02)" = 2 ] || fail "changed answer not saved (anx02=$(saved anx02))"
keys Up Up
wait_for "1 of 33"
wait_for "Your answer: 5, Slightly agree"
keys Down Down
wait_for "3 of 33"
keys Down
wait_for "Answer this question first"
screen | grep -qF "3 of 33" || fail "went past an unanswered question"
keys Home
wait_for "1 of 33"
keys Right Right Enter
wait_for "2 of 33"
[ "$(saved anx01)" = 7 ] || fail "Right Right Enter did not answer 7"
keys End
wait_for "3 of 33"
# a mouse click (xterm X10 report) on the first option's column answers 1
mouse_press 7 7
wait_for "4 of 33"
[ "$(saved anx03)" = 1 ] || fail "mouse click did not answer 1 (got $(saved anx03))"
# skip the rest to reach the review, then change one from there
i=4
while [ $i -le 30 ]; do keys s; i=$((i + 1)); done
wait_for "31 of 33"
keys Enter Enter Enter     # the free-text items: left empty
wait_for "Review your answers"
keys Home Enter
wait_for "1 of 33"
keys 3
wait_for "Review your answers"
[ "$(saved anx01)" = 3 ] || fail "change from the review not saved"
screen | grep -qF "3 Slightly disagree" || fail "review does not show the changed answer"
keys q
wait_for "Stop for now?"
keys y
expect_exit 130 "stopping"
grep -qx "position review" "$STATE/core.progress" || fail "review position not saved"
echo "ok"
