#!/bin/sh
# content_override.sh - a clinic's own texts in $XDG_CONFIG_HOME/securebase/
# (default ~/.config/securebase/): used by run, learn and explore when the
# directory exists, the built-in ones otherwise; XDG_CONFIG_HOME wins over
# HOME; an invalid file is reported as FILE:LINE:COLUMN: message with exit 65
# (66 when it cannot be read) before any screen is drawn; explore still
# writes nothing.  HOME and XDG_CONFIG_HOME point into a private mktemp -d.
set -eu
. "$(dirname "$0")/lib/tmux.sh"

DATA=$TOP/data
[ -f "$DATA/resources.yaml" ] || { echo "no data/resources.yaml next to the tests"; exit 77; }
XDG=$TMPD/xdg
OUT=$TMPD/out
ERR=$TMPD/err

# sbe [env words...] -- securebase args...: run with HOME=$HOMED, status in $rc.
sbe() {
	envs=""
	while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
	shift
	set +e
	# shellcheck disable=SC2086
	env HOME="$HOMED" LC_ALL=C.UTF-8 $envs "$SB" "$@" >"$OUT" 2>"$ERR" </dev/null
	rc=$?
	set -e
}

# answers for a whole plain run of the default bank: 30 likert items, 3 texts.
answers() {
	i=0
	while [ $i -lt 30 ]; do echo 4; i=$((i + 1)); done
	printf '\n\n\n'
}

# plain_run [env words...]: a whole --plain --no-save run, summary in $OUT.
plain_run() {
	answers >"$TMPD/answers"
	set +e
	env HOME="$HOMED" LC_ALL=C.UTF-8 "$@" "$SB" run --plain --no-save <"$TMPD/answers" >"$OUT" 2>"$ERR"
	rc=$?
	set -e
}

# clinic DIR NAME NUMBER: a resources.yaml in DIR with the clinic first.
clinic() {
	mkdir -p "$1"
	awk -v name="$2" -v num="$3" '{ print } /^resources:$/ {
		print "  - kind: local"; print "    region: Our town"
		print "    name: " name; print "    contact: \"" num "\"" }' \
		"$DATA/resources.yaml" >"$1/resources.yaml"
}

# --- no override: the built-in texts, nothing said ------------------------------

plain_run
[ "$rc" = 0 ] || { cat "$ERR"; fail "plain run without override gave $rc"; }
grep -qF "Samaritans" "$OUT" || fail "built-in resources missing"
grep -qF "Riverside" "$OUT" && fail "a clinic appears without an override"
[ ! -s "$ERR" ] || { cat "$ERR"; fail "something said on stderr without an override"; }

# XDG_CONFIG_HOME set but its securebase/ missing: built-in, silently.
mkdir -p "$XDG"
plain_run XDG_CONFIG_HOME="$XDG"
[ "$rc" = 0 ] && [ ! -s "$ERR" ] || fail "missing XDG dir: rc $rc, stderr $(cat "$ERR")"

# --- ~/.config/securebase/resources.yaml ----------------------------------------

clinic "$HOMED/.config/securebase" "Riverside Home Clinic" "01632 960 111"
plain_run
[ "$rc" = 0 ] || { cat "$ERR"; fail "plain run with ~/.config override gave $rc"; }
grep -qF "01632 960 111" "$OUT" || fail "the clinic's number is not in the summary"
grep -qF "Riverside Home Clinic" "$OUT" || fail "the clinic's name is not in the summary"
grep -qF "Samaritans" "$OUT" || fail "the rest of the clinic's copy is missing"

# --report too.
answers >"$TMPD/answers"
env HOME="$HOMED" "$SB" run --plain --no-save --quiet --report "$TMPD/r.md" --format markdown \
	<"$TMPD/answers" >/dev/null 2>&1 || fail "--report with an override failed"
grep -qF "01632 960 111" "$TMPD/r.md" || fail "the clinic's number is not in the report"

# --- XDG_CONFIG_HOME wins over HOME ---------------------------------------------

clinic "$XDG/securebase" "Riverside XDG Clinic" "01632 960 222"
plain_run XDG_CONFIG_HOME="$XDG"
[ "$rc" = 0 ] || fail "plain run with XDG override gave $rc"
grep -qF "01632 960 222" "$OUT" || fail "XDG_CONFIG_HOME's copy not used"
grep -qF "01632 960 111" "$OUT" && fail "HOME's copy used although XDG_CONFIG_HOME is set"
# A relative XDG_CONFIG_HOME is ignored (XDG spec): back to ~/.config.
plain_run XDG_CONFIG_HOME=relative/dir
grep -qF "01632 960 111" "$OUT" || fail "relative XDG_CONFIG_HOME not ignored"

