#!/bin/sh
# check.sh - `securebase check` as a program: output format, exit codes
# 0/64/65/66 and their precedence, stdin, --help/--version, and `banks`.
set -eu
: "${SECUREBASE:?set SECUREBASE to the binary}"
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"
cd "$tmp"

fail() { echo "FAIL: $*"; exit 1; }

# run EXPECTED-STATUS ARGS...: run the binary, keep out/err, check the status.
run() {
	want=$1; shift
	set +e
	"$SECUREBASE" "$@" >out 2>err
	got=$?
	set -e
	[ "$got" -eq "$want" ] || { echo "stdout:"; cat out; echo "stderr:"; cat err;
		fail "securebase $* exited $got, expected $want"; }
}

cat >good.yaml <<'YAML'
securebase: 1
id: good
title: Good bank
response_scale: {min: 1, max: 5}
scales: [{id: anxiety, name: Anxiety}, {id: avoidance, name: Avoidance}]
classification: {method: quadrant, anxiety: anxiety, avoidance: avoidance}
items:
  - {id: a1, scale: anxiety}
  - {id: v1, scale: avoidance, reverse: true}
examples:
  - answers: {a1: 5, v1: 5}
    expect: {anxiety: 5, avoidance: 1, style: anxious-preoccupied}
YAML
cat >bad.yaml <<'YAML'
securebase: 1
id: bad
title: Bad bank
response_scale: {min: 1, max: 5}
scales: [{id: anxiety, name: Anxiety}, {id: avoidance, name: Avoidance}]
classification: {method: quadrant, anxiety: anxeity, avoidance: avoidance}
items:
  - {id: a1, scale: anxiety, reverse: yes}
  - {id: v1, scale: avoidance}
YAML
sed 's/style: anxious-preoccupied/style: secure/' good.yaml >wrong.yaml

# --help and --version.
run 0 --help
grep -q '^Usage:' out || fail "--help prints no usage"
grep -q 'securebase check FILE' out || fail "--help does not mention check"
run 0 --version
grep -q '^securebase [0-9]' out || fail "--version: $(cat out)"
run 0 check --help
grep -q 'Usage: securebase check FILE' out || fail "check --help"
grep -q '65' out || fail "check --help does not give the exit codes"

# Usage errors: 64, nothing on stdout.
run 64 check
[ ! -s out ] || fail "usage error wrote to stdout"
grep -q 'no bank file' err || fail "no-file message: $(cat err)"
run 64 check --frobnicate good.yaml
grep -q "unknown option '--frobnicate'" err || fail "unknown option message"

# A valid bank: exactly "FILE: ok" on stdout, nothing on stderr.
run 0 check good.yaml
[ "$(cat out)" = "good.yaml: ok" ] || fail "ok line: $(cat out)"
[ ! -s err ] || fail "stderr for a valid bank: $(cat err)"

# An invalid bank: 65, FILE:LINE:COLUMN: lines sorted by position, nothing on stdout.
run 65 check bad.yaml
[ ! -s out ] || fail "stdout for an invalid bank: $(cat out)"
[ "$(wc -l <err)" -eq 2 ] || fail "expected 2 problems: $(cat err)"
grep -v -q '^bad\.yaml:[0-9][0-9]*:[0-9][0-9]*: ' err && fail "malformed line in: $(cat err)"
sed -n 1p err | grep -q "^bad.yaml:6:45: classification: scale 'anxeity' is not defined (scales: anxiety, avoidance)$" ||
	fail "first problem: $(sed -n 1p err)"
sed -n 2p err | grep -q "^bad.yaml:8:39: item 'a1': 'reverse' must be true or false, found 'yes'$" ||
	fail "second problem: $(sed -n 2p err)"

# An example that disagrees with the scoring: 65.
run 65 check wrong.yaml
grep -q '^wrong.yaml:12:40: example 1: expected style secure, scored anxious-preoccupied$' err ||
	fail "example mismatch: $(cat err)"

# Missing and unreadable: 66.
run 66 check missing.yaml
grep -q '^missing.yaml: cannot open: ' err || fail "missing file message: $(cat err)"
run 66 check "$tmp"
if [ "$(id -u)" -ne 0 ]; then
	cp good.yaml locked.yaml && chmod 000 locked.yaml
	run 66 check locked.yaml
fi

# Several files: every file reported; 65 wins over 66, 66 over 0.
run 66 check good.yaml missing.yaml
[ "$(cat out)" = "good.yaml: ok" ] || fail "ok line with a missing file"
run 65 check missing.yaml bad.yaml good.yaml
[ "$(cat out)" = "good.yaml: ok" ] || fail "ok line among invalid files"
grep -q '^missing.yaml: ' err || fail "missing file not reported"
grep -q '^bad.yaml:6:45: ' err || fail "invalid file not reported"

# Standard input, and "--" before file names.
run 0 check - <good.yaml
[ "$(cat out)" = "<stdin>: ok" ] || fail "stdin ok line: $(cat out)"
run 65 check - <bad.yaml
grep -q '^<stdin>:6:45: ' err || fail "stdin problems: $(cat err)"
cp good.yaml ./-dash.yaml
run 0 check -- -dash.yaml

# Empty file, garbage, a list at the top: 65 with a position.
: >empty.yaml
run 65 check empty.yaml
grep -q '^empty.yaml:1:1: the file is empty' err || fail "empty: $(cat err)"
printf '\177ELF\002\001\001\000\377' >garbage.yaml
run 65 check garbage.yaml
grep -q '^garbage.yaml:1:1: ' err || fail "garbage: $(cat err)"

# The repository's corpora and bundled banks.
run 0 check "$top"/data/banks/*.yaml "$top"/data/keys/*.yaml "$top"/tests/banks/valid/*.yaml
for f in "$top"/tests/banks/invalid/*.yaml; do
	run 65 check "$f"
	[ ! -s out ] || fail "$f: stdout"
done

# banks: one line per bundled bank with id, items and method.
run 0 banks
grep -q '^core  *[0-9][0-9]* items  quadrant  ' out || fail "banks: $(cat out)"
n=$(ls "$top"/data/banks/*.yaml "$top"/data/keys/*.yaml | wc -l)
[ "$(wc -l <out)" -eq "$n" ] || fail "banks lists $(wc -l <out) banks, data has $n"
run 64 banks extra
echo "check ok"
