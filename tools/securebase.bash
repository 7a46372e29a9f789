# bash completion for securebase(1)
_securebase() {
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=run
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		run|check|score|learn|explore|banks) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	--bank)
		COMPREPLY=($(compgen -W "$(securebase banks 2>/dev/null | awk '{print $1}')" -- "$cur")
		COMPREPLY+=($(compgen -f -X '!*.y*ml' -- "$cur"))
		return ;;
	--format)
		if [ "$cmd" = score ]; then
			COMPREPLY=($(compgen -W "csv json" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "text markdown json" -- "$cur"))
		fi
		return ;;
	--report|--output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	esac
	case $cmd in
	run) COMPREPLY=($(compgen -W "run check score learn explore banks --bank --plain --no-save --resume --quiet --report --format --include-reflections --no-mouse --help --version" -- "$cur")) ;;
	check) COMPREPLY=($(compgen -f -- "$cur")) ;;
	score) COMPREPLY=($(compgen -W "--bank --format --output" -- "$cur") $(compgen -f -- "$cur")) ;;
	learn) COMPREPLY=($(compgen -W "--plain" -- "$cur")) ;;
	explore) COMPREPLY=($(compgen -W "--bank --plain" -- "$cur")) ;;
	esac
}
complete -F _securebase securebase
