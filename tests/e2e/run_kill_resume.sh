#!/bin/sh
# run_kill_resume.sh - kill -9 in the middle loses nothing already answered:
# the progress file is whole, 0600 in a 0700 directory, no temporary file
# is left, and --resume continues at the next question.  Without --resume
# the welcome offers to continue or to start again.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
need_tmux

start 80 24
wait_for "[ Begin ]"
keys Enter
wait_for "1 of 33"
keys 2 3 4
wait_for "4 of 33"
kill -9 "$(sb_pid)"
wait_exit
[ "$(stat -c %a "$STATE")" = 700 ] || fail "state directory is not 0700"
[ "$(stat -c %a "$STATE/core.progress")" = 600 ] || fail "progress file is not 0600"
[ "$(ls -A "$STATE")" = core.progress ] || fail "stray files: $(ls -A "$STATE")"
grep -q '^answer anx03 4 ' "$STATE/core.progress" || fail "the last answer was lost"
tail -n 1 "$STATE/core.progress" | grep -qx end || fail "progress file not whole"

start 80 24 --resume
wait_for "4 of 33"
screen | grep -qF "[ Begin ]" && fail "--resume showed the welcome"
keys 5
wait_for "5 of 33"
keys BSpace BSpace
wait_for "3 of 33"
wait_for "Your answer: 4"
kill -9 "$(sb_pid)"
wait_exit

start 80 24
wait_for "Continue where I left off"
screen | grep -qF "4 of 33 questions answered" || fail "welcome does not describe the saved progress"
keys Enter
wait_for "3 of 33"
keys q y
wait_exit

start 80 24
wait_for "Start again"
keys Right Enter
wait_for "1 of 33"
screen | grep -qF "Not answered yet." || fail "start again kept an answer"
keys 7
wait_for "2 of 33"
[ "$(grep -c '^answer' "$STATE/core.progress")" = 1 ] || fail "start again did not replace the progress"
keys q y
expect_exit 130 "stopping"
echo "ok"
