# bash completion for securebase(1)
_securebase() {
	local cur prev cmd i opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=run
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		run|check|score|learn|explore|banks) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	--bank|-b)
		COMPREPLY=($(compgen -W "$(securebase banks 2>/dev/null | awk '{print $1}')" -- "$cur"))
		COMPREPLY+=($(compgen -f -X '!*.y*ml' -- "$cur"))
		return ;;
	--format|-f)
		if [ "$cmd" = score ]; then
			COMPREPLY=($(compgen -W "csv json" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "text markdown json" -- "$cur"))
		fi
		return ;;
	--report|--output|-o)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	esac
	# Every command takes --help and --version; these are each one's own options.
	case $cmd in
	run) opts="--bank --plain --no-save --resume --quiet --report --format --include-reflections --no-mouse" ;;
	check) opts="" ;;
	score) opts="--bank --format --output" ;;
	learn) opts="--plain" ;;
	explore) opts="--bank --plain --no-mouse" ;;
	banks) opts="" ;;
	esac
	opts="$opts --help --version"
	case $cmd in
	run)
		# a command name only comes first: `securebase CMD ...`
		[ "$COMP_CWORD" -eq 1 ] && opts="run check score learn explore banks $opts"
		COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
	check|score)
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ $cur == -* ]] || COMPREPLY+=($(compgen -f -- "$cur")) ;;
	*) COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;
	esac
}
complete -F _securebase securebase
