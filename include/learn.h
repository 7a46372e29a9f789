/*
 * learn.h - the model of `securebase learn`: the guide as chapters of
 * wrapped lines, search across them, the live worked example of scoring,
 * the reader's position (learn_view), and the whole guide as plain text.
 *
 * The guide is assembled from the built-in texts (content.h): the chapters
 * of learn.yaml in order, with generated chapters inserted -- what high and
 * low scores mean (after "two-dimensions"), one chapter per style (after
 * "dimensions-vs-types"), and the live worked example (after "scoring").  A
 * generated chapter whose anchor chapter is missing goes before
 * "references", or last.
 *
 * Text model: a chapter is a list of blocks (a paragraph, a heading, a list
 * item...), each holding neutralised UTF-8 (text.h).  learn_layout wraps
 * every block to a width into lines that point into the blocks, so a
 * position given as (chapter, block, byte offset) survives a re-wrap:
 * search matches and the reading position are kept that way.
 *
 * The worked example uses a quadrant bank's likert items (the default bank
 * in the program): one item is selected, the person changes its answer, and
 * the example chapter is rebuilt to show how the answer becomes a keyed
 * value (reverse keying included), the scale's mean, the high/low decision
 * against the cutoff and the style, all computed with score.h.  Every other
 * item starts answered at the middle of its scale.
 *
 * Ownership: a learn owns every block, line and string in it; it borrows
 * the content and the bank, which must outlive it.  Nothing here writes a
 * file; learn_write_plain writes only to the stream it is given.
 */
#ifndef SB_LEARN_H
#define SB_LEARN_H

#include <stddef.h>
#include <stdio.h>

#include "bank.h"
#include "content.h"

/* What a block (and each of its lines) is. */
typedef enum learn_kind {
	LEARN_TITLE,                     /* the chapter's title */
	LEARN_HEADING,                   /* a heading inside a chapter */
	LEARN_PARA,                      /* a paragraph */
	LEARN_STRONG,                    /* a paragraph that stands out (summary, result) */
	LEARN_BULLET,                    /* a list item: "- " then a hanging indent */
	LEARN_QUOTE,                     /* an indented quotation (an item's text) */
	LEARN_ROW,                       /* a table row: kept with its neighbours, no blank between */
	LEARN_MARK,                      /* a table row that is selected (drawn highlighted) */
	LEARN_BLANK                      /* lines only: an empty line between blocks */
} learn_kind;

/* What a chapter is made from. */
typedef enum learn_source {
	LEARN_SRC_TEXT,                  /* a chapter of learn.yaml */
	LEARN_SRC_DIMENSIONS,            /* high and low scores, near a boundary */
	LEARN_SRC_STYLE,                 /* one of the four styles */
	LEARN_SRC_EXAMPLE                /* the live worked example */
} learn_source;

typedef struct learn_block {
	learn_kind kind;
	char *text;                      /* owned, neutralised, one paragraph (no '\n') */
} learn_block;

/* One display line: bytes [off, off+len) of a block's text, after `indent` columns. */
typedef struct learn_line {
	learn_kind kind;                 /* the block's kind, or LEARN_BLANK */
	size_t block;                    /* index of the block (0 for a blank line) */
	size_t off, len;
	int indent;                      /* blank columns before the text */
	int first;                       /* first line of its block (bullets draw "- " here) */
	int width;                       /* columns of the text part */
} learn_line;

typedef struct learn_chapter {
	char *id;                        /* e.g. "origins", "style-secure", "example" */
	char *title;                     /* neutralised, without number */
	learn_source source;
	int style;                       /* LEARN_SRC_STYLE: the style, else -1 */
	learn_block *blocks;
	size_t nblocks;
	learn_line *lines;               /* after learn_layout */
	size_t nlines;
} learn_chapter;

/* The live worked example's state. */
typedef struct learn_example {
	size_t *items;                   /* the likert items keyed to either axis, bank order */
	size_t nitems;
	size_t sel;                      /* index into items */
	int *answers;                    /* bank->nitems answers, BANK_NO_ANSWER = skipped */
	int interactive;                 /* say which keys change it (the curses guide) */
} learn_example;

typedef struct learn {
	const content *c;                /* borrowed */
	const bank *b;                   /* borrowed; NULL: no worked example */
	char *title;                     /* the guide's title, neutralised */
	learn_chapter *ch;
	size_t nch;
	long example;                    /* index of the example chapter, or -1 */
	learn_example ex;
	int width;                       /* the width of the last layout */
	int ascii;                       /* texts transliterated to ASCII (learn_ascii) */
} learn;

/* A place in the guide, independent of the wrap width. */
typedef struct learn_pos {
	size_t ch, block, off;
} learn_pos;

/*
 * Build the guide from content c and quadrant bank b (b may be NULL, or a
 * `highest` bank: then there is no worked example chapter), laid out at
 * `width` columns.  interactive: the example says which keys change it.
 * Never fails (dies only on out-of-memory).
 */
void learn_init(learn *g, const content *c, const bank *b, int width, int interactive);
/* Release everything the guide owns; *g is zeroed. */
void learn_free(learn *g);

