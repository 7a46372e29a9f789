# results.sh - helpers for the results end-to-end tests (tests/e2e/results_*.sh).
# Sourced after lib/tmux.sh.
#   answer_all [REFLECTION]  from the welcome screen to the results screen:
#       anxiety items 6 (reverse-keyed 2), avoidance items 2 (reverse-keyed
#       6), so anxiety 6.00 and avoidance 2.00: anxious-preoccupied; the
#       first free-text item gets REFLECTION (default "I call my sister").

answer_all() {
	wait_for "[ Begin ]"
	keys Enter
	wait_for "1 of 33"
	for a in 6 6 6 6 6 6 6 6 6 6 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 6 6 6 6 6; do keys "$a"; done
	wait_for "31 of 33"
	keys -l "${1:-I call my sister}"
	keys Enter
	wait_for "32 of 33"
	keys Enter
	wait_for "33 of 33"
	keys Enter
	wait_for "Review your answers"
	keys End Enter
	wait_for "Tab: section"
}

