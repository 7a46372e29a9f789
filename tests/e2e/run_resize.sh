#!/bin/sh
# run_resize.sh - resize storms: the window is resized many times, fast, to
# sizes from 1x1 to 200x60, on the welcome, an item (with a selection not
# yet confirmed), a text item being typed, the help overlay and the review.
# The program must survive, redraw for the final size, and keep its state.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
need_tmux

storm() {
	for s in 79x23 40x12 1x1 200x60 31x8 30x8 29x7 120x30 2x40 60x3 45x15 10x10 \
		100x24 35x9 80x24 33x11 150x50 20x6 64x20 80x24; do
		resize "${s%x*}" "${s#*x}" 2>/dev/null || true
		sleep 0.02
	done
	resize "$1" "$2"
	sleep 0.2
	kill -0 "$(sb_pid)" 2>/dev/null || fail "the program died during a resize storm"
}

start 80 24
wait_for "[ Begin ]"
storm 80 24
wait_for "[ Begin ]"
keys Enter
wait_for "1 of 33"
keys 4 4
wait_for "3 of 33"
keys Right Right           # selection on 6, not confirmed
storm 80 24
wait_for "3 of 33"
wait_for "Not answered yet."
# the hardware cursor is still on option 6 of the side-by-side options
[ "$(t display -p -t sb '#{cursor_x},#{cursor_y}')" = 59,5 ] || fail "cursor not on option 6: $(t display -p -t sb '#{cursor_x},#{cursor_y}')"
keys Enter
wait_for "4 of 33"
grep -q '^answer anx03 6 ' "$STATE/core.progress" || fail "selection lost in the storm"
# a narrow window: options as a list, then as a strip
resize 40 24
wait_for "Neither agree nor disagree"
resize 36 12
wait_for "4: Neither agree nor disagree"
resize 80 24
keys ?
wait_for "Keys"
storm 80 24
wait_for "Keys"
keys Escape
wait_gone " Keys "
i=4
while [ $i -le 30 ]; do keys 2; i=$((i + 1)); done
wait_for "31 of 33"
keys -l "typed before the storm"
storm 80 24
wait_for "typed before the storm"
keys Enter Enter Enter
wait_for "Review your answers"
storm 80 24
wait_for "See my results"
storm 50 14
wait_for "See my results"
keys q
wait_for "Stop for now?"
keys y
expect_exit 130 "stopping"
echo "ok"
