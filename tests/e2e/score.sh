#!/bin/sh
# score.sh - end-to-end tests of `securebase score` (SPEC section 4).
#
# Expected outputs were computed independently of securebase: by hand for
# score/cases/ (tiny.yaml, four items), and by score/gen.py (a separate
# Python implementation of the published keys) for score/keys/.
set -eu
: "${SECUREBASE:?set SECUREBASE to the securebase binary}"
here=$(cd "$(dirname "$0")" && pwd)
fix=$here/score
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
export LC_ALL=C
mkdir -p "$HOME"
fail=0

# check NAME WANT_RC GOT_RC: compare status, $tmp/out and $tmp/err with files.
check() {
	name=$1 want=$2 got=$3 out=$4 err=$5
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: exit $got, want $want"; sed 's/^/    /' "$tmp/err"; fail=1; return
	fi
	if ! cmp -s "$out" "$tmp/out"; then
		echo "FAIL $name: stdout differs"; diff "$out" "$tmp/out" | head -20; fail=1; return
	fi
	if ! cmp -s "$err" "$tmp/err"; then
		echo "FAIL $name: stderr differs"; diff "$err" "$tmp/err" | head -20; fail=1; return
	fi
	echo "ok $name"
}

# status CMD...: run, leave stdout/stderr in $tmp/out, $tmp/err; print the status.
status() {
	set +e
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	echo $rc
}

