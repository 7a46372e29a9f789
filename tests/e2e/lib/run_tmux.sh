# run_tmux.sh - shared helpers for the `securebase run` end-to-end tests.
# Sourced (not run) by tests/e2e/run_*.sh.  Each test gets:
#   $SB      the binary ($SECUREBASE, or build/securebase next to the tests)
#   $TMPD    a private temporary directory (removed at exit)
#   $HOMED   an empty HOME inside it; $STATE = its progress directory
#   t ...    tmux on a private socket (tmux -L sbtest$$-N, one per start),
#            server killed at exit
#   start W H [args...]  run securebase with args in a W x H tmux window;
#                        its exit status lands in $TMPD/rc
#   wait_for TEXT [SECS] poll the screen for TEXT (fixed string)
#   wait_gone TEXT       poll until TEXT is no longer on screen
#   wait_exit [SECS]     wait for the program to end; prints its status
#   screen               the screen as text; fail MSG prints it and exits 1

SB=${SECUREBASE:-$(cd "$(dirname "$0")/../.." && pwd)/build/securebase}
[ -x "$SB" ] || { echo "no binary at $SB (set SECUREBASE)"; exit 1; }
TMPD=$(mktemp -d)
HOMED=$TMPD/home
STATE=$HOMED/.local/state/securebase
mkdir -p "$HOMED"
SOCK=sbtest$$
NSTART=0
export TMUX_TMPDIR="$TMPD"
unset TMUX XDG_STATE_HOME NO_COLOR ESCDELAY SECUREBASE_NO_MOUSE

cleanup() {
	# stop the program first (it saves on SIGHUP/SIGTERM), then the server
	if [ -s "$TMPD/pid" ] && kill -TERM "$(cat "$TMPD/pid")" 2>/dev/null; then
		i=0
		while kill -0 "$(cat "$TMPD/pid")" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.05
			i=$((i + 1))
		done
	fi
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	rm -rf "$TMPD"
}
trap cleanup EXIT INT TERM

need_tmux() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "tmux is not installed"
		exit 77
	fi
}

t() { tmux -L "$SOCK" -f /dev/null "$@"; }

screen() { t capture-pane -p -t sb 2>/dev/null || true; }

fail() {
	echo "FAIL: $*"
	echo "--- screen ---"
	screen
	echo "--------------"
	exit 1
}

# start W H [securebase args...]: ENV holds extra VAR=value words for env(1).
# The program's pid lands in $TMPD/pid, its exit status in $TMPD/rc.
start() {
	w=$1 h=$2
	shift 2
	rm -f "$TMPD/rc" "$TMPD/pid"
	args=""
	for a in "$@"; do args="$args '$a'"; done
	{
		# Ctrl-C reaches the whole foreground group: this wrapper must outlive it
		printf '%s\n' "trap : INT"
		printf '%s\n' "sh -c 'echo \$\$ >\"$TMPD/pid\"; exec \"\$@\"' sh env HOME=\"$HOMED\" LANG=C.UTF-8 LC_ALL=C.UTF-8 ${ENV:-} \"$SB\" \"\$@\""
		printf '%s\n' "echo \$? >\"$TMPD/rc\"" "sleep 600"
	} >"$TMPD/run.sh"
	# a fresh server per program run: no race with the old one exiting
	t kill-server 2>/dev/null || true
	NSTART=$((NSTART + 1))
	SOCK=sbtest$$-$NSTART
	t new-session -d -s sb -x "$w" -y "$h" "sh '$TMPD/run.sh' $args"
}

wait_for() {
	n=$(( ${2:-10} * 20 ))
	i=0
	while [ $i -lt $n ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "timed out waiting for '$1'"
}

wait_gone() {
	i=0
	while [ $i -lt 200 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "'$1' is still on screen"
}

wait_exit() {
	n=$(( ${1:-10} * 20 ))
	i=0
	while [ $i -lt $n ]; do
		if [ -s "$TMPD/rc" ]; then
			cat "$TMPD/rc"
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "the program did not exit"
}

# The process id of the running securebase.
sb_pid() {
	i=0
	while [ ! -s "$TMPD/pid" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	cat "$TMPD/pid"
}

keys() { t send-keys -t sb "$@"; }
