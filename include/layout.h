/*
 * layout.h - screen arithmetic for the interface, kept out of the curses
 * code so that it can be tested without a terminal: where the parts of an
 * item screen go at a given window size, how options are arranged, what a
 * mouse click hits, how lists scroll and how full a progress bar is.
 *
 * Coordinates are 0-based rows (y) and columns (x) of the whole window.
 * Texts given here must already be cleaned for display (text.h), and
 * transliterated when the terminal is not UTF-8, so that widths match what
 * is drawn.
 */
#ifndef SB_LAYOUT_H
#define SB_LAYOUT_H

#include <stddef.h>

#include "text.h"

/* Below this size no screen is drawn: "please enlarge the window" instead. */
#define LAYOUT_MIN_COLS 30
#define LAYOUT_MIN_ROWS 8
/* Widest block of text: lines longer than this are hard to read. */
#define LAYOUT_MAX_WIDTH 76

/* How the response options of an item are arranged. */
typedef enum layout_mode {
	LAYOUT_COLUMNS,     /* side by side, each label wrapped under its number */
	LAYOUT_LIST,        /* one option per row, number then label */
	LAYOUT_STRIP,       /* a row of numbers (scrolled if needed), the selected label below */
	LAYOUT_FIELD        /* a free-text field */
} layout_mode;

/* What an item screen shows. */
typedef struct layout_in {
	int cols, rows;            /* window size */
	const char *text;          /* the item's text, cleaned */
	int is_text;               /* free-text item: a field instead of options */
	int min, max;              /* likert range */
	const char *const *labels; /* max-min+1 labels (cleaned, one line) or NULL entries; may be NULL */
	int sel;                   /* selected option index (0 .. max-min) */
} layout_in;

typedef struct layout_item {
	int fits;                  /* 0: too small; need_cols x need_rows would do */
	int need_cols, need_rows;
	int x, w;                  /* the content block */
	int head_y;                /* title and "7 of 24" */
	int bar_y;                 /* progress bar, -1 when left out */
	int text_y;                /* first row of the item text */
	text_lines text;           /* the wrapped item text (owned) */
	int opts_y;                /* first row of the options or field */
	int opts_h;                /* rows they take */
	layout_mode mode;
	int n;                     /* number of options */
	int min;                   /* value of option 0 */
	int dw;                    /* columns of the widest option number */
	int cell_w;                /* COLUMNS / STRIP: columns per option cell */
	int cells_x;               /* COLUMNS / STRIP: left column of the first visible cell */
	int label_rows;            /* COLUMNS: rows of label text under the numbers */
	int visible;               /* LIST / STRIP: options shown at once */
	int first;                 /* LIST / STRIP: first option shown (scroll) */
	int note_y;                /* "Your answer" / hints line, -1 when left out */
	int keys_y;                /* key reminder line, -1 when left out */
} layout_item;

/*
 * Lay out an item screen.  Tries, in order, options side by side or as a
 * list with blank lines and the progress bar, then drops the blank lines,
 * the bar, the key line and the answer line, and arranges the options as a
 * strip; fits is 0 when even that does not fit (or the window is below
 * LAYOUT_MIN_COLS x LAYOUT_MIN_ROWS).  *L must be zero-initialised or
 * previously used; free it with layout_item_free.
 */
void layout_item_compute(layout_item *L, const layout_in *in);
/* Release the wrapped text. */
void layout_item_free(layout_item *L);

/* Option index at window position (y, x), or -1. */
int layout_item_hit(const layout_item *L, int y, int x);
/* Position of option i's number (for the hardware cursor); 0, or -1 when not visible. */
int layout_item_option_pos(const layout_item *L, int i, int *y, int *x);

/* Cells to fill in a bar of `width` cells for done of total: 0 only when
 * done is 0, width only when done == total. */
int layout_bar_fill(int width, size_t done, size_t total);

/* First visible row of a list of n rows with `visible` rows shown, so that
 * row sel is visible, moving `top` as little as possible. */
int layout_scroll(int sel, int top, int visible, int n);

/* Columns of a block of text for a window `cols` wide, and its left column. */
int layout_block(int cols, int *x);

#endif
