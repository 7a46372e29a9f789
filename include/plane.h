/*
 * plane.h - the attachment plane: avoidance across, anxiety up, the two
 * cutoff lines, the four quadrants labelled and the person's point, laid out
 * on a grid of character cells.
 *
 * One layout serves every place the plane is drawn: the curses results
 * screen and `explore` draw the cells with attributes chosen by each cell's
 * role; the text and Markdown reports join the cells into lines
 * (plane_format).  Nothing here depends on a terminal.
 *
 * Geometry (grid coordinates: x = column from the left, y = row from the top):
 *   - The frame is a box; its interior columns map avoidance min..max left to
 *     right, its interior rows map anxiety max..min top to bottom.  Both ends
 *     of each range are interior cells, so extreme scores are drawn inside
 *     the frame, never on it.
 *   - The cutoff lines sit on the column / row of the cutoff values.
 *   - A score strictly above its cutoff is drawn strictly right of (above)
 *     the cutoff line, strictly below it strictly left of (under) it, and a
 *     score equal to the cutoff exactly on the line (SPEC 3.4: only strictly
 *     greater is high), whenever the side concerned has a column (row) at
 *     all.  So the point always shows the classification.
 *   - Scores outside the range are clamped to it; a NaN or missing score
 *     draws no point.
 *   - With `decorate`, the plane reserves a top row ("anxiety" title), a left
 *     margin for the anxiety ticks (min, cutoff, max), and two bottom rows
 *     (avoidance ticks, "avoidance" title) when they fit; otherwise the frame
 *     takes the whole grid.  Below 3x3 no frame fits: the grid is blank but
 *     for the point in its middle, and plane_render returns -1.
 *
 * Labels are drawn one code point per cell (the built-in ones are ASCII);
 * callers passing their own labels must neutralise them first (text.h) and
 * should keep them to characters of width 1.
 */
#ifndef SB_PLANE_H
#define SB_PLANE_H

#include <stddef.h>
#include <stdio.h>

#include "bank.h"
#include "score.h"

/* What a cell shows, so the curses plane can give it an attribute. */
typedef enum {
	PLANE_BLANK,        /* empty interior or outside the frame */
	PLANE_FRAME,        /* the box */
	PLANE_CUTOFF,       /* a cutoff line, including where it meets the frame */
	PLANE_LABEL,        /* a quadrant label */
	PLANE_LABEL_HERE,   /* the label of the quadrant holding the point */
	PLANE_POINT,        /* the person's point */
	PLANE_TICK,         /* a tick number on an axis */
	PLANE_TITLE         /* an axis title */
} plane_role;

/* One cell: a single UTF-8 encoded character (NUL-terminated) and its role. */
typedef struct plane_cell {
	char ch[5];
	unsigned char role;       /* plane_role */
} plane_cell;

/* The characters a plane is drawn with.  Every string is one cell wide. */
typedef struct plane_glyphs {
	const char *hline, *vline;                /* frame and cutoff lines */
	const char *tl, *tr, *bl, *br;            /* frame corners */
	const char *tee_down, *tee_up;            /* cutoff column meeting top / bottom */
	const char *tee_right, *tee_left;         /* cutoff row meeting left / right */
	const char *cross;                        /* the two cutoff lines crossing */
	const char *point;                        /* the person */
	const char *arrow_up, *arrow_right;       /* in the axis titles */
} plane_glyphs;

/* Box-drawing characters and a disc for the point (UTF-8 terminals). */
extern const plane_glyphs plane_glyphs_utf8;
/* + - | and '@' for the point. */
extern const plane_glyphs plane_glyphs_ascii;

/* Everything the plane shows.  Strings are borrowed, not copied. */
typedef struct plane_spec {
	double x_min, x_max, x_cut;   /* avoidance range and cutoff */
	double y_min, y_max, y_cut;   /* anxiety range and cutoff */
	int has_point;
	double x, y;                  /* the point: avoidance, anxiety */
	const char *label[STYLE_COUNT];   /* NULL: built-in name; see plane_spec_init */
	const char *x_title, *y_title;    /* NULL: "avoidance", "anxiety" */
	int decorate;                 /* ticks and axis titles when they fit */
} plane_spec;

/* Where things landed; all in grid coordinates. */
typedef struct plane_layout {
	int ok;                       /* a frame fits (w >= 3 and h >= 3) */
	int fx, fy, fw, fh;           /* the frame's top-left corner and size */
	int cut_x, cut_y;             /* the cutoff column and row */
	int has_point, px, py;        /* the point's cell */
	int quadrant;                 /* style whose quadrant holds the point, or -1 (on a line / none) */
	int ticks, titles;            /* decorations drawn */
} plane_layout;

/* Minimum grid size that has a frame. */
#define PLANE_MIN_W 3
#define PLANE_MIN_H 3
/* Largest grid plane_cells_new allocates (cells). */
#define PLANE_MAX_CELLS (1L << 24)

/* A spec with ranges 1..7, cutoffs 4, no point, built-in labels, decorated. */
void plane_spec_init(plane_spec *s);

/*
 * Fill s from a quadrant bank's result: ranges from the items keyed to the
 * two axes, the cutoffs, and the point when both axes have a score.
 * Labels stay as they are.  Returns 0, or -1 when b is not a quadrant bank.
 */
int plane_spec_from_result(plane_spec *s, const bank *b, const score_result *r);

/* The range a scale's score can take: min and max over its keyed items. */
void plane_scale_range(const bank *b, size_t scale, double *lo, double *hi);

/* Compute the layout of a w x h grid (any w, h; <= 0 gives an empty layout). */
void plane_layout_compute(const plane_spec *s, int w, int h, plane_layout *L);

/*
 * Draw the plane into cells (w*h entries, row-major).  Returns 0, or -1 when
 * the grid is too small for a frame (cells are then blank except perhaps the
 * point).  lay may be NULL; otherwise it receives the layout.
 */
int plane_render(const plane_spec *s, const plane_glyphs *g, plane_cell *cells,
                 int w, int h, plane_layout *lay);

/* Allocate w*h cells; NULL when w or h < 1 or w*h > PLANE_MAX_CELLS. */
plane_cell *plane_cells_new(int w, int h);

/*
 * Render and write the plane as w-wide lines to fp, each prefixed with
 * `indent` (may be NULL), trailing blanks trimmed.  Returns 0 or -1 on a
 * write error (or a grid too large to allocate).
 */
int plane_format(FILE *fp, const plane_spec *s, const plane_glyphs *g, int w, int h,
                 const char *indent);

#endif
