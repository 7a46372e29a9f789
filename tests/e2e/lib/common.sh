# common.sh - setup shared by the end-to-end tests (tests/e2e/*.sh).
# Sourced (not run) by a test, before anything else; lib/tmux.sh sources it.
# tools/run-e2e.sh runs only tests/e2e/*.sh, so nothing here runs as a test.
# Each test gets:
#   $TOP     the repository's top directory
#   $SB      the binary ($SECUREBASE, or build/securebase under $TOP)
#   $TMPD    a private temporary directory, removed at exit
#   $HOMED   an empty HOME inside it, exported as HOME; every XDG_*_HOME,
#            NO_COLOR, ESCDELAY and SECUREBASE_NO_MOUSE unset, so that
#            everything securebase reads or writes is below $HOMED
#   $STATE   the progress directory below $HOMED
#   fail MSG        print "FAIL: MSG" (and the screen, once a tmux test has
#                   started one) and exit 1
#   problem MSG     print "FAIL: MSG" and go on; problems_end WHAT exits 1
#                   if there was any ("N WHAT problems")
#   at_cleanup CMD  run CMD (one shell word list) at exit, before $TMPD goes

TOP=$(cd "$(dirname "$0")/../.." && pwd)
SB=${SECUREBASE:-$TOP/build/securebase}
[ -x "$SB" ] || { echo "no binary at $SB (set SECUREBASE)"; exit 1; }
TMPD=$(mktemp -d)
HOMED=$TMPD/home
STATE=$HOMED/.local/state/securebase
mkdir -p "$HOMED"
export HOME="$HOMED"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
unset NO_COLOR ESCDELAY SECUREBASE_NO_MOUSE
NPROBLEMS=0
CLEANUP=""

# at_cleanup CMD: run CMD at exit (last registered first).
at_cleanup() { CLEANUP="$*; $CLEANUP"; }

# The exit trap: the registered commands, then the temporary directory.  A
# program being killed may still write there for a moment, so removal is tried
# again; the test's own status is kept either way.
cleanup() {
	rc=$?
	eval "$CLEANUP"
	rm -rf "$TMPD" 2>/dev/null || { sleep 0.3; rm -rf "$TMPD"; }
	exit "$rc"
}
trap cleanup EXIT INT TERM

# What a failure shows besides its message; lib/tmux.sh shows the screen.
fail_context() { :; }

fail() {
	echo "FAIL: $*"
	fail_context
	exit 1
}

problem() {
	echo "FAIL: $*"
	NPROBLEMS=$((NPROBLEMS + 1))
}

problems_end() {
	[ "$NPROBLEMS" = 0 ] || { echo "$NPROBLEMS $1 problems"; exit 1; }
}
