#!/bin/sh
# run_signals.sh - SIGTERM, SIGHUP and SIGINT (Ctrl-C) in the interface:
# progress saved, terminal restored, exit status 130.  And a crash
# (SIGSEGV) still restores the terminal.
set -eu
. "$(dirname "$0")/lib/tmux.sh"
need_tmux

for sig in TERM HUP INT; do
	rm -rf "$STATE"
	start 80 24
	wait_for "[ Begin ]"
	keys Enter
	wait_for "1 of 33"
	keys 6 1
	wait_for "3 of 33"
	if [ $sig = INT ]; then keys C-c; else kill -$sig "$(sb_pid)"; fi
	expect_exit 130 "SIG$sig"
	grep -q '^answer anx02 1 ' "$STATE/core.progress" || fail "SIG$sig: progress not kept"
	grep -qx 'position 2' "$STATE/core.progress" || fail "SIG$sig: position not kept"
	# the terminal is back: normal screen, the note on stderr, a visible cursor
	wait_for "your answers so far are saved"
	screen | grep -qF "1 of 33" && fail "SIG$sig: the interface was left on screen"
	[ "$(t display -p -t sb '#{alternate_on}')" = 0 ] || fail "SIG$sig: alternate screen still on"
	[ "$(t display -p -t sb '#{cursor_flag}')" = 1 ] || fail "SIG$sig: cursor left hidden"
done

# a crash (SIGSEGV) still gives the terminal back: normal screen, cursor, no mouse mode
rm -rf "$STATE"
start 80 24
wait_for "[ Begin ]"
keys Enter
wait_for "1 of 33"
[ "$(t display -p -t sb '#{alternate_on}')" = 1 ] || fail "interface not on the alternate screen"
kill -SEGV "$(sb_pid)"
expect_exit 139 "SIGSEGV (killed by the signal)"
[ "$(t display -p -t sb '#{alternate_on}')" = 0 ] || fail "crash: alternate screen still on"
[ "$(t display -p -t sb '#{cursor_flag}')" = 1 ] || fail "crash: cursor left hidden"
[ "$(t display -p -t sb '#{mouse_any_flag}')" = 0 ] || fail "crash: mouse reporting left on"
echo "ok"
