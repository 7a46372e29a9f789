#!/bin/sh
# results_nocolor.sh - the results screen without colour and without UTF-8:
# NO_COLOR set leaves no colour sequence on the screen while the point is
# still marked by reverse video; a C locale draws the plane, bars and
# bullets in ASCII only; with colour allowed, colour is used (so the
# colour check can fail).
set -eu
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/results.sh"
need_tmux

# 1. NO_COLOR in a UTF-8 locale: attributes only, box characters kept.
ENV="NO_COLOR=1" start 80 24
answer_all
wait_for "Your scores"
sgr=$(t capture-pane -e -p -t sb)
if echo "$sgr" | grep -qE "$COLOUR_SGR"; then
	fail "NO_COLOR set but colour sequences were drawn"
fi
echo "$sgr" | grep -F "●" | grep -q "$(printf '\033')\[[0-9;]*7m●" ||
	fail "the point is not drawn in reverse video"
screen | grep -qF "┼" || fail "UTF-8 plane expected with NO_COLOR"
keys q
expect_exit 0

# 2. Colour allowed: the screen does use colour (the check above can fail).
ENV="" start 80 24
answer_all
wait_for "Your scores"
t capture-pane -e -p -t sb | grep -qE "$COLOUR_SGR" || fail "no colour without NO_COLOR"
keys q
wait_exit

# 3. C locale and NO_COLOR: ASCII only, the plane in + - | and @.
ENV="LANG=C LC_ALL=C NO_COLOR=1" start 80 24
answer_all
wait_for "Your scores"
s=$(screen)
if printf '%s' "$s" | LC_ALL=C grep -q '[^ -~]'; then
	fail "non-ASCII characters on a C-locale screen"
fi
echo "$s" | grep -qF -- "+----" || fail "no ASCII frame"
echo "$s" | grep -qF "@" || fail "no ASCII point"
echo "$s" | grep -qF "|" || fail "no ASCII cutoff mark"
echo "$s" | grep -qF "####" || fail "no ASCII bars"
keys 3
wait_for "Each score is the average"
s=$(screen)
if printf '%s' "$s" | LC_ALL=C grep -q '[^ -~]'; then
	fail "non-ASCII characters in a section"
fi
resize 40 15
wait_for "Each score"
if screen | LC_ALL=C grep -q '[^ -~]'; then
	fail "non-ASCII characters after a resize"
fi
keys q
expect_exit 0
echo "ok"
