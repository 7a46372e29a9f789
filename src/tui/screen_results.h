/*
 * screen_results.h - the results screen of `securebase run` on the screen
 * framework (tui.h).
 *
 * Open it with tui_push / tui_switch (SCREEN_ID, rep) where rep is a
 * `const report *` built by run_report (report.h).  The report is borrowed:
 * it must stay valid while the screen is open (free it after tui_run
 * returns).  The screen never changes the app's data; its only side effect
 * is the file written when the person asks for one with `s`.
 *
 * Keys (KEYS_SCOPE_RESULTS in the one binding table, src/keys.c; the `?`
 * help lists them from there):
 *   Tab / Right / l, Shift-Tab / Left / h   next / previous section
 *   1 .. 6                                  jump to a section
 *   Down / j, Up / k                        scroll a line
 *   PageDown / Space, PageUp                scroll a page
 *   Home / g, End / G                       top / end of the section
 *   s                                       save a report: asks where
 *                                           (suggests a dated name under
 *                                           $XDG_DATA_HOME/securebase/), the
 *                                           format follows the extension
 *                                           (.txt, .md, .json), asks whether
 *                                           to include free-text reflections
 *                                           and before replacing a file
 *   b, Backspace                            back to the review (RUN_ACT_REVIEW)
 *   ?  help,  Ctrl-L redraw,  q / Enter / Esc / F10 finish (exit status 0)
 * Mouse: the wheel scrolls, a click on a section name opens it.
 */
#ifndef SB_SCREEN_RESULTS_H
#define SB_SCREEN_RESULTS_H

#include "tui.h"

extern const tui_screen screen_results;

#endif
