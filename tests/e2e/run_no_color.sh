#!/bin/sh
# run_no_color.sh - NO_COLOR (non-empty) and colourless terminals use
# attributes only (bold, reverse, underline), never colour; a locale that is
# not UTF-8 gets ASCII for the bar, boxes and arrows.  With colours allowed,
# the same screen does use colour (so the check below means something).
set -eu
. "$(dirname "$0")/lib/tmux.sh"
need_tmux

ESC=$(printf '\033')
item_screen() {
	wait_for "[ Begin ]"
	keys Enter
	wait_for "1 of 33"
	keys 5
	wait_for "2 of 33"
	keys Right
	sleep 0.2
	t capture-pane -e -p -t sb >"$TMPD/screen"
}

ENV="NO_COLOR=1" start 80 24
item_screen
if grep -Eq "$COLOUR_SGR" "$TMPD/screen"; then fail "colour used despite NO_COLOR"; fi
grep -q "${ESC}\[[0-9;]*7m" "$TMPD/screen" || fail "no reverse video for the selection"
grep -q "${ESC}\[[0-9;]*1m" "$TMPD/screen" || fail "no bold"
keys q
wait_for "Stop for now?"
keys y
wait_exit

rm -rf "$STATE"
ENV="TERM=vt220" start 80 24
item_screen
if grep -Eq "$COLOUR_SGR" "$TMPD/screen"; then fail "colour on a terminal without colours"; fi
keys q y
wait_exit

rm -rf "$STATE"
ENV="" start 80 24
item_screen
grep -Eq "$COLOUR_SGR" "$TMPD/screen" || fail "control: no colour even when allowed"
keys q y
wait_exit

# not UTF-8: ASCII only, everything still drawn
rm -rf "$STATE"
ENV="LANG=C LC_ALL=C" start 80 24
item_screen
LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMPD/screen" && fail "non-ASCII output in the C locale"
screen | grep -q '^  ##*-*$' || fail "no ASCII progress bar"
keys '?'
wait_for "+- Keys"
keys Escape q
wait_for "Stop for now?"
screen | grep -qF "+-" || fail "no ASCII box"
keys y
expect_exit 130 "stopping"
echo "ok"
