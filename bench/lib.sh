# lib.sh - the start shared by the benchmarks bench/bench_*.sh (sourced, not
# run: run.sh runs only bench_*.sh).  Source it first, with the script's
# arguments still in place:
#   $bin   the securebase binary (the script's first argument, required)
#   $root  the repository's top directory
#   $work  the work directory: $BENCH_DIR, default build/bench (created)
#   $cc    the C compiler: $CC, default cc
#   build_tool NAME [CC ARGS...]  compile bench/NAME.c to $work/NAME (-O2)
#   best N CMD...                 "WALL CPU": the best of N runs of CMD, in
#                                 microseconds, output to /dev/null
#                                 (bench/timeit.c; build_tool timeit first)

bin=${1:?usage: ${0##*/} path/to/securebase}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$root/build/bench}
mkdir -p "$work"
cc=${CC:-cc}

build_tool() {
	_tool=$1
	shift
	# shellcheck disable=SC2086
	$cc -O2 -o "$work/$_tool" "$root/bench/$_tool.c" "$@"
}

best() { _r=$1; shift; "$work/timeit" "$_r" "$@"; }
