/*
 * plain.h - plain line mode of `securebase run` (SPEC section 1).
 *
 * The fallback when stdin or stdout is not a terminal or TERM is unset or
 * dumb, forced by --plain, and the screen-reader mode: no cursor
 * addressing, no colour, no decoration, one question per prompt, numbered
 * options, every line meaningful on its own.
 *
 * Input, one line at a time:
 *   a number       answers the current likert item and moves on;
 *   (empty line)   keeps the current answer of a revisited item and moves on;
 *   b              back one item;          s   skip (leave unanswered);
 *   ?              help;                   q   stop, progress kept;
 *   r              (only at the first prompt, when progress was saved)
 *                  continue the saved session instead of starting again.
 * A free-text item takes the whole line as its answer (an empty line leaves
 * it as it is).  End of input before the last item behaves like q.  After
 * the last item the summary is printed to the output.
 *
 * Exit status: 0 after the summary (or the --report status); 130 when the
 * person stopped before the end (q, end of input, SIGINT, SIGTERM or
 * SIGHUP) -- the administration was interrupted, and the progress is kept
 * unless --no-save (SPEC: "130 the user interrupted").  Scripts can thus
 * tell a finished run from an unfinished one.
 *
 * Bank texts are neutralised (text.h) and, when the locale is not UTF-8,
 * transliterated to ASCII.  Prompts and questions go to `out`, notices
 * (save failures) to `err`.
 */
#ifndef SB_PLAIN_H
#define SB_PLAIN_H

#include <stdio.h>

#include "run.h"

/*
 * Administer r (opened with run_open, not yet begun) reading answers from
 * in.  interactive: in is a person at a terminal (answer times are then
 * used for the quality notes; piped answers are not timed).  Installs
 * handlers for SIGINT, SIGTERM and SIGHUP for its duration.  Returns the
 * exit status.
 */
int plain_run(run *r, FILE *in, FILE *out, FILE *err, int interactive);

#endif
