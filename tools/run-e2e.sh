#!/bin/sh
# run-e2e.sh - run every tests/e2e/*.sh against $SECUREBASE.
# Each script exits 0 (pass), 77 (skip, e.g. no tmux) or anything else (fail).
set -u
dir=$1
fail=0
for t in "$dir"/*.sh; do
	[ -f "$t" ] || continue
	log=$(mktemp)
	sh "$t" >"$log" 2>&1
	rc=$?
	case $rc in
	0) printf 'PASS %s\n' "${t##*/}" ;;
	77) printf 'SKIP %s: %s\n' "${t##*/}" "$(tail -1 "$log")" ;;
	*) printf 'FAIL %s (exit %d)\n' "${t##*/}" "$rc"; sed 's/^/    /' "$log" | tail -40; fail=1 ;;
	esac
	rm -f "$log"
done
exit $fail
