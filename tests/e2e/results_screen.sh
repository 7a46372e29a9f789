#!/bin/sh
# results_screen.sh - the results screen at 80x24: the style and its summary,
# the plane with the point in the right quadrant, the bars, the sections
# (Tab, digits, PageDown, End), the help overlay; then resizing (large,
# too small, back) keeps the section; q ends with the summary on stdout.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/results.sh"
need_tmux

# Line number (1-based) of the first screen line containing $1.
line_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1; }

start 80 24
answer_all
wait_for "Your scores"
s=$(screen)
echo "$s" | sed -n 2p | grep -qF "Anxious-preoccupied" || fail "headline is not the style"
echo "$s" | grep -qF "You want to be close" || fail "no one-line summary"
echo "$s" | grep -qF "anxiety" || fail "no anxiety axis title"
echo "$s" | grep -qF "avoidance" || fail "no avoidance axis title"
for g in "┌" "┼" "┤" "●"; do
	echo "$s" | grep -qF "$g" || fail "the plane lacks $g"
done
echo "$s" | grep -qF "Secure" || fail "quadrant label Secure missing"
echo "$s" | grep -qF "Fearful" || fail "quadrant label Fearful missing"
echo "$s" | grep -qF "Dismissive" || fail "quadrant label Dismissive missing"
# The point is above the anxiety cutoff line (high anxiety).
[ "$(line_of "●")" -lt "$(line_of "┼")" ] || fail "the point is not above the cutoff"
# Bars with score and cutoff, the sections, the not-a-diagnosis reminder.
echo "$s" | grep -qF "6.00" || fail "no anxiety score"
echo "$s" | grep -qF "2.00" || fail "no avoidance score"
echo "$s" | grep -qF "cutoff 4, high" || fail "no cutoff on the anxiety bar"
echo "$s" | grep -qF "cutoff 4, not high" || fail "no cutoff on the avoidance bar"
echo "$s" | grep -q "Meaning.*Dimensions.*Why.*Growing.*Reflections.*Help" || fail "no tabs"
echo "$s" | grep -qF "not a diagnosis" || fail "no not-a-diagnosis reminder"
# Fast typing: the kind note about answers given faster than reading allows.
echo "$s" | grep -qF "About your answers" || fail "no answer-quality note"
echo "$s" | grep -qF "faster than most people can read" || fail "no fast-answer note"

# Sections: Tab, a digit, End; PageDown scrolls.
keys Tab
wait_for "Attachment anxiety is how much you worry"
keys Tab
wait_for "Each score is the average of its statements"
wait_for "1-6 of"
keys PageDown
wait_gone "1-6 of"
keys End
wait_for "(reverse-keyed) - you answered"
keys 4
wait_for "Directions for growth"
keys 5
wait_for "I call my sister"
keys 6
wait_for "self-reflection tool, not a diagnosis. It cannot"
keys End
wait_for "findahelpline.com"
keys BTab
wait_for "I call my sister"

# Help overlay lists the results keys; Esc closes it.
keys '?'
wait_for "save a report to a file"
keys Escape
wait_gone "save a report to a file"

# Resizing: larger shows the full quadrant names; too small asks to enlarge;
# back to 80x24 restores the same section.
keys 6
wait_for "self-reflection tool, not a diagnosis. It cannot"
resize 120 40
wait_for "Fearful-avoidant"
wait_for "Anxious-preoccupied   "
wait_for "self-reflection tool, not a diagnosis. It cannot"
resize 20 6
wait_for "enlarge"
resize 50 30
wait_for "< 6/6 Help and resources >"
wait_for "6.00"
resize 80 24
wait_for "Your scores"
wait_for "self-reflection tool, not a diagnosis. It cannot"
# Many resizes in a row, then a redraw, still the same screen.
for size in "60 20" "100 30" "30 8" "81 25" "80 24"; do
	set -- $size
	resize "$1" "$2"
done
keys C-l
wait_for "Your scores"
wait_for "●"

keys q
expect_exit 0
out=$(scrollback)
echo "$out" | grep -qF "Help and resources" || fail "no summary on stdout"
echo "$out" | grep -qF "Anxious-preoccupied" || fail "summary lacks the style"
echo "ok"
