/*
 * results.h - the results screen without the terminal: what it shows, where
 * each part goes at a given window size, the section tabs and their
 * scrolling.  src/tui/screen_results.c only draws what this computes, so
 * the arithmetic is tested without curses (tests/test_results.c).
 *
 * The screen, top to bottom:
 *   title        the bank's title
 *   headline     the style ("Anxious-preoccupied"), a tie, "Between X and Y"
 *                near a boundary, or "No result"
 *   summary      1-3 wrapped rows: the style's one-line summary, or for a
 *                near-boundary result which way the answers lean and which
 *                styles are just across the line
 *   middle       quadrant banks: the attachment plane (plane.h) with the
 *                scale bars beside it (below it in a narrow window);
 *                `highest` banks: the four style bars.  Each bar block is a
 *                name and score row, the bar, and a row with the cutoff and,
 *                with norms, z and percentile ("normal approximation").
 *                In a short window the plane is left out (bars only), and
 *                in a very short one the bars shrink to one row per scale.
 *   tabs         the six sections (RESULTS_TABS); the current one marked
 *   body         the current section, wrapped, scrolled with PageUp/PageDown
 *   note         "A self-reflection tool, not a diagnosis..." (when it fits)
 *   keys         a key reminder
 *
 * Texts are neutralised and, when the view is not UTF-8, transliterated to
 * ASCII (text_ascii), so every width is what the terminal draws.
 *
 * Ownership: a results_view borrows the report (which must outlive it) and
 * owns every string and line it holds; results_free releases them.
 */
#ifndef SB_RESULTS_H
#define SB_RESULTS_H

#include <stddef.h>

#include "hints.h"
#include "plane.h"
#include "report.h"
#include "text.h"

/* Number of section tabs. */
#define RESULTS_TABS 6
/* Widest the screen's text grows. */
#define RESULTS_MAX_WIDTH 100
/* Smallest window drawn at all (below: the interface's "please enlarge"). */
#define RESULTS_MIN_COLS 30
#define RESULTS_MIN_ROWS 8

/* A body line's look. */
typedef enum results_kind {
	RL_BLANK,
	RL_TEXT,
	RL_STRONG,        /* bold */
	RL_SUB,           /* a subheading: bold + underline */
	RL_MINOR,         /* a minor heading: underline */
	RL_PRE            /* preformatted (never wrapped, cut at the width) */
} results_kind;

typedef struct results_line {
	results_kind kind;
	char *text;       /* owned, fits the body width */
} results_line;

/* A scale's bar block. */
typedef struct results_bar {
	char *name;       /* scale name, or the style name on `highest` banks */
	char *value;      /* "5.53" or "no score" */
	char *detail;     /* "cutoff 4, high" / "z 1.39, 92nd percentile (normal approximation)" */
	double lo, hi, cut, score;   /* score NaN when none; cut NaN on `highest` banks */
	int marked;       /* the style of the result (`highest`) */
} results_bar;

/* Where each part goes; rows are -1 (and heights 0) when left out. */
typedef struct results_layout {
	int fits;                 /* the window is at least RESULTS_MIN_COLS x RESULTS_MIN_ROWS */
	int x, w;                 /* the content block */
	int title_y, head_y;
	int sum_y, sum_h;
	int plane_x, plane_y, plane_w, plane_h;   /* plane_w 0: no plane */
	int bars_head_y;          /* "Your scores" over the bars, or -1 */
	int bars_x, bars_y, bars_w, bars_h;
	int bar_rows;             /* rows per bar block: 3 (name, bar, detail) or 1 */
	int tabs_y;
	int body_y, body_h;
	int note_y, keys_y;
} results_layout;

typedef struct results_view {
	const report *r;
	int utf8;
	char *title, *headline;
	char *summary;            /* unwrapped */
	text_lines sum_lines;     /* summary wrapped to the layout width */
	results_bar *bars;
	size_t nbars;
	plane_spec plane;         /* quadrant banks */
	char *plane_label[STYLE_COUNT];   /* the bank's own style names (NULL: built-in) */
	int quadrant;
	results_layout L;
	int tab;                  /* 0 .. RESULTS_TABS-1 */
	int scroll;               /* first body line shown */
	results_line *lines;      /* the current tab, wrapped to the body width */
	size_t nlines;
	int lines_w;              /* the width they were wrapped to (-1: stale) */
	int last_block;           /* private: kind of the block wrapped last, while building */
} results_view;

/* Build the view of a report; utf8: the terminal takes UTF-8. */
void results_init(results_view *v, const report *r, int utf8);
void results_free(results_view *v);

/* Lay the screen out for a cols x rows window (call on every resize);
 * re-wraps the body and keeps the scroll position in range. */
void results_layout_compute(results_view *v, int cols, int rows);

/* The section behind tab i, and its short title for the tab row. */
report_section results_tab_section(int i);
const char *results_tab_title(int i, int short_form);

/* Move to another tab (wraps around; delta +1 / -1) or tab i; the body starts at its top. */
void results_tab_move(results_view *v, int delta);
void results_tab_set(results_view *v, int i);

/* Scroll the body by delta lines (clamped); page = body_h - 1 lines. */
void results_scroll(results_view *v, int delta);
void results_page(results_view *v, int pages);
/* To the top / bottom of the body. */
void results_home(results_view *v);
void results_end(results_view *v);
/* Largest scroll position: nlines - body_h, at least 0. */
int results_max_scroll(const results_view *v);

/* The heading over the bars: "Your scores" (quadrant) or "How well each description fits". */
const char *results_bars_title(const results_view *v);

/* The text of the "not a diagnosis" reminder row (narrow: the short form). */
const char *results_note(int narrow);
/* The key reminder's hints, for hints_line / tui_hints; *n receives their number. */
const hints_item *results_hints(size_t *n);

#endif
