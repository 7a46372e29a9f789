#!/bin/sh
# install.sh - `make install DESTDIR=... PREFIX=/usr` puts the binary, man pages,
# bundled data and bash completion in place, and `make uninstall` leaves no file behind.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cd "$top"
make --no-print-directory -s install DESTDIR="$stage" PREFIX=/usr >/dev/null
for f in usr/bin/securebase usr/share/man/man1/securebase.1 \
         usr/share/man/man5/securebase-bank.5 usr/share/securebase/banks/core.yaml \
         usr/share/bash-completion/completions/securebase; do
	[ -f "$stage/$f" ] || { echo "missing after install: $f"; exit 1; }
done
[ -x "$stage/usr/bin/securebase" ] || { echo "binary not executable"; exit 1; }
# The installed binary works from any directory: the default bank is compiled in.
(cd / && "$stage/usr/bin/securebase" --version) | grep -q '^securebase ' ||
	{ echo "installed binary does not run"; exit 1; }
ndata=$(find data -type f \( -name '*.yaml' -o -name '*.md' \) | wc -l)
ninst=$(find "$stage/usr/share/securebase" -type f | wc -l)
[ "$ndata" -eq "$ninst" ] || { echo "data files: $ndata in tree, $ninst installed"; exit 1; }
make --no-print-directory -s uninstall DESTDIR="$stage" PREFIX=/usr >/dev/null
left=$(find "$stage" -type f)
[ -z "$left" ] || { echo "left behind after uninstall:"; echo "$left"; exit 1; }
echo "install/uninstall ok"
