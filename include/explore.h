/*
 * explore.h - the what-if model behind `securebase explore`.
 *
 * A point (anxiety, avoidance) on the score ranges of a quadrant bank, moved
 * in steps and always kept inside the ranges, and its classification by the
 * rules of SPEC section 3.4 -- the same rules as score.c: an axis is high
 * when its score is STRICTLY greater than its cutoff; the margin is the
 * smaller distance of the two scores from their cutoffs; a margin <=
 * SCORE_NEAR (0.5) is near the boundary, and the styles just across each
 * near cutoff are the neighbours.
 *
 * No I/O except explore_load_report, which only reads, and explore_plain,
 * which reads and writes the streams it is given.  Nothing here ever
 * writes a file.  An explore holds a borrowed bank pointer and owns nothing.
 */
#ifndef SB_EXPLORE_H
#define SB_EXPLORE_H

#include <stddef.h>
#include <stdio.h>

#include "bank.h"
#include "content.h"
#include "err.h"
#include "plane.h"

struct report_data;

/* One axis of the plane: a scale of the bank and the range its scores can take. */
typedef struct explore_axis {
	size_t scale;                    /* index into bank.scales */
	const char *name;                /* the scale's name (bank-owned, not neutralised) */
	double min, max;                 /* lowest and highest possible score */
	double cutoff;                   /* from the bank, resolved */
} explore_axis;

typedef struct explore {
	const bank *bank;                /* borrowed; must outlive the explore */
	explore_axis anx, avo;
	int step_c;                      /* small step, in hundredths of a scale point */
	int big_c;                       /* big step (H/J/K/L, PageUp...), hundredths */
	double anxiety, avoidance;       /* the point, always within the ranges */
} explore;

/* The classification of a point (SPEC 3.4). */
typedef struct explore_class {
	int style;                       /* STYLE_SECURE .. STYLE_FEARFUL */
	int anxiety_high, avoidance_high;
	double anx_dist, avo_dist;       /* |score - cutoff| per axis */
	double margin;                   /* min(anx_dist, avo_dist) */
	int near;                        /* margin <= SCORE_NEAR */
	int across_anx;                  /* style across the anxiety cutoff when near it, else -1 */
	int across_avo;                  /* style across the avoidance cutoff when near it, else -1 */
	unsigned near_mask;              /* bit of style, plus bits of across_* (as score.h) */
} explore_class;

/*
 * Prepare an explorer for a quadrant bank; the point starts at the centre of
 * the secure quadrant's typical point (explore_typical(STYLE_SECURE)).
 * Returns 0, or 65 with one record when the bank classifies by `highest`
 * (it has no anxiety x avoidance plane).
 */
int explore_init(explore *e, const bank *b, errlist *errs);

/* Put the point at (anxiety, avoidance), each clamped to its range; NaN is ignored. */
void explore_set(explore *e, double anxiety, double avoidance);

/*
 * Move by d_anx steps up the anxiety axis and d_avo steps along avoidance
 * (negative = down/left); big selects the big step.  A point off the step
 * grid first snaps to the next grid line in the direction of travel.
 */
void explore_move(explore *e, int d_anx, int d_avo, int big);

/* Jump to the ends of an axis: which = 'a' anxiety or 'v' avoidance, to_max 0/1. */
void explore_end(explore *e, int which, int to_max);

/*
 * The typical point of a style: halfway between the cutoff and the end of
 * each axis on the style's side, snapped to the step grid.
 */
void explore_typical_point(const explore *e, int style, double *anxiety, double *avoidance);
/* Move the point to a style's typical point. */
void explore_typical(explore *e, int style);

/* Classify (anxiety, avoidance) by the rules of SPEC 3.4 against e's cutoffs. */
void explore_classify_at(const explore *e, double anxiety, double avoidance,
                         explore_class *c);
/* Classify the current point. */
void explore_classify(const explore *e, explore_class *c);

/* Step sizes in scale points. */
double explore_step(const explore *e, int big);

/*
 * Parse one line of plain-mode input: "ANXIETY AVOIDANCE" (blanks, tabs or a
 * comma between; decimal point '.').  Returns 1 and sets both on success; 0
 * for a blank or '#' comment line; -1 for anything else, with a message in
 * msg (NUL-terminated, at most size bytes).
 */
int explore_parse_pair(const char *line, double *anxiety, double *avoidance,
                       char *msg, size_t size);

