#!/bin/sh
# run_hostile.sh - a bank whose texts carry escape sequences (clear screen,
# cursor moves, colours, OSC window title and clipboard, hyperlinks, C1 CSI,
# bells, backspaces, bidi overrides) cannot drive the terminal: the window
# title is untouched, the layout is where it should be, the words are there,
# and no escape byte reaches plain mode's output or the summary.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
BANK=$TOP/tests/e2e/fixtures/hostile-escapes.yaml
ESC=$(printf '\033')

# plain mode first: nothing to skip for
printf '1\n3\nmy \033[31mred\033[0m answer\n' |
	"$SB" --plain --bank "$BANK" >"$TMPD/plain.out" 2>"$TMPD/plain.err" ||
	fail "plain mode failed: $(cat "$TMPD/plain.err")"
if LC_ALL=C grep -q "$ESC" "$TMPD/plain.out"; then fail "an escape byte in plain output"; fi
if LC_ALL=C grep -q "$(printf '\302\233')" "$TMPD/plain.out"; then fail "a C1 CSI in plain output"; fi
if LC_ALL=C grep -q "$(printf '\a')" "$TMPD/plain.out"; then fail "a bell in plain output"; fi
grep -qF "First question evil end MARKER-ONE" "$TMPD/plain.out" || fail "item text mangled"
grep -qF "Hostile bank" "$TMPD/plain.out" || fail "title mangled"
grep -qF "PWNED" "$TMPD/plain.out" && fail "OSC title text leaked"

need_tmux
start 80 24 --bank "$BANK"
t select-pane -t sb -T "clean-title"
wait_for "[ Begin ]"
keys Enter
wait_for "MARKER-ONE"
[ "$(t display -p -t sb '#{pane_title}')" = clean-title ] || fail "the bank changed the window title"
screen | sed -n 1p | grep -q '^  Hostile bank' || fail "the header is not on the first row"
screen | sed -n 4p | grep -qF "First question evil end MARKER-ONE" || fail "item text not where it belongs"
screen | grep -q "No blink.*Maybelink" || fail "labels not shown neutralised"
t capture-pane -e -p -t sb >"$TMPD/attrs"
grep -q "${ESC}\[[0-9;]*5m" "$TMPD/attrs" && fail "blink reached the terminal"
grep -q "${ESC}\[[0-9;]*8m" "$TMPD/attrs" && fail "hidden text reached the terminal"
keys 2
wait_for "MARKER-TWO"
keys 3
wait_for "MARKER-THREE"
screen | grep -qF "Free hidden text MARKER-THREE" || fail "hidden text not shown"
keys -l "fine"
keys Enter
wait_for "Review your answers"
screen | grep -qF "First question evil end" || fail "review text mangled"
keys End Enter
wait_for "Your scores"
keys q
expect_exit 0 "the hostile bank's run"
scrollback | grep -qF "Hostile bank" || fail "no summary"
[ "$(t display -p -t sb '#{pane_title}')" = clean-title ] || fail "the summary changed the window title"
echo "ok"
