#!/bin/sh
# docs.sh - the documentation tells the truth about the program:
#   - every option a command's --help names is accepted by that command
#     (OPTION [VALUE] --help exits 0, where an unknown option would be 64);
#   - every option in the source's option tables appears in `securebase
#     --help`, in man/securebase.1 and in README.md, and so does every
#     option of every command's own --help;
#   - every command appears in --help, the man page and README.md;
#   - --help fits in 80 columns;
#   - the man page has NAME SYNOPSIS DESCRIPTION EXIT STATUS ENVIRONMENT
#     FILES EXAMPLES, documents every exit status the program uses and
#     every environment variable the source reads with getenv();
#   - every key of the key table (src/keys.c) is in the man page's KEYS
#     section under its screen, and every key listed there is bound;
#   - groff and man render it without a warning (skipped without them).
set -eu
. "$(dirname "$0")/lib/common.sh"
MAN=$TOP/man/securebase.1
README=$TOP/README.md

# The man page source as plain text: \- is -, font escapes dropped.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(aq/'"'"'/g' "$MAN" >"$TMPD/man.txt"

# Long and short options named in a text (one per line, sorted, unique).
options_in() {
	grep -oE '(^|[^A-Za-z0-9-])--?[A-Za-z][A-Za-z0-9-]*' "$1" |
		sed -E 's/^[^-]*//' | grep -vE '^--?$' | LC_ALL=C sort -u
}

"$SB" --help >"$TMPD/help" || problem "securebase --help exited $?"
long=$(awk 'length($0) > 80' "$TMPD/help")
[ -z "$long" ] || problem "--help has lines over 80 columns: $long"

# Each command's own help, and the global one for run.
for cmd in run check score learn explore banks; do
	"$SB" "$cmd" --help >"$TMPD/help.$cmd" 2>&1 || problem "securebase $cmd --help exited $?"
	grep -qE "(^| )$cmd( |$)" "$TMPD/help" || problem "--help does not list the command '$cmd'"
	grep -qE "^\.B(R|I)? .*$cmd|^\.BI? $cmd|securebase $cmd" "$TMPD/man.txt" ||
		problem "the man page does not document the command '$cmd'"
	grep -q "securebase $cmd\|\`$cmd" "$README" || problem "README.md does not mention '$cmd'"
done

# Every command takes -h/--help (its usage on stdout, exit 0, nothing on
# stderr) and -V/--version, also after another option.
for cmd in run check score learn explore banks; do
	for opt in -h --help -V --version; do
		rc=0
		"$SB" "$cmd" "$opt" >"$TMPD/o" 2>"$TMPD/e" </dev/null || rc=$?
		case $opt in
		-h|--help) want='^Usage' ;;
		*) want='^securebase [0-9]' ;;
		esac
		{ [ "$rc" = 0 ] && [ ! -s "$TMPD/e" ] && grep -q "$want" "$TMPD/o"; } ||
			problem "'securebase $cmd $opt' exited $rc: $(head -c 200 "$TMPD/e" "$TMPD/o")"
	done
done
for args in "--plain -h" "--no-save -V" "explore --plain -h" "score --bank quick -h"; do
	rc=0
	# shellcheck disable=SC2086
	"$SB" $args >/dev/null 2>"$TMPD/e" </dev/null || rc=$?
	[ "$rc" = 0 ] || problem "'securebase $args' exited $rc: $(cat "$TMPD/e")"
done

# A value that the option accepts, for the acceptance check.
value_for() {   # CMD OPTION
	case $2 in
	--bank|-b) echo quick ;;
	--format|-f) [ "$1" = score ] && echo csv || echo text ;;
	--report|--output|-o) echo "$TMPD/never-written" ;;
	*) ;;
	esac
}

# Every option a command's help names is accepted by it.
for cmd in run score learn explore; do
	for opt in $(options_in "$TMPD/help.$cmd"); do
		case $opt in --help|-h|--version|-V) continue ;; esac
		# run's help is the global help: only run's own options apply to it
		if [ "$cmd" = run ] && ! sed -n '/^Options of run:/,/^Options of score:/p' \
			"$TMPD/help" | grep -qe "$opt\b"; then
			continue
		fi
		v=$(value_for "$cmd" "$opt")
		rc=0
		if [ -n "$v" ]; then
			"$SB" "$cmd" "$opt" "$v" --help >/dev/null 2>"$TMPD/err" </dev/null || rc=$?
		else
			"$SB" "$cmd" "$opt" --help >/dev/null 2>"$TMPD/err" </dev/null || rc=$?
		fi
		[ "$rc" = 0 ] || problem "'securebase $cmd $opt' is in the help but not accepted ($rc): $(cat "$TMPD/err")"
	done
done
[ ! -e "$TMPD/never-written" ] || problem "an option check wrote a file"

