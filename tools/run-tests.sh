#!/bin/sh
# run-tests.sh - run each cmocka test binary; with VALGRIND=1 under valgrind.
# Exits non-zero if any test fails (or valgrind finds an error or leak).
set -u
fail=0
for t in "$@"; do
	if [ "${VALGRIND:-0}" = 1 ]; then
		valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
			--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$t" \
			>"$t.log" 2>&1
	else
		"$t" >"$t.log" 2>&1
	fi
	rc=$?
	if [ $rc -eq 0 ]; then
		printf 'PASS %s\n' "${t##*/}"
	else
		printf 'FAIL %s (exit %d)\n' "${t##*/}" "$rc"
		sed 's/^/    /' "$t.log" | tail -40
		fail=1
	fi
done
exit $fail
