#!/bin/sh
# explore.sh - `securebase explore` end to end: plain mode (points in, styles
# out, errors and exit statuses), then the plane in tmux: keys, typical
# points, the cutoff reached exactly, a mouse click, a saved report loaded
# with r, help, resize, NO_COLOR, TERM=dumb, and the terminal restored.
# Every explore run has HOME, the XDG directories and its working directory
# pointing at one empty directory, which must still be empty at the end:
# explore never writes a file.
set -eu
SB=${SECUREBASE:?set SECUREBASE to the binary}
tmp=$(mktemp -d)
sock=sb-explore-$$
empty=$tmp/empty
mkdir "$empty"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fail() {
	echo "FAIL: $*"
	exit 1
}

# Run explore with everything pointing at the empty directory.
sbx() {
	(cd "$empty" && env HOME="$empty" XDG_CONFIG_HOME="$empty" XDG_DATA_HOME="$empty" \
		XDG_STATE_HOME="$empty" XDG_CACHE_HOME="$empty" "$SB" explore "$@")
}

# --- plain mode -----------------------------------------------------------

printf '# anxiety avoidance\n4.5 2\n\n4,4\n5.5 5.5\n' | sbx >"$tmp/out" || fail "plain exited $?"
head -1 "$tmp/out" | grep -qx '4.50 2.00 anxious-preoccupied near secure' || fail "first record: $(head -1 "$tmp/out")"
# Near a boundary the line for people names every neighbouring style, and
# each one's summary follows (SPEC 3.4: never one confident type).
sed -n 2p "$tmp/out" | grep -qx '  Between Anxious-preoccupied and Secure: near the boundary (margin 0.50).' ||
	fail "no near-boundary headline: $(sed -n 2p "$tmp/out")"
grep -q '^  Secure: ' "$tmp/out" || fail "no summary of the neighbouring style"
grep -qx '4.00 4.00 secure near anxious-preoccupied+dismissive-avoidant' "$tmp/out" || fail "cutoff point"
grep -qx '  Between Secure, Anxious-preoccupied and Dismissive-avoidant: near the boundary (margin 0.00).' \
	"$tmp/out" || fail "the cutoff point's headline does not name all three styles"
grep -qx '5.50 5.50 fearful-avoidant' "$tmp/out" || fail "fearful point"
grep -qx '  Clear of the boundaries (margin 1.50).' "$tmp/out" || fail "no clear line"
[ "$(grep -c '^[0-9]' "$tmp/out")" = 3 ] || fail "not one record per point"

set +e
printf '4 4\nnot a point\n9 1\n' | sbx >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] || fail "bad lines gave $rc, not 65"
grep -qx 'stdin:2: expected two numbers: ANXIETY AVOIDANCE' "$tmp/err" || fail "bad line message: $(cat "$tmp/err")"
grep -qx 'stdin:3: anxiety 9.00 is outside its range 1 to 7' "$tmp/err" || fail "range message"
grep -q '^4.00 4.00 secure' "$tmp/out" || fail "good lines not printed around bad ones"

set +e
sbx --bank prototypes </dev/null >/dev/null 2>"$tmp/err"; rc1=$?
sbx --bank no-such-bank </dev/null >/dev/null 2>&1; rc2=$?
sbx stray </dev/null >/dev/null 2>&1; rc3=$?
set -e
[ "$rc1" = 65 ] || fail "a highest bank gave $rc1, not 65"
grep -q 'no anxiety x avoidance plane' "$tmp/err" || fail "highest bank message"
[ "$rc2" = 66 ] || fail "an unknown bank gave $rc2, not 66"
[ "$rc3" = 64 ] || fail "a stray argument gave $rc3, not 64"
printf '5 5\n' | sbx --bank quick | grep -q '^5.00 5.00 fearful-avoidant' || fail "--bank quick"

# --- the plane in tmux ------------------------------------------------------

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