# Options in the source's tables: getopt_long names and literal "--x" compares.
{
	grep -hoE '\{ *"[a-z][a-z-]*", *(no|required|optional)_argument' "$TOP"/src/*.c "$TOP"/src/tui/*.c |
		sed -E 's/^\{ *"([^"]*)".*/--\1/'
	grep -hoE 'strcmp\([^,]*, *"--?[a-zA-Z][a-zA-Z-]*"\)' "$TOP"/src/*.c "$TOP"/src/tui/*.c |
		sed -E 's/.*"(--?[^"]*)".*/\1/'
} | LC_ALL=C sort -u >"$TMPD/src.opts"
[ -s "$TMPD/src.opts" ] || problem "found no options in the source (pattern out of date?)"

cat "$TMPD"/help.* "$TMPD/src.opts" >"$TMPD/all"
for opt in $(options_in "$TMPD/all"); do
	case $opt in
	-h|-V) short=1 ;;
	*) short=0 ;;
	esac
	re="(^|[^A-Za-z0-9-])$opt([^A-Za-z0-9-]|\$)"
	grep -qE -e "$re" "$TMPD/help" || problem "option $opt is accepted but not in securebase --help"
	grep -qE -e "$re" "$TMPD/man.txt" || problem "option $opt is not in man/securebase.1"
	[ $short = 1 ] || grep -qE -e "$re" "$README" || problem "option $opt is not in README.md"
done

# Every key of the key table (src/keys.c) is in the man page's KEYS section
# under its screen, and every key a KEYS tag names is bound there.
cat >"$TMPD/table.awk" <<'AWK'
# Print "SCOPE<TAB>KEYNAME" for each row of keys_table in src/keys.c.
/^const keys_binding keys_table\[\]/ { on = 1; next }
on && /^};/ { on = 0 }
on && match($0, /\{ KEYS_SCOPE_[A-Z_]+, /) {
	scope = substr($0, RSTART + 13, RLENGTH - 15)
	rest = substr($0, RSTART + RLENGTH)
	name = ""
	if (match(rest, /^'[^']'/) || match(rest, /^'\\''/)) {
		c = substr(rest, 2, RLENGTH - 2)
		name = (c == " ") ? "Space" : c
	} else if (match(rest, /^KEYS_CTRL\('[a-z]'\)/)) {
		name = "Ctrl-" toupper(substr(rest, 12, 1))
	} else if (match(rest, /^KEYS_F\([0-9]+\)/)) {
		name = "F" substr(rest, 8, RLENGTH - 8)
	} else if (match(rest, /^KEYS_[A-Z_]+/)) {
		k = substr(rest, 6, RLENGTH - 5)
		if (k == "ESC") name = "Esc"
		else if (k == "TAB") name = "Tab"
		else if (k == "BACKTAB") name = "Shift-Tab"
		else if (k == "PAGE_UP") name = "PageUp"
		else if (k == "PAGE_DOWN") name = "PageDown"
		else {
			n = split(tolower(k), w, "_")
			name = ""
			for (i = 1; i <= n; i++)
				name = name (i > 1 ? "-" : "") toupper(substr(w[i], 1, 1)) substr(w[i], 2)
		}
	}
	if (name == "") { print "UNPARSED\t" rest; next }
	print scope "\t" name
}
AWK
cat >"$TMPD/man.awk" <<'AWK'
# Print "SECTION<TAB>tag|body<TAB>KEY" for the keys named in the KEYS section
# of a man page: tags are the .B/.BR lines right after .TP (keys at even
# argument positions of .BR), body is every argument of .B/.BR/.RB lines.
function unesc(x) { gsub(/\\-/, "-", x); gsub(/\\\(aq/, "'", x); gsub(/\\e/, "\\", x); return x }
function args(line, a,    n, i, c, cur, q, started) {
	n = 0; cur = ""; q = 0; started = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (c == "\"") { q = !q; started = 1; continue }
		if (c == " " && !q) { if (started) { a[++n] = cur; cur = ""; started = 0 } continue }
		cur = cur c; started = 1
	}
	if (started) a[++n] = cur
	return n
}
function emit(kind, k,    lo, hi, i) {
	if (k ~ /^[0-9]-[0-9]$/) {
		lo = substr(k, 1, 1) + 0; hi = substr(k, 3, 1) + 0
		for (i = lo; i <= hi; i++) print sec "\t" kind "\t" i
		return
	}
	print sec "\t" kind "\t" k
}
/^\.SH / { inkeys = ($0 == ".SH KEYS"); sec = "(intro)"; next }
!inkeys { next }
/^\.SS / { sec = substr($0, 5); next }
/^\.TP/ { tag = 1; next }
/^\.(B|BR|RB) / {
	m = substr($0, 2, index($0, " ") - 2)
	n = args(unesc(substr($0, index($0, " ") + 1)), a)
	for (i = 1; i <= n; i++) {
		if (tag && m == "B" && i == 1) emit("tag", n == 1 ? a[1] : a[1])
		else if (tag && m == "BR" && i % 2 == 1) emit("tag", a[i])
		else emit("body", a[i])
	}
	tag = 0
	next
}
{ tag = 0 }
AWK
awk -f "$TMPD/table.awk" "$TOP/src/keys.c" >"$TMPD/table.keys"
awk -f "$TMPD/man.awk" "$MAN" >"$TMPD/man.keys"
if [ ! -s "$TMPD/table.keys" ] || grep -q '^UNPARSED' "$TMPD/table.keys"; then
	problem "cannot read the key table in src/keys.c: $(grep '^UNPARSED' "$TMPD/table.keys" | head -3)"
