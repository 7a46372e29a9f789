# tmux.sh - securebase in a tmux window, for the end-to-end tests.
# Sourced (not run) by tests/e2e/*.sh; sources lib/common.sh first (so $SB,
# $TMPD, $HOMED, $STATE, fail and the rest are there too).  Adds:
#   need_tmux            exit 77 ("tmux is not installed") without tmux;
#                        have_tmux says whether it is there
#   t ...                tmux on a private socket (one server per start, in
#                        $TMPD), killed at exit with the program
#   start W H [args...]  run securebase with args in a W x H window (session
#                        "sb"), HOME=$HOMED, a UTF-8 locale; $ENV holds
#                        extra VAR=value words for env(1), $DIR the working
#                        directory (default: this one)
#   wait_for TEXT [SECS] poll the screen for TEXT (fixed string), 10 s default
#   wait_gone TEXT       poll until TEXT is no longer on screen
#   wait_exit [SECS]     wait for the program to end: its status in $RC
#   expect_exit N [WHAT] wait_exit, and fail unless the status is N
#   tty_modes            after the end: "icanon echo" when the terminal was
#                        given back in its usual mode
#   sb_pid               the process id of the running securebase
#   screen, scrollback   the screen as text; with 3000 lines of history
#   keys ...             tmux send-keys to the window
#   resize W H           resize the window
#   mouse_press C R, click C R   button 1 pressed (and released) at 0-based
#                        column C, row R (xterm X10 reports)
#   COLOUR_SGR           an extended regular expression for SGR sequences
#                        that set a colour (not the resets 39/49 tmux adds)

. "$(dirname "$0")/lib/common.sh"

SOCK=sbtest$$
NSTART=0
RC=
export TMUX_TMPDIR="$TMPD"
unset TMUX

# Stop the program first (it saves on SIGHUP/SIGTERM), then the server.
tmux_cleanup() {
	if [ -s "$TMPD/pid" ] && kill -TERM "$(cat "$TMPD/pid")" 2>/dev/null; then
		i=0
		while kill -0 "$(cat "$TMPD/pid")" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.05
			i=$((i + 1))
		done
	fi
	tmux -L "$SOCK" kill-server 2>/dev/null || true
}
at_cleanup tmux_cleanup

have_tmux() { command -v tmux >/dev/null 2>&1; }

need_tmux() {
	if ! have_tmux; then
		echo "tmux is not installed"
		exit 77
	fi
}

t() { tmux -L "$SOCK" -f /dev/null "$@"; }

screen() { t capture-pane -p -t sb 2>/dev/null || true; }

scrollback() { t capture-pane -p -t sb -S -3000 2>/dev/null || true; }

# A failure shows the screen, once there is one.
fail_context() {
	[ "$NSTART" -gt 0 ] || return 0
	echo "--- screen ---"
	screen
	echo "--------------"
}

# start W H [securebase args...]: ENV holds extra VAR=value words for env(1),
# DIR the working directory.  The program's pid lands in $TMPD/pid, its exit
# status in $TMPD/rc, the terminal's modes after it ended in $TMPD/tty.
start() {
	w=$1 h=$2
	shift 2
	rm -f "$TMPD/rc" "$TMPD/pid" "$TMPD/tty"
	args=""
	for a in "$@"; do args="$args '$a'"; done
	{
		# Ctrl-C reaches the whole foreground group: this wrapper must outlive it
		printf '%s\n' "trap : INT"
		printf '%s\n' "cd '${DIR:-.}' || exit"
		printf '%s\n' "sh -c 'echo \$\$ >\"$TMPD/pid\"; exec \"\$@\"' sh env HOME=\"$HOMED\" LANG=C.UTF-8 LC_ALL=C.UTF-8 ${ENV:-} \"$SB\" \"\$@\""
		printf '%s\n' "rc=\$?"
		printf '%s\n' "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | paste -sd ' ' - >\"$TMPD/tty\""
		printf '%s\n' "echo \$rc >\"$TMPD/rc\"" "sleep 600"
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

# wait_exit [SECS]: wait for the program to end; its exit status in $RC.
wait_exit() {
	n=$(( ${1:-10} * 20 ))
	i=0
	while [ $i -lt $n ]; do
		if [ -s "$TMPD/rc" ]; then
			RC=$(cat "$TMPD/rc")
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "the program did not exit"
}

# expect_exit STATUS [WHAT]: the program ends with STATUS, or the test fails.
expect_exit() {
	wait_exit
	[ "$RC" = "$1" ] || fail "${2:+$2: }exit status $RC, not $1"
}

tty_modes() { cat "$TMPD/tty" 2>/dev/null || true; }

# The process id of the running securebase.
sb_pid() {
	i=0
	while [ ! -s "$TMPD/pid" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	cat "$TMPD/pid"
}

keys() { t send-keys -t sb "$@"; }

resize() { t resize-window -t sb -x "$1" -y "$2"; }

# mouse_press COL ROW: an X10 mouse report of button 1 going down.
mouse_press() {
	keys -l "$(printf "\\033[M \\$(printf '%03o' $(($1 + 33)))\\$(printf '%03o' $(($2 + 33)))")"
}

# click COL ROW: button 1 down and up.
click() {
	mouse_press "$1" "$2"
	keys -l "$(printf "\\033[M#\\$(printf '%03o' $(($1 + 33)))\\$(printf '%03o' $(($2 + 33)))")"
}

COLOUR_SGR=$(printf '\033')'\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+|38;2;[0-9;]+|48;2;[0-9;]+)(;[0-9]+)*m'