# A mouse click (button 1, X10 encoding) at 0-based column $2, row $3 of session $1.
click() {
	cx=$(printf '%03o' $(($2 + 33)))
	cy=$(printf '%03o' $(($3 + 33)))
	t send-keys -t "$1" -l "$(printf "\\033[M \\$cx\\$cy")"
	t send-keys -t "$1" -l "$(printf "\\033[M#\\$cx\\$cy")"
}

# A saved JSON report to start from (written outside the empty directory):
# anxiety items answered 6 (reverse-keyed ones count 2), avoidance 2 (count 6).
report=$tmp/report.json
mkdir "$tmp/runhome"
{ for i in $(seq 15); do echo 6; done; for i in $(seq 15); do echo 2; done; echo; echo; echo; } |
	env HOME="$tmp/runhome" XDG_STATE_HOME="$tmp/runhome" XDG_DATA_HOME="$tmp/runhome" \
	"$SB" run --plain --no-save --report "$report" --format json >/dev/null 2>&1 || true

cat >"$tmp/run.sh" <<EOF
cd "$empty"
env HOME="$empty" XDG_CONFIG_HOME="$empty" XDG_DATA_HOME="$empty" XDG_STATE_HOME="$empty" \
	XDG_CACHE_HOME="$empty" "$SB" explore "\$@"
echo "rc=\$?"
stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' '
echo '<end>'
sleep 600
EOF

t new-session -d -s E -x 80 -y 24 "env -u NO_COLOR sh $tmp/run.sh"
wait_for E "nothing is saved"
wait_for E "ANXIETY     2.50  low"
wait_for E "AVOIDANCE   2.50  low"
wait_for E "SECURE"
wait_for E "Clear of the boundaries (margin"
t send-keys -t E 2
wait_for E "ANXIETY     5.50  HIGH"
wait_for E "ANXIOUS-PREOCCUPIED"
# From the secure point up in small steps: exactly on the cutoff is still low.
t send-keys -t E 1
wait_for E "ANXIETY     2.50  low"
i=0
while [ $i -lt 15 ]; do t send-keys -t E Up; i=$((i + 1)); done
wait_for E "ANXIETY     4.00  low"
wait_for E "NEAR A BOUNDARY (margin 0.00)"
t send-keys -t E k
wait_for E "ANXIETY     4.10  HIGH"
wait_for E "ANXIOUS-PREOCCUPIED"
t send-keys -t E L L
wait_for E "AVOIDANCE   3.50  low"
t send-keys -t E l
wait_for E "AVOIDANCE   3.60  low"
t send-keys -t E 3
wait_for E "DISMISSIVE-AVOIDANT"
t send-keys -t E 4
wait_for E "FEARFUL-AVOIDANT"
t send-keys -t E c
wait_for E "ANXIETY     4.00  low"
wait_for E "AVOIDANCE   4.00  low"
# On both cutoffs: the headline names all three styles, none alone in capitals.
wait_for E "BETWEEN SECURE,"
wait_for E "DISMISSIVE-AVOIDANT"
if t capture-pane -p -t E | grep -qE '│  SECURE *$|^ *SECURE *$'; then
	fail "explore shows SECURE alone near a boundary"
fi
# A click in the upper right of the plane (high anxiety, high avoidance).
t send-keys -t E 1
wait_for E "ANXIETY     2.50  low"
click E 35 5
wait_for E "FEARFUL-AVOIDANT"

# r: a missing report is explained, a saved one gives its point.
t send-keys -t E r
wait_for E "Report file:"
t send-keys -t E -l "$tmp/no-such-report.json"
t send-keys -t E Enter
wait_for E "cannot open"
if [ -f "$report" ]; then
	t send-keys -t E r
	t send-keys -t E -l "$report"
	t send-keys -t E Enter
	wait_for E "Report of Close relationships self-check (core)"
	wait_for E "ANXIETY     4.67  HIGH"
	wait_for E "AVOIDANCE   3.33  low"
	wait_for E "ANXIOUS-PREOCCUPIED"
else
	echo "note: securebase run wrote no report; loading one was not tested"
fi

t send-keys -t E '?'
wait_for E "a typical point: Secure"
t send-keys -t E Escape
wait_for E "arrows move"

# Resize: the plane above the panel, too small, and back.
t resize-window -t E -x 50 -y 34
wait_for E "AVOIDANCE"
wait_for E "anxiety"
t resize-window -t E -x 20 -y 6
wait_for E "Please"
t resize-window -t E -x 80 -y 24
wait_for E "nothing is saved"
t send-keys -t E q
wait_for E "rc=0"
wait_for E "icanon echo <end>"

# NO_COLOR: attributes only, no colour codes at all.
t new-session -d -s N -x 80 -y 24 "env NO_COLOR=1 sh $tmp/run.sh"
wait_for N "SECURE"
t capture-pane -e -p -t N >"$tmp/nocolor"
if LC_ALL=C grep -qE "$(printf '\033')\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;[25])[;m]" "$tmp/nocolor"; then
	fail "colour used with NO_COLOR set"
fi
t send-keys -t N q
wait_for N "rc=0"

# SIGTERM: the terminal is restored and the status is 130.
t new-session -d -s S -x 80 -y 24 "sh $tmp/run.sh"
wait_for S "SECURE"
shpid=$(t display -p -t S '#{pane_pid}')
# The child of the pane's shell, found through /proc (no procps on minimal systems).
sbpid=$(grep -l "^PPid:[[:space:]]*$shpid\$" /proc/[0-9]*/status 2>/dev/null | head -1 | cut -d/ -f3)
[ -n "$sbpid" ] || fail "cannot find the explore process"
kill -TERM "$sbpid"
wait_for S "rc=130"
wait_for S "icanon echo <end>"

# TERM=dumb: plain mode reading from the terminal.
t new-session -d -s D -x 80 -y 24 "env TERM=dumb sh $tmp/run.sh"
wait_for D "type ANXIETY AVOIDANCE"
t send-keys -t D -l "4 4"
t send-keys -t D Enter
wait_for D "4.00 4.00 secure near anxious-preoccupied+dismissive-avoidant"
t send-keys -t D C-d
wait_for D "rc=0"

# Nothing anywhere in HOME, XDG or the working directory.
if [ -n "$(ls -A "$empty")" ]; then
	echo "FAIL: explore wrote files:"
	ls -laR "$empty"
	exit 1
fi
echo "PASS explore"