fi
# The man page section of each scope (KEYS_SCOPE_*); a new scope needs a place.
section_of() {
	case $1 in
	ANY|SCREEN|HELP|SMALL|CONFIRM) echo "Everywhere" ;;
	EDIT) echo "Typing text" ;;
	WELCOME) echo "Welcome screen (run)" ;;
	ITEM) echo "Item screen (run), rating items" ;;
	ITEM_TEXT) echo "Item screen (run), free-text items" ;;
	REVIEW) echo "Review screen (run)" ;;
	RESULTS|SAVE_PATH|SAVE_QUESTION) echo "Results screen (run)" ;;
	LEARN|LEARN_EXAMPLE|SEARCH) echo "Guide (learn)" ;;
	EXPLORE|REPORT_PATH) echo "What-if plane (explore)" ;;
	*) echo "" ;;
	esac
}
tab=$(printf '\t')
while IFS="$tab" read -r scope key; do
	sec=$(section_of "$scope")
	if [ -z "$sec" ]; then
		problem "key scope KEYS_SCOPE_$scope has no subsection in the man page's KEYS"
		continue
	fi
	grep -qxF "$sec$tab"tag"$tab$key" "$TMPD/man.keys" ||
		grep -qxF "$sec$tab"body"$tab$key" "$TMPD/man.keys" ||
		problem "key $key (KEYS_SCOPE_$scope) is not in the man page under KEYS, $sec"
	echo "$sec$tab$key" >>"$TMPD/bound"
done <"$TMPD/table.keys"
grep -E "^(ANY|SCREEN|EDIT)$tab" "$TMPD/table.keys" | cut -f2 >"$TMPD/inherited"
while IFS="$tab" read -r sec kind key; do
	[ "$kind" = tag ] || continue
	case $key in mouse|typing) continue ;; esac
	grep -qxF "$sec$tab$key" "$TMPD/bound" || grep -qxF "$key" "$TMPD/inherited" ||
		problem "the man page lists key '$key' under KEYS, $sec, but the key table binds no such key there"
done <"$TMPD/man.keys"

# The man page's sections.
for s in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
	grep -qE "^\.SH \"?$s\"?$" "$MAN" || problem "man/securebase.1 lacks the section $s"
done

# Every exit status of the program, under EXIT STATUS.
sed -n '/^\.SH "\{0,1\}EXIT STATUS/,/^\.SH /p' "$MAN" >"$TMPD/exit"
for code in 0 64 65 66 73 74 130; do
	grep -qx "\.B $code" "$TMPD/exit" || problem "EXIT STATUS does not describe $code"
done

# Every environment variable the program reads, under ENVIRONMENT.
sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$TMPD/man.txt" >"$TMPD/env"
for var in $(grep -hoE 'getenv\("[A-Z_]+"\)' "$TOP"/src/*.c "$TOP"/src/tui/*.c |
             sed -E 's/getenv\("([A-Z_]+)"\)/\1/' | LC_ALL=C sort -u); do
	grep -qw "$var" "$TMPD/env" || problem "environment variable $var is read but not in ENVIRONMENT"
done

# Renders without warnings.
if command -v groff >/dev/null 2>&1; then
	groff -man -Tutf8 -ww -z "$MAN" >"$TMPD/groff" 2>&1 || true
	[ ! -s "$TMPD/groff" ] || problem "groff warns: $(cat "$TMPD/groff")"
else
	echo "note: groff not installed; rendering not checked"
fi
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$MAN" >"$TMPD/rendered" 2>"$TMPD/manerr" || problem "man -l failed"
	[ ! -s "$TMPD/manerr" ] || problem "man -l warns: $(cat "$TMPD/manerr")"
	grep -q "EXIT STATUS" "$TMPD/rendered" || problem "man -l output lacks EXIT STATUS"
else
	echo "note: man not installed; rendering not checked"
fi

problems_end documentation
echo "ok"
