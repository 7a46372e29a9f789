/*
 * hints.h - the key reminder line at the foot of a screen, laid out to fit.
 *
 * A screen lists its hints in the order they are shown, each with a
 * priority, and hints_line makes the one line that fits the width, giving
 * up the least important things first:
 *
 *   1. every hint in full, `gap` spaces between them;
 *   2. the same with 2 spaces between (when gap is more than 2);
 *   3. every hint in its short form (hints_item.brief, where it has one);
 *   4. short forms, leaving hints out one at a time: the highest priority
 *      number first, the later one among equals; the hints kept stay in
 *      their order;
 *   5. the one hint left is cut with an ellipsis when even it does not fit.
 *
 * So "? help" and "q quit" (priority 0) are the last to go, and a line
 * never runs past the edge of the window cut in the middle of a word.
 * Widths are terminal columns (text.h).  No terminal code here: the
 * interface draws the line with tui_hints (tui.h).
 */
#ifndef SB_HINTS_H
#define SB_HINTS_H

#include <stddef.h>

/* One hint: a key and what it does.  Strings are borrowed. */
typedef struct hints_item {
	const char *text;                /* "? help", "Tab: section" */
	const char *brief;               /* a shorter form ("PgDn more"), or NULL */
	int prio;                        /* 0: most important; larger numbers go first */
} hints_item;

/*
 * The line for the n hints of h within `width` columns (see above); gap is
 * the number of spaces between hints (at least 1).  utf8 picks the
 * ellipsis of step 5 (text_ellipsize).  Returns a new string (caller
 * frees); "" when width <= 0 or n == 0.
 */
char *hints_line(const hints_item *h, size_t n, int gap, int width, int utf8);

#endif