# --- malformed and well-formed inputs, expected by hand -----------------
cd "$fix/cases"
for c in good:0 badvalues:65 empty:65 noheader:65 dupcols:65 noitems:65 quoting:65 \
         unclosed:65 missingcols:0 norespondent:65; do
	n=${c%:*} want=${c#*:}
	got=$(status "$SECUREBASE" score --bank tiny.yaml "$n.csv")
	check "case $n" "$want" "$got" "$n.out" "$n.err"
done

# JSON, and stdin ("-" and no argument) named <stdin> in messages.
got=$(status "$SECUREBASE" score --bank tiny.yaml --format json good.csv)
check "json" 0 "$got" good.json good.err
sed 's/^good\.csv:/<stdin>:/' good.err >"$tmp/stdin.err"
got=$(status sh -c '"$1" score --bank tiny.yaml - <good.csv' sh "$SECUREBASE")
check "stdin -" 0 "$got" good.out "$tmp/stdin.err"
got=$(status sh -c '"$1" score -f csv -b tiny.yaml <good.csv' sh "$SECUREBASE")
check "stdin, short options" 0 "$got" good.out "$tmp/stdin.err"

# --- every bundled key, against gen.py's independent scoring -------------
cd "$fix/keys"
: >"$tmp/none"
for k in ecr-r ecr-s ecr-rs rq; do
	got=$(status "$SECUREBASE" score --bank "$k" "$k.csv")
	check "key $k" 0 "$got" "$k.out" "$tmp/none"
done
printf "%s\n" "rsq.csv:1: warning: ignoring 13 columns that name no item of bank 'rsq': 'rsq4', 'rsq7', 'rsq11', 'rsq13', 'rsq14', 'rsq17', 'rsq18', 'rsq20', 'rsq21', 'rsq23', 'rsq27', 'rsq29', 'rsq30'" >"$tmp/rsq.err"
got=$(status "$SECUREBASE" score --bank rsq rsq.csv)
check "key rsq" 0 "$got" rsq.out "$tmp/rsq.err"
got=$(status "$SECUREBASE" score --bank ecr-r --format json ecr-r.csv)
check "key ecr-r json" 0 "$got" ecr-r.json "$tmp/none"

# --- usage and file errors ------------------------------------------------
cd "$fix/cases"
for args in "score good.csv" "score --bank tiny.yaml --format xml good.csv" \
            "score --bank tiny.yaml good.csv good.csv" "score --bogus --bank tiny.yaml" \
            "score --bank tiny.yaml --output"; do
	# shellcheck disable=SC2086
	got=$(status "$SECUREBASE" $args)
	if [ "$got" = 64 ] && [ -s "$tmp/err" ] && [ ! -s "$tmp/out" ]; then echo "ok usage: $args"
	else echo "FAIL usage '$args': exit $got"; fail=1; fi
done
got=$(status "$SECUREBASE" score --help)
if [ "$got" = 0 ] && grep -q -- '--output FILE' "$tmp/out"; then echo "ok --help"
else echo "FAIL score --help: exit $got"; fail=1; fi
expect_rc() {   # NAME WANT CMD...
	name=$1 want=$2; shift 2
	got=$(status "$@")
	if [ "$got" = "$want" ] && [ -s "$tmp/err" ]; then echo "ok $name"
	else echo "FAIL $name: exit $got, want $want"; sed 's/^/    /' "$tmp/err"; fail=1; fi
}
expect_rc "missing responses file" 66 "$SECUREBASE" score --bank tiny.yaml nosuch.csv
expect_rc "responses file is a directory" 66 "$SECUREBASE" score --bank tiny.yaml .
expect_rc "unknown bundled bank" 66 "$SECUREBASE" score --bank no-such-key good.csv
expect_rc "missing bank file" 66 "$SECUREBASE" score --bank ./nosuch.yaml good.csv
printf 'securebase: 1\nid: bad\n' >"$tmp/bad.yaml"
expect_rc "invalid bank" 65 "$SECUREBASE" score --bank "$tmp/bad.yaml" good.csv
expect_rc "output in a missing directory" 73 "$SECUREBASE" score --bank tiny.yaml -o "$tmp/no/dir/x.csv" good.csv
expect_rc "output is a directory" 73 "$SECUREBASE" score --bank tiny.yaml -o "$tmp" good.csv
if [ -w /dev/full ]; then
	expect_rc "stdout full" 74 sh -c '"$1" score --bank tiny.yaml good.csv >/dev/full' sh "$SECUREBASE"
	expect_rc "--output /dev/full" 74 "$SECUREBASE" score --bank tiny.yaml -o /dev/full good.csv
fi
got=$(status "$SECUREBASE" score --bank tiny.yaml -o /dev/null good.csv)
[ "$got" = 0 ] && [ -c /dev/null ] && echo "ok --output /dev/null" || { echo "FAIL --output /dev/null"; fail=1; }

# --- --output: complete runs replace the file, failed runs leave it ------
o=$tmp/res/out.csv
mkdir -p "$tmp/res"
got=$(status "$SECUREBASE" score --bank tiny.yaml --output "$o" good.csv)
if [ "$got" = 0 ] && [ ! -s "$tmp/out" ] && cmp -s "$o" good.out; then echo "ok --output writes"
else echo "FAIL --output writes: exit $got"; fail=1; fi
echo OLD >"$o"
chmod 640 "$o"
for bad in noheader dupcols quoting empty; do
	got=$(status "$SECUREBASE" score --bank tiny.yaml --output "$o" "$bad.csv")
	if [ "$got" = 65 ] && [ "$(cat "$o")" = OLD ] && [ "$(ls -A "$tmp/res")" = out.csv ]; then
		echo "ok failed run ($bad) keeps the old output"
	else echo "FAIL failed run ($bad) touched the output: exit $got, $(ls -A "$tmp/res")"; fail=1; fi
done
got=$(status "$SECUREBASE" score --bank tiny.yaml --output "$o" badvalues.csv)
if [ "$got" = 65 ] && cmp -s "$o" badvalues.out && [ "$(ls -A "$tmp/res")" = out.csv ]; then
	echo "ok rejected rows: the other rows are written"
else echo "FAIL rejected rows with --output: exit $got"; fail=1; fi
mode=$(stat -c %a "$o")
[ "$mode" = 640 ] && echo "ok --output keeps the mode" || { echo "FAIL mode $mode, want 640"; fail=1; }
ln -s out.csv "$tmp/res/link.csv"
got=$(status "$SECUREBASE" score --bank tiny.yaml --output "$tmp/res/link.csv" good.csv)
if [ "$got" = 0 ] && [ -L "$tmp/res/link.csv" ] && cmp -s "$o" good.out; then
	echo "ok --output through a symbolic link"
else echo "FAIL --output through a symbolic link: exit $got"; fail=1; fi

# An interrupted run (SIGTERM while reading) exits 130 and keeps the old file.
echo OLD >"$o"
mkfifo "$tmp/fifo"
(printf 'respondent,x1\nr,1\n'; sleep 20) >"$tmp/fifo" &
writer=$!
"$SECUREBASE" score --bank tiny.yaml --output "$o" <"$tmp/fifo" >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep 1
kill -TERM "$pid"
set +e
wait "$pid"
got=$?
set -e
kill "$writer" 2>/dev/null || true
if [ "$got" = 130 ] && [ "$(cat "$o")" = OLD ] && [ "$(ls -A "$tmp/res")" = "link.csv
out.csv" ]; then
	echo "ok interrupted run keeps the old output"
else echo "FAIL interrupted run: exit $got, $(ls -A "$tmp/res" | tr '\n' ' ')"; fail=1; fi

# --- the locale does not change the numbers -------------------------------
if command -v localedef >/dev/null 2>&1 &&
   localedef -i de_DE -f UTF-8 "$tmp/de_DE.utf8" >/dev/null 2>&1 &&
   [ "$(LOCPATH=$tmp LC_ALL=de_DE.UTF-8 /usr/bin/printf '%.1f' 1.5 2>/dev/null)" = "1,5" ]; then
	got=$(status env LOCPATH="$tmp" LC_ALL=de_DE.UTF-8 "$SECUREBASE" score --bank tiny.yaml good.csv)
	check "de_DE locale (comma decimal point)" 0 "$got" good.out good.err
else
	echo "note: no de_DE locale could be built; locale check skipped"
fi

exit $fail