/*
 * Put the point where a saved JSON report (report.h, report_load) puts the
 * person: its anxiety and avoidance scores, clamped to this bank's ranges.
 * Returns 0 and sets *note to a line for the person (caller frees; the
 * report's strings neutralised): which bank and time the report came from,
 * and a caution when it comes from another bank or used other cutoffs.
 * Returns 66 when the file cannot be read, 65 when it is not a valid report
 * or has no point (a `highest` bank, a scale without a score), with
 * records in errs; *note is then NULL and the point unchanged.
 */
int explore_load_report(explore *e, const char *path, char **note, errlist *errs);

/* The same from a report already read. */
int explore_from_report(explore *e, const struct report_data *d, const char *name,
                        char **note, errlist *errs);

/*
 * Plain mode (scripts and screen readers): read "ANXIETY AVOIDANCE" lines
 * from `in` (explore_parse_pair; blank and '#' lines skipped) and write for
 * each point a record to `out`:
 *
 *   4.50 2.00 anxious-preoccupied near secure
 *     Between Anxious-preoccupied and Secure: near the boundary (margin 0.50).
 *     Anxious-preoccupied: <the style's one-line summary>
 *     Secure: <the style's one-line summary>
 *   <blank line>
 *
 *   2.50 2.50 secure
 *     Secure: <the style's one-line summary>
 *     Clear of the boundaries (margin 1.50).
 *   <blank line>
 *
 * The first line is for scripts: the two scores with two decimals, the
 * style id, and when the point is near a boundary the word "near" and the
 * neighbouring style ids joined with '+'.  The indented lines are for
 * people: near a boundary the headline names every neighbouring style
 * (explore_headline), then a summary line per style, the point's first.  A bad line or a score outside its range is reported on `err` as
 * NAME:LINE: message and skipped.  Returns 0, 65 when any line was bad, or
 * 74 on a read or write error.  c gives the texts (bank's own preferred);
 * ascii: transliterate them to ASCII (a locale that is not UTF-8).
 */
int explore_plain(const explore *e, const content *c, FILE *in, FILE *out, FILE *err,
                  const char *name, int ascii);

/* --- the screen, without the terminal --- */

/* Fill a plane spec (plane.h) with e's ranges, cutoffs and point. */
void explore_plane_spec(const explore *e, plane_spec *s);

/*
 * The point for a click on grid cell (x, y) of a plane laid out as L from
 * explore_plane_spec: the inverse of the plane's mapping, to 0.01, on the
 * same side of each cutoff line as the cell (a cell on a cutoff line gives
 * the cutoff itself).  Returns 0 and sets both, or -1 when the cell is not
 * inside the frame.
 */
int explore_point_at_cell(const explore *e, const plane_layout *L, int x, int y,
                          double *anxiety, double *avoidance);

/* Where the parts of the explore screen go; rows are -1 and sizes 0 when left out. */
typedef struct explore_layout {
	int fits;                        /* at least EXPLORE_MIN_COLS x EXPLORE_MIN_ROWS */
	int title_y;                     /* the title bar */
	int plane_x, plane_y, plane_w, plane_h;   /* plane_w 0: no room for a plane */
	int panel_x, panel_y, panel_w, panel_h;   /* scores, style, notice, explanation */
	int status_y;                    /* messages and the report path prompt */
	int keys_y;                      /* key reminder */
} explore_layout;

/* Smallest window drawn at all (the interface shows "please enlarge" below it). */
#define EXPLORE_MIN_COLS 30
#define EXPLORE_MIN_ROWS 8

/*
 * Lay out a cols x rows window: the plane at the left with the panel beside
 * it when the window is wide (at least 72 columns), the plane above the
 * panel otherwise, and no plane when it would be smaller than 15 x 7.
 */
void explore_layout_compute(explore_layout *L, int cols, int rows);

/*
 * The styles of `mask` by name, style `first` first, joined for reading:
 * "A", "A and B", "A, B and C".  Names are the bank's own or the built-in
 * ones (content.h), neutralised, in ASCII when ascii.  Caller frees.
 */
char *explore_names(const explore *e, const content *c, unsigned mask, int first, int ascii);

/*
 * The headline of a classified point, worded as the results screen and the
 * reports word theirs (report_headline): the style's name, or near a
 * boundary "Between A and B" / "Between A, B and C", the point's own style
 * first -- never one style alone (SPEC 3.4).  Neutralised, in ASCII when
 * ascii.  Caller frees.
 */
char *explore_headline(const explore *e, const content *c, const explore_class *k, int ascii);

/* True when v lies within the axis range (inclusive). */
int explore_in_range(const explore_axis *a, double v);

#endif
