#!/bin/sh
# learn.sh - `securebase learn` end to end: the plain text (forced, piped,
# TERM=dumb), then the guide in tmux: contents, paging, chapters, search,
# the live worked example, help, resize down to "too small" and back,
# NO_COLOR, and the terminal restored after q.
set -eu
. "$(dirname "$0")/lib/tmux.sh"

# --- plain text ---------------------------------------------------------

env -u COLUMNS "$SB" learn --plain >"$TMPD/plain.txt" || fail "learn --plain exited $?"
grep -qx 'Understanding attachment' "$TMPD/plain.txt" || fail "no title"
grep -qx '========================' "$TMPD/plain.txt" || fail "title not underlined"
grep -qx ' 11. Try it: from answers to a style' "$TMPD/plain.txt" || fail "no contents entry"
grep -qx 'Questions to reflect on' "$TMPD/plain.txt" || fail "no reflection questions"
grep -q 'Answer 6 (Agree) counts as 1 + 7 - 6 = 2.' "$TMPD/plain.txt" || fail "no worked example"
grep -q 'Schindler, A. (2019)' "$TMPD/plain.txt" || fail "no references"
if LC_ALL=C grep -q "$(printf '\033')" "$TMPD/plain.txt"; then fail "escape codes in plain text"; fi
LC_ALL=C awk 'length > 78 { print "line " NR " too long: " $0; bad = 1 } END { exit bad }' \
	"$TMPD/plain.txt" || fail "plain text wider than 78 columns"
COLUMNS=50 "$SB" learn --plain | LC_ALL=C awk 'length > 50 { bad = 1 } END { exit bad }' ||
	fail "plain text ignores COLUMNS"
# Not a terminal: plain text without being asked, the same text.
env -u COLUMNS "$SB" learn </dev/null | cmp -s - "$TMPD/plain.txt" || fail "piped learn differs from --plain"
set +e
"$SB" learn --nonsense >/dev/null 2>"$TMPD/err"
rc=$?
set -e
[ "$rc" = 64 ] || fail "unknown option gave $rc, not 64"
"$SB" learn --help | grep -q 'Usage: securebase learn' || fail "no --help"

# --- the guide in tmux --------------------------------------------------

need_tmux

start 80 24 learn
wait_for "Contents, 15 chapters"
wait_for "  1. Where attachment theory comes from"
keys Down Down Enter
wait_for "Chapter 3 of 15"
wait_for "3. Two dimensions: anxiety and avoidance"
keys Space
wait_gone "3. Two dimensions: anxiety and avoidance"
keys g
wait_for "3. Two dimensions: anxiety and avoidance"
keys End
wait_for "Chapter 3 of 15, 100%"
keys Tab
wait_for "Contents, 15 chapters"
keys Tab
wait_for "Chapter 3 of 15, 100%"
keys ']'
wait_for "Chapter 4 of 15, 0%"
keys BSpace
wait_for "Contents, 15 chapters"

# Search across chapters.
keys / 'Jason Aronson' Enter
wait_for "Chapter 15 of 15"
wait_for "Flores, P. J. (2004)"
keys / 'no such words anywhere' Enter
wait_for "Not found: no such words anywhere"

# The live worked example.
keys / 'Try it' Enter
wait_for "Chapter 11 of 15"
wait_for "Answer 6 (Agree) counts as 1 + 7 - 6 = 2."
keys Right
wait_for "Answer 7 (Strongly agree) counts as 1 + 7 - 7 = 1."
keys 5
wait_for "Answer 5 (Slightly agree) counts as 1 + 7 - 5 = 3."
keys '>'
wait_for "Item anx12 (12 of 30 scored items)"
keys r
wait_for "Item anx11 (11 of 30 scored items)"
# The key line fits 80 columns whole: nothing cut, "? help" and "q quit" kept.
foot=$(screen | tail -1)
case $foot in
*"? help  q quit") ;;
*) fail "the example's key line does not end in '? help  q quit' at 80 columns: '$foot'" ;;
esac
case $foot in *…*|*...*) fail "the example's key line is cut: '$foot'" ;; esac

# Help lists the guide's own keys.
keys '?'
wait_for "worked example: change the answer"
keys Escape
wait_gone "worked example: change the answer"

# Resize: narrower, too small, and back.
resize 50 20
wait_for "Chapter 11 of 15"
foot=$(screen | tail -1)
case $foot in
*"? help  q quit") ;;
*) fail "the key line at 50 columns does not keep '? help  q quit': '$foot'" ;;
esac
case $foot in *…*|*...*) fail "the key line at 50 columns is cut: '$foot'" ;; esac
resize 20 6
wait_for "Please"
resize 80 24
wait_for "Chapter 11 of 15"
wait_for "Item anx11 (11 of 30 scored items)"

keys q
expect_exit 0
[ "$(tty_modes)" = "icanon echo" ] || fail "terminal not restored after q: $(tty_modes)"

# NO_COLOR: attributes only, no colour codes at all.
ENV="NO_COLOR=1" start 80 24 learn
wait_for "Contents, 15 chapters"
t capture-pane -e -p -t sb >"$TMPD/nocolor"
if LC_ALL=C grep -qE "$COLOUR_SGR" "$TMPD/nocolor"; then
	fail "colour used with NO_COLOR set"
fi
LC_ALL=C grep -q "$(printf '\033')\\[[0-9;]*7[;m]\\|$(printf '\033')\\[[0-9;]*1[;m]" "$TMPD/nocolor" ||
	fail "no reverse or bold attribute with NO_COLOR"
keys q
expect_exit 0 "with NO_COLOR"

# TERM=dumb: the plain text, and still a clean exit.
ENV="TERM=dumb" start 80 24 learn
expect_exit 0 "TERM=dumb"
wait_for "Psychiatry, 10, 727."

echo "PASS learn"
