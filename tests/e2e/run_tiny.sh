#!/bin/sh
# run_tiny.sh - a 20x6 window: a "please enlarge" message instead of a
# crash, on every screen; it recovers when the window grows; q still stops.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
need_tmux

start 20 6
wait_for "enlarge"
screen | grep -qF "30x8" || fail "the message does not say the size needed"
resize 80 24
wait_for "[ Begin ]"
keys Enter
wait_for "1 of 33"
keys 3
wait_for "2 of 33"
resize 20 6
wait_for "enlarge"
keys 7                      # ignored while too small: nothing is answered blind
sleep 0.3
resize 80 24
wait_for "2 of 33"
wait_for "Not answered yet."
# the smallest window that fits, and one row less
resize 30 8
wait_for "2 of 33"
resize 29 8
wait_for "enlarge"
keys q
expect_exit 130 "q while too small"
grep -q '^answer anx01 3 ' "$STATE/core.progress" || fail "progress lost"
! grep -q '^answer anx02' "$STATE/core.progress" || fail "a key was taken as an answer while too small"
echo "ok"
