#!/bin/sh
# learn.sh - `securebase learn` end to end: the plain text (forced, piped,
# TERM=dumb), then the guide in tmux: contents, paging, chapters, search,
# the live worked example, help, resize down to "too small" and back,
# NO_COLOR, and the terminal restored after q.
set -eu
SB=${SECUREBASE:?set SECUREBASE to the binary}
tmp=$(mktemp -d)
sock=sb-learn-$$
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fail() {
	echo "FAIL: $*"
	exit 1
}

# --- plain text ---------------------------------------------------------

env -u COLUMNS "$SB" learn --plain >"$tmp/plain.txt" || fail "learn --plain exited $?"
grep -qx 'Understanding attachment' "$tmp/plain.txt" || fail "no title"
grep -qx '========================' "$tmp/plain.txt" || fail "title not underlined"
grep -qx ' 11. Try it: from answers to a style' "$tmp/plain.txt" || fail "no contents entry"
grep -qx 'Questions to reflect on' "$tmp/plain.txt" || fail "no reflection questions"
grep -q 'Answer 6 (Agree) counts as 1 + 7 - 6 = 2.' "$tmp/plain.txt" || fail "no worked example"
grep -q 'Schindler, A. (2019)' "$tmp/plain.txt" || fail "no references"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/plain.txt"; then fail "escape codes in plain text"; fi
LC_ALL=C awk 'length > 78 { print "line " NR " too long: " $0; bad = 1 } END { exit bad }' \
	"$tmp/plain.txt" || fail "plain text wider than 78 columns"
COLUMNS=50 "$SB" learn --plain | LC_ALL=C awk 'length > 50 { bad = 1 } END { exit bad }' ||
	fail "plain text ignores COLUMNS"
# Not a terminal: plain text without being asked, the same text.
env -u COLUMNS "$SB" learn </dev/null | cmp -s - "$tmp/plain.txt" || fail "piped learn differs from --plain"
set +e
"$SB" learn --nonsense >/dev/null 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 64 ] || fail "unknown option gave $rc, not 64"
"$SB" learn --help | grep -q 'Usage: securebase learn' || fail "no --help"

# --- the guide in tmux --------------------------------------------------

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux is not installed"
	exit 77
fi

t() { tmux -L "$sock" -f /dev/null "$@"; }

# Wait until session $1 shows text $2 (fixed string), for up to 10 seconds.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if t capture-pane -p -t "$1" | grep -qF -- "$2"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "FAIL: timed out waiting for '$2' in $1; the screen was:"
	t capture-pane -p -t "$1"
	exit 1
}

# Fail when session $1 shows text $2.
absent() {
	sleep 0.3
	if t capture-pane -p -t "$1" | grep -qF -- "$2"; then
		echo "FAIL: '$2' still shown in $1:"
		t capture-pane -p -t "$1"
		exit 1
	fi
}

# The command run in each pane: the guide, then its exit status and the tty mode.
cat >"$tmp/run.sh" <<EOF
"$SB" learn "\$@"
echo "rc=\$?"
stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' '
echo '<end>'
sleep 600
EOF

t new-session -d -s L -x 80 -y 24 "env -u NO_COLOR sh $tmp/run.sh"
wait_for L "Contents, 15 chapters"
wait_for L "  1. Where attachment theory comes from"
t send-keys -t L Down Down Enter
wait_for L "Chapter 3 of 15"
wait_for L "3. Two dimensions: anxiety and avoidance"
t send-keys -t L Space
absent L "3. Two dimensions: anxiety and avoidance"
t send-keys -t L g
wait_for L "3. Two dimensions: anxiety and avoidance"
t send-keys -t L End
wait_for L "Chapter 3 of 15, 100%"
t send-keys -t L Tab
wait_for L "Contents, 15 chapters"
t send-keys -t L Tab
wait_for L "Chapter 3 of 15, 100%"
t send-keys -t L ']'
wait_for L "Chapter 4 of 15, 0%"
t send-keys -t L BSpace
wait_for L "Contents, 15 chapters"

# Search across chapters.
t send-keys -t L / 'Jason Aronson' Enter
wait_for L "Chapter 15 of 15"
wait_for L "Flores, P. J. (2004)"
t send-keys -t L / 'no such words anywhere' Enter
wait_for L "Not found: no such words anywhere"

# The live worked example.
t send-keys -t L / 'Try it' Enter
wait_for L "Chapter 11 of 15"
wait_for L "Answer 6 (Agree) counts as 1 + 7 - 6 = 2."
t send-keys -t L Right
wait_for L "Answer 7 (Strongly agree) counts as 1 + 7 - 7 = 1."
t send-keys -t L 5
wait_for L "Answer 5 (Slightly agree) counts as 1 + 7 - 5 = 3."
t send-keys -t L '>'
wait_for L "Item anx12 (12 of 30 scored items)"
t send-keys -t L r
wait_for L "Item anx11 (11 of 30 scored items)"
# The key line fits 80 columns whole: nothing cut, "? help" and "q quit" kept.
foot=$(t capture-pane -p -t L | tail -1)
case $foot in
*"? help  q quit") ;;
*) fail "the example's key line does not end in '? help  q quit' at 80 columns: '$foot'" ;;
esac
case $foot in *…*|*...*) fail "the example's key line is cut: '$foot'" ;; esac

# Help lists the guide's own keys.
t send-keys -t L '?'
wait_for L "worked example: change the answer"
t send-keys -t L Escape
absent L "worked example: change the answer"

# Resize: narrower, too small, and back.
t resize-window -t L -x 50 -y 20
wait_for L "Chapter 11 of 15"
foot=$(t capture-pane -p -t L | tail -1)
case $foot in
*"? help  q quit") ;;
*) fail "the key line at 50 columns does not keep '? help  q quit': '$foot'" ;;
esac
case $foot in *…*|*...*) fail "the key line at 50 columns is cut: '$foot'" ;; esac
t resize-window -t L -x 20 -y 6
wait_for L "Please"
t resize-window -t L -x 80 -y 24
wait_for L "Chapter 11 of 15"
wait_for L "Item anx11 (11 of 30 scored items)"

t send-keys -t L q
wait_for L "rc=0"
wait_for L "icanon echo <end>"

# NO_COLOR: attributes only, no colour codes at all.
t new-session -d -s N -x 80 -y 24 "env NO_COLOR=1 sh $tmp/run.sh"
wait_for N "Contents, 15 chapters"
t capture-pane -e -p -t N >"$tmp/nocolor"
if LC_ALL=C grep -qE "$(printf '\033')\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;[25])[;m]" "$tmp/nocolor"; then
	fail "colour used with NO_COLOR set"
fi
LC_ALL=C grep -q "$(printf '\033')\\[[0-9;]*7[;m]\\|$(printf '\033')\\[[0-9;]*1[;m]" "$tmp/nocolor" ||
	fail "no reverse or bold attribute with NO_COLOR"
t send-keys -t N q
wait_for N "rc=0"

# TERM=dumb: the plain text, and still a clean exit.
t new-session -d -s D -x 80 -y 24 "env TERM=dumb sh $tmp/run.sh"
wait_for D "rc=0"
wait_for D "Psychiatry, 10, 727."

echo "PASS learn"
