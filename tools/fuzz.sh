#!/bin/sh
# fuzz.sh - build each fuzz/fuzz_*.c with libFuzzer + ASan + UBSan and run it
# for FUZZ_SECONDS seconds, seeded from its corpus list.  Fails on any finding.
# FUZZ_TARGETS="bank csv" limits the run to those targets (default: all).
set -u
: "${FUZZ_CC:=clang}" "${FUZZ_SECONDS:=60}"
B=build-fuzz
mkdir -p "$B"
FLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Iinclude -I$B"
FLAGS="$FLAGS $(pkg-config --cflags ncursesw yaml-0.1 jansson) -DSECUREBASE_VERSION=\"fuzz\""
LIBS="$(pkg-config --libs yaml-0.1 jansson) -lcsv -lm"
[ -f build/embedded.c ] || make --no-print-directory build/embedded.c || exit 1
CORE=$(ls src/*.c | grep -v '^src/main.c$')
fail=0
for f in fuzz/fuzz_*.c; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .c)
	if [ -n "${FUZZ_TARGETS:-}" ]; then
		case " $FUZZ_TARGETS " in *" ${name#fuzz_} "*) ;; *) continue ;; esac
	fi
	echo "fuzz: building $name"
	$FUZZ_CC $FLAGS -o "$B/$name" "$f" $CORE build/embedded.c $LIBS || { fail=1; continue; }
	corpus="$B/$name.corpus"
	mkdir -p "$corpus"
	seeds=""
	[ -f "fuzz/$name.seeds" ] && seeds=$(sh "fuzz/$name.seeds")
	echo "fuzz: running $name for ${FUZZ_SECONDS}s"
	"$B/$name" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -rss_limit_mb=1024 \
		-artifact_prefix="$B/$name-" "$corpus" $seeds >"$B/$name.log" 2>&1 || {
		echo "FAIL fuzz $name: see $B/$name.log"; tail -30 "$B/$name.log"; fail=1; }
done
exit $fail