/*
 * Transliterate every text to ASCII (text_ascii), now and after every change
 * of the worked example, and lay out again: for a terminal whose locale is
 * not UTF-8, so that widths are what it draws.
 */
void learn_ascii(learn *g);

/* Wrap every chapter to `width` columns (< 10 counts as 10). */
void learn_layout(learn *g, int width);

/* The line of chapter ch that holds position p (p.ch is ignored). */
size_t learn_line_of(const learn *g, size_t ch, const learn_pos *p);
/* The position of the start of line `line` of chapter ch. */
learn_pos learn_pos_of(const learn *g, size_t ch, size_t line);

/* --- search --- */

/*
 * Find the next (dir > 0) or previous (dir < 0) occurrence of `needle`
 * (case-insensitive for ASCII letters; runs of blanks in the needle match
 * one blank) after / before position `from`, wrapping around the guide.
 * The occurrence at `from` itself counts first only when `inclusive`;
 * otherwise it is found last, after going all the way round.  Returns 1
 * and sets *at and *len (bytes in the block's text) or 0 when there is none
 * (or the needle is empty).
 */
int learn_search(const learn *g, const char *needle, const learn_pos *from, int dir,
                 int inclusive, learn_pos *at, size_t *len);

/* Number of occurrences of needle in the whole guide. */
size_t learn_count(const learn *g, const char *needle);

/* --- the worked example --- */

/* Select the previous / next item (delta), wrapping around; rebuilds the chapter. */
void learn_example_item(learn *g, int delta);
/* Set the selected item's answer (clamped to its range); BANK_NO_ANSWER skips it. */
void learn_example_set(learn *g, int answer);
/* Change the selected item's answer by delta (a skipped item starts at the middle). */
void learn_example_step(learn *g, int delta);
/* Every item back to the middle of its scale, first item selected. */
void learn_example_reset(learn *g);
/* The selected item's index in the bank, or -1 without an example. */
long learn_example_item_index(const learn *g);

/* --- the reader: contents list or a chapter, and where it is --- */

typedef enum learn_mode { LEARN_CONTENTS, LEARN_CHAPTER } learn_mode;

typedef enum learn_act {
	LEARN_ACT_NONE,
	LEARN_ACT_UP, LEARN_ACT_DOWN,           /* a line, or the previous/next chapter in the list */
	LEARN_ACT_PAGE_UP, LEARN_ACT_PAGE_DOWN, /* a screenful */
	LEARN_ACT_HALF_UP, LEARN_ACT_HALF_DOWN,
	LEARN_ACT_TOP, LEARN_ACT_BOTTOM,        /* g / G, Home / End */
	LEARN_ACT_OPEN,                         /* Enter: read the selected chapter */
	LEARN_ACT_CONTENTS,                     /* Backspace: back to the contents */
	LEARN_ACT_TOGGLE,                       /* Tab: contents <-> chapter */
	LEARN_ACT_PREV_CHAPTER, LEARN_ACT_NEXT_CHAPTER,
	LEARN_ACT_COUNT
} learn_act;

typedef struct learn_view {
	learn_mode mode;
	size_t sel;                      /* contents: the selected chapter */
	size_t ctop;                     /* contents: the first entry on screen */
	size_t ch;                       /* the chapter read (or last read) */
	size_t top;                      /* its first line on screen */
	size_t height;                   /* lines of text on screen (>= 1) */
	int has_match;                   /* a search match to show */
	learn_pos match;
	size_t match_len;
} learn_view;

/* Start on the contents list with the first chapter selected. */
void learn_view_init(learn_view *v, size_t height);
/* Apply a movement; returns 1 when anything changed (redraw), else 0. */
int learn_view_apply(learn_view *v, const learn *g, learn_act a);
/* Open chapter ch at its top. */
void learn_view_open(learn_view *v, const learn *g, size_t ch);
/* New screen height (keeps the top line inside the chapter). */
void learn_view_resize(learn_view *v, const learn *g, size_t height);
/* The largest useful top line of chapter ch for this height. */
size_t learn_view_max_top(const learn_view *v, const learn *g, size_t ch);

/*
 * Search from the view (after the current match, or from the top line) in
 * direction dir; on success open the chapter holding the match, scroll it
 * into view and return 1; return 0 when there is none (view unchanged).
 */
int learn_view_search(learn_view *v, const learn *g, const char *needle, int dir);

/*
 * Re-wrap the guide to `width` keeping the reader's place (the block at the
 * top of the screen stays at the top).
 */
void learn_view_relayout(learn_view *v, learn *g, int width);

/* --- plain text --- */

/*
 * Write the whole guide as plain text wrapped at g's layout width: the
 * title, a numbered contents list, then every chapter with its title
 * underlined with '=' and headings with '-', bullets as "- ", no escape
 * codes.  ascii: transliterate to ASCII (text_ascii).  Returns 0, or 74 on
 * a write error.
 */
int learn_write_plain(FILE *fp, const learn *g, int ascii);

#endif