# learn and explore read the same directory.
sed 's/^title: .*/title: The Riverside guide/' "$DATA/learn.yaml" >"$XDG/securebase/learn.yaml"
sbe XDG_CONFIG_HOME="$XDG" -- learn --plain
[ "$rc" = 0 ] || fail "learn --plain with an override gave $rc"
head -1 "$OUT" | grep -qx "The Riverside guide" || fail "learn ignores learn.yaml: $(head -1 "$OUT")"

# explore honours it and still writes nothing.
before=$(cd "$TMPD" && find . | LC_ALL=C sort)
printf '4.5 2\n' | env HOME="$HOMED" XDG_CONFIG_HOME="$XDG" "$SB" explore --plain >"$OUT" 2>"$ERR" ||
	fail "explore --plain with an override failed: $(cat "$ERR")"
grep -q '^4.50 2.00 anxious-preoccupied' "$OUT" || fail "explore output"
after=$(cd "$TMPD" && find . | LC_ALL=C sort)
[ "$before" = "$after" ] || fail "explore wrote files"

# --- invalid and unreadable overrides --------------------------------------------

printf 'securebase: 1\ndisclaimer: Not a diagnosis.\nhelp_intro: Ask.\n  resources: [\n' \
	>"$XDG/securebase/resources.yaml"
want="$XDG/securebase/resources.yaml:4:12: "
for cmd in "run --plain --no-save" "learn --plain" "explore --plain"; do
	# shellcheck disable=SC2086
	sbe XDG_CONFIG_HOME="$XDG" -- $cmd
	[ "$rc" = 65 ] || fail "$cmd with an invalid override gave $rc, not 65"
	head -1 "$ERR" | grep -qF "$want" || fail "$cmd: no FILE:LINE:COLUMN: $(head -1 "$ERR")"
	[ ! -s "$OUT" ] || fail "$cmd printed something with an invalid override"
done

# An unknown key, at its own line and column.
clinic "$XDG/securebase" "Riverside XDG Clinic" "01632 960 222"
printf 'phone: "123"\n' >>"$XDG/securebase/styles.yaml.tmp"
cat "$DATA/styles.yaml" "$XDG/securebase/styles.yaml.tmp" >"$XDG/securebase/styles.yaml"
rm "$XDG/securebase/styles.yaml.tmp"
line=$(wc -l <"$XDG/securebase/styles.yaml" | tr -d ' ')
sbe XDG_CONFIG_HOME="$XDG" -- run --plain --no-save
[ "$rc" = 65 ] || fail "unknown key gave $rc"
grep -qF "$XDG/securebase/styles.yaml:$line:1: unknown key 'phone'" "$ERR" ||
	fail "unknown key not reported at $line:1: $(cat "$ERR")"
rm "$XDG/securebase/styles.yaml"

# A file that cannot be read: 66 (a directory stands in for it, root reads anything).
rm "$XDG/securebase/learn.yaml"
mkdir "$XDG/securebase/learn.yaml"
sbe XDG_CONFIG_HOME="$XDG" -- learn --plain
[ "$rc" = 66 ] || fail "unreadable override gave $rc, not 66"
grep -qF "$XDG/securebase/learn.yaml: cannot read" "$ERR" || fail "unreadable message: $(cat "$ERR")"
rmdir "$XDG/securebase/learn.yaml"

# --- on a terminal: the error comes before any screen ---------------------------

need_tmux
printf 'securebase: 1\ndisclaimer: Not a diagnosis.\nhelp_intro: Ask.\n  resources: [\n' \
	>"$XDG/securebase/resources.yaml"
for cmd in run learn explore; do
	ENV="XDG_CONFIG_HOME=$XDG" start 80 24 "$cmd"
	expect_exit 65 "$cmd on a terminal with an invalid override"
	wait_for "resources.yaml:4:12: YAML syntax error"
	screen | grep -qF "[ Begin ]" && fail "$cmd drew its screen"
	screen | grep -qF "Contents," && fail "$cmd drew its screen"
done

# A valid override on screen: the guide's title.
clinic "$XDG/securebase" "Riverside XDG Clinic" "01632 960 222"
sed 's/^title: .*/title: The Riverside guide/' "$DATA/learn.yaml" >"$XDG/securebase/learn.yaml"
ENV="XDG_CONFIG_HOME=$XDG" start 80 24 learn
wait_for "The Riverside guide"
keys q
expect_exit 0 "learn with an override"
echo "PASS content_override"
