#!/bin/sh
# results_save.sh - `s` on the results screen: the suggested dated name under
# $XDG_DATA_HOME/securebase (then ~/.local/share/securebase), 0700 directory
# and 0600 file, reflections left out unless the person says yes, the format
# from the file's ending, an unwritable place explained in the dialog, a
# second save not overwriting the first, and "replace?" before replacing.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/results.sh"
need_tmux

mode() { stat -c %a "$1"; }

# save_suggested: s, the suggested name as it is, reflections left out.
save_suggested() {
	keys s
	wait_for "Where should the report go?"
	keys Enter
	wait_for "Should this file include them?"
	keys n
	wait_for "Report saved:"
}
today=$(date +%Y-%m-%d)

# A wide window, so that the suggested names fit on one line of the dialog.
# 1. The default place: ~/.local/share/securebase (XDG_DATA_HOME unset).
start 120 30
answer_all "I call my sister"
wait_for "Your scores"
keys s
wait_for "Where should the report go?"
dir="$HOMED/.local/share/securebase"
wait_for "securebase-core-$today.txt"
screen | grep -qF "$HOMED/.local/share/securebase/" || fail "suggested name not under ~/.local/share"
keys Enter
wait_for "Should this file include them?"
keys n
wait_for "Report saved:"
f="$dir/securebase-core-$today.txt"
[ -f "$f" ] || fail "no report at $f"
[ "$(mode "$f")" = 600 ] || fail "report mode $(mode "$f"), not 600"
[ "$(mode "$dir")" = 700 ] || fail "directory mode $(mode "$dir"), not 700"
grep -qF "Anxious-preoccupied" "$f" || fail "report lacks the style"
grep -qF "not a diagnosis" "$f" || fail "report lacks the disclaimer"
grep -qF "Samaritans" "$f" || fail "report lacks the help resources"
grep -qF -- "+-----" "$f" || fail "report lacks the ASCII plane"
grep -qF "written reflections are not included" "$f" || fail "no note about left-out reflections"
if grep -qF "I call my sister" "$f"; then fail "reflection saved without consent"; fi
[ "$(ls -A "$dir" | wc -l)" -eq 1 ] || fail "temporary files left: $(ls -A "$dir")"

# A second save suggests a new name; a place that cannot be written is
# explained in the dialog; then JSON with the reflections.
keys s
wait_for "securebase-core-$today-2.txt"
keys C-u
keys -l "$TMPD/no/such/dir/r.md"
keys Enter
wait_for "Cannot save there: the folder $TMPD/no/such/dir does not exist."
keys C-u
keys -l "$TMPD/r.json"
keys Enter
wait_for "Should this file include them?"
keys y
wait_for "Report saved:"
[ "$(mode "$TMPD/r.json")" = 600 ] || fail "JSON report mode not 600"
grep -qF '"I call my sister"' "$TMPD/r.json" || fail "reflection missing after consent"
grep -qF '"reflections_included": true' "$TMPD/r.json" || fail "consent not recorded"
if command -v python3 >/dev/null 2>&1; then
	python3 - "$TMPD/r.json" <<'PY' || fail "JSON report does not parse or is wrong"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1 and d["bank"]["id"] == "core", d
assert d["style"] == "anxious-preoccupied", d["style"]
assert abs(d["scales"][0]["score"] - 6) < 1e-9 and abs(d["scales"][1]["score"] - 2) < 1e-9
assert d["reflections"][0]["answer"] == "I call my sister"
assert any(q["id"] == "fast" for q in d["quality"])
PY
fi
before=$(cksum <"$TMPD/r.json")

# Saving over an existing file asks first; "n" goes back to the name.
keys s
wait_for "Where should the report go?"
keys C-u
keys -l "$TMPD/r.json"
keys Enter
wait_for "Replace it with the new report?"
keys n
wait_for "Where should the report go?"
keys Escape
wait_gone "Where should the report go?"
[ "$(cksum <"$TMPD/r.json")" = "$before" ] || fail "file changed without saying yes"
# ... and "y" replaces it, here as Markdown by its ending.
keys s
wait_for "Where should the report go?"
keys C-u
keys -l "$TMPD/r.md"
keys Enter
wait_for "Should this file include them?"
keys Enter
wait_for "Report saved:"
grep -qF "## Your result" "$TMPD/r.md" || fail "a .md name did not give Markdown"
keys q
expect_exit 0

# 2. XDG_DATA_HOME decides the place when set.
ENV="XDG_DATA_HOME=$TMPD/xdg" start 120 30
answer_all "x"
wait_for "Your scores"
keys s
wait_for "$TMPD/xdg/securebase/securebase-core-$today.txt"
keys Enter
wait_for "Should this file include them?"
keys Escape
wait_gone "Should this file include them?"
[ ! -e "$TMPD/xdg/securebase/securebase-core-$today.txt" ] || fail "saved after Esc"
save_suggested
[ -f "$TMPD/xdg/securebase/securebase-core-$today.txt" ] || fail "not saved under XDG_DATA_HOME"
keys q
wait_exit

# 3. A path longer than an 80-column line: "Report saved:" shows it shortened
# in the middle with an ellipsis, the file name whole, within the line.
long="$TMPD/a-rather-long-folder-name-for-the-reports/and-another-level-below-it"
ENV="XDG_DATA_HOME=$long" start 80 24
answer_all "x"
wait_for "Your scores"
save_suggested
[ -f "$long/securebase/securebase-core-$today.txt" ] || fail "not saved under the long path"
line=$(screen | grep -F "Report saved:")
case $line in
*"…/securebase-core-$today.txt") ;;
*) fail "the saved path is not shortened in the middle with its name kept: '$line'" ;;
esac
printf '%s' "$line" | grep -qF " Report saved: /" || fail "the start of the path is not kept: '$line'"
[ "$(printf '%s' "$line" | wc -m)" -le 80 ] || fail "the message is wider than the window"
keys q
wait_exit
echo "ok"
