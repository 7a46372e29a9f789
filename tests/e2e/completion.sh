#!/bin/sh
# completion.sh - tools/securebase.bash offers every long option that a
# command's --help names (run: the "Options of run" of the global help),
# plus --help and --version for every command, and the command names first.
# The completion function itself is run in bash with COMP_WORDS set up as
# bash would.  Skipped without bash.
set -eu
. "$(dirname "$0")/lib/common.sh"
COMP=$TOP/tools/securebase.bash
command -v bash >/dev/null 2>&1 || { echo "bash not installed"; exit 77; }

bash -n "$COMP" 2>"$TMPD/syntax" || fail "$COMP is not valid bash: $(cat "$TMPD/syntax")"

# The completions offered for the words given (the last one is completed),
# one per line.  `securebase` in the function runs the binary under test.
complete_words() {
	bash -c '
		securebase() { "$SB" "$@"; }
		. "$COMP"
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMPREPLY=()
		_securebase
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"
	' completion securebase "$@"
}
export SB COMP

# Long options a help text offers, in its usage paragraph and its option
# lines (indented, starting with "-"), not in prose: one per line, sorted.
long_options_in() {
	awk 'NR == 1, /^$/ { print; next } /^ +-/' "$1" |
		grep -oE '(^|[^A-Za-z0-9-])--[a-z][a-z0-9-]*' | sed -E 's/^[^-]*//' | LC_ALL=C sort -u
}

"$SB" --help >"$TMPD/help"
sed -n '/^Options of run:/,/^Options of score:/p' "$TMPD/help" >"$TMPD/help.run"
[ -s "$TMPD/help.run" ] || problem "no 'Options of run:' section in securebase --help"
for cmd in check score learn explore banks; do
	"$SB" "$cmd" --help >"$TMPD/help.$cmd"
done

for cmd in run check score learn explore banks; do
	{ long_options_in "$TMPD/help.$cmd"; printf '%s\n' --help --version; } |
		LC_ALL=C sort -u >"$TMPD/want.$cmd"
	complete_words "$cmd" -- >"$TMPD/got.$cmd" || problem "completing '$cmd --' failed"
	while read -r opt; do
		grep -qxF -- "$opt" "$TMPD/got.$cmd" ||
			problem "completion does not offer '$opt' after 'securebase $cmd' (its --help names it)"
	done <"$TMPD/want.$cmd"
	# and nothing the command would refuse
	while read -r opt; do
		grep -qxF -- "$opt" "$TMPD/want.$cmd" ||
			problem "completion offers '$opt' after 'securebase $cmd', which its --help does not name"
	done <"$TMPD/got.$cmd"
done

# No command given: run's options, and the commands in first position.
complete_words --pl >"$TMPD/got" || true
grep -qxF -- --plain "$TMPD/got" || problem "'securebase --pl' does not complete to --plain"
complete_words "" >"$TMPD/got" || true
for cmd in run check score learn explore banks; do
	grep -qxF "$cmd" "$TMPD/got" || problem "the command '$cmd' is not offered first"
done
complete_words --plain "" >"$TMPD/got" || true
if grep -qxF explore "$TMPD/got"; then problem "a command is offered after an option"; fi
# Values: formats per command, bank ids.
complete_words score --format "" >"$TMPD/got" || true
[ "$(LC_ALL=C sort "$TMPD/got" | tr '\n' ' ')" = "csv json " ] ||
	problem "score --format offers: $(tr '\n' ' ' <"$TMPD/got")"
complete_words --format "" >"$TMPD/got" || true
[ "$(LC_ALL=C sort "$TMPD/got" | tr '\n' ' ')" = "json markdown text " ] ||
	problem "run --format offers: $(tr '\n' ' ' <"$TMPD/got")"
complete_words explore --bank "" >"$TMPD/got" || true
grep -qxF core "$TMPD/got" || problem "explore --bank does not offer the bundled bank 'core'"

problems_end completion
echo "ok"
