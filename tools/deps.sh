#!/bin/sh
# deps.sh - make sure the build dependencies are installed (Debian 12).
# Installs what is missing with apt-get (as root, or via sudo without a
# password prompt) or prints the exact command and fails.
set -u

PKGS_NEEDED=""
need() { PKGS_NEEDED="$PKGS_NEEDED $1"; }

command -v cc >/dev/null 2>&1 || need gcc
command -v make >/dev/null 2>&1 || need make
if command -v pkg-config >/dev/null 2>&1; then
	pkg-config --exists ncursesw || need libncurses-dev
	pkg-config --exists yaml-0.1 || need libyaml-dev
	pkg-config --exists cmocka || need libcmocka-dev
	pkg-config --exists jansson || need libjansson-dev
else
	need "pkg-config libncurses-dev libyaml-dev libcmocka-dev libjansson-dev"
fi
[ -f /usr/include/csv.h ] || need libcsv-dev
# The end-to-end tests drive the program in tmux.
command -v tmux >/dev/null 2>&1 || need tmux
locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || need locales

[ -z "$PKGS_NEEDED" ] && exit 0

CMD="apt-get install -y --no-install-recommends$PKGS_NEEDED"
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo"
else
	echo "securebase: missing build dependencies. Install them with:" >&2
	echo "  sudo apt-get update && sudo $CMD" >&2
	exit 1
fi
echo "securebase: installing build dependencies:$PKGS_NEEDED" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends $PKGS_NEEDED >/dev/null 2>&1 ||
	{ $SUDO apt-get update >/dev/null 2>&1 && $SUDO $CMD; } || {
	echo "securebase: could not install:$PKGS_NEEDED" >&2
	echo "  run: sudo apt-get update && sudo $CMD" >&2
	exit 1
}
