/* plane.c - the attachment plane laid out on a grid of cells (see plane.h). */
#include "plane.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

const plane_glyphs plane_glyphs_utf8 = {
	"\u2500", "\u2502", "\u250c", "\u2510", "\u2514", "\u2518",
	"\u252c", "\u2534", "\u251c", "\u2524", "\u253c", "\u25cf",
	"\u2191", "\u2192",
};

const plane_glyphs plane_glyphs_ascii = {
	"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+", "@", "^", ">",
};

/* Built-in quadrant labels, in canonical style order. */
static const char *const default_label[STYLE_COUNT] = {
	"Secure", "Anxious-preoccupied", "Dismissive-avoidant", "Fearful-avoidant",
};

/* Shorter labels tried when the full one does not fit. */
static const char *const short_label[STYLE_COUNT] = {
	"Secure", "Anxious", "Dismissive", "Fearful",
};

void
plane_spec_init(plane_spec *s)
{
	memset(s, 0, sizeof *s);
	s->x_min = s->y_min = 1;
	s->x_max = s->y_max = 7;
	s->x_cut = s->y_cut = 4;
	s->decorate = 1;
}

void
plane_scale_range(const bank *b, size_t scale, double *lo, double *hi)
{
	int found = 0;
	double mn = b->range.min, mx = b->range.max;

	for (size_t i = 0; i < b->nitems; i++) {
		const bank_item *it = &b->items[i];
		if (it->type != ITEM_LIKERT || !it->range)
			continue;
		for (size_t k = 0; k < it->nkeys; k++) {
			if (it->keys[k].scale != scale)
				continue;
			if (!found || it->range->min < mn)
				mn = it->range->min;
			if (!found || it->range->max > mx)
				mx = it->range->max;
			found = 1;
		}
	}
	*lo = mn;
	*hi = mx;
}

int
plane_spec_from_result(plane_spec *s, const bank *b, const score_result *r)
{
	if (b->method != CLASSIFY_QUADRANT)
		return -1;
	plane_scale_range(b, b->avoidance, &s->x_min, &s->x_max);
	plane_scale_range(b, b->anxiety, &s->y_min, &s->y_max);
	s->x_cut = b->scales[b->avoidance].cutoff;
	s->y_cut = b->scales[b->anxiety].cutoff;
	s->has_point = r && r->scales[b->avoidance].has_score && r->scales[b->anxiety].has_score;
	if (s->has_point) {
		s->x = r->scales[b->avoidance].score;
		s->y = r->scales[b->anxiety].score;
	}
	return 0;
}

/* Length of the UTF-8 sequence at s (1..4); *bad set when it is malformed. */
static int
u8len(const char *s, int *bad)
{
	unsigned char c = (unsigned char)s[0];
	int n = c < 0x80 ? 1 : c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;

	*bad = n == 0;
	if (n == 0)
		return 1;
	for (int i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			*bad = 1;
			return i;
		}
	return n;
}

/* Number of code points in s (malformed bytes count one each). */
static int
u8count(const char *s)
{
	int n = 0, bad;
	while (*s) {
		s += u8len(s, &bad);
		n++;
	}
	return n;
}

/* Set one cell (when inside the grid) to the single character at ch. */
static void
put(plane_cell *c, int w, int h, int x, int y, const char *ch, int role)
{
	int bad, n;

	if (x < 0 || y < 0 || x >= w || y >= h)
		return;
	plane_cell *cell = &c[(size_t)y * (size_t)w + (size_t)x];
	n = u8len(ch, &bad);
	if (bad) {
		strcpy(cell->ch, "?");
	} else {
		memcpy(cell->ch, ch, (size_t)n);
		cell->ch[n] = '\0';
	}
	cell->role = (unsigned char)role;
}

/* Write at most `max` code points of s from (x, y) rightwards. */
static void
put_str(plane_cell *c, int w, int h, int x, int y, const char *s, int max, int role)
{
	int bad;
	for (int i = 0; *s && i < max; i++) {
		put(c, w, h, x + i, y, s, role);
		s += u8len(s, &bad);
	}
}

/* Format a tick value: up to two decimals, trailing zeros dropped. */
static void
fmt_tick(double v, char *buf, size_t size)
{
	snprintf(buf, size, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (!dot)
		return;
	char *e = buf + strlen(buf);
	while (e > dot + 1 && e[-1] == '0')
		*--e = '\0';
	if (e == dot + 1)
		*dot = '\0';
}

/* Map v in lo..hi onto cells a..b (a <= b), clamping; NaN maps to the middle. */
static int
map_axis(double v, double lo, double hi, int a, int b)
{
	if (!(hi > lo) || isnan(v))
		return a + (b - a) / 2;
	if (v < lo)
		v = lo;
	if (v > hi)
		v = hi;
	double t = (v - lo) / (hi - lo) * (double)(b - a);
	return a + (int)floor(t + 0.5);
}

/*
 * Cell of a value on an axis running a..b (low to high), keeping the value on
 * the same side of the cutoff cell `cut` as it is of the cutoff value.
 */
static int
axis_cell(double v, double lo, double hi, double vcut, int cut, int a, int b)
{
	int p = map_axis(v, lo, hi, a, b);
	if (v > vcut && p <= cut && cut + 1 <= b)
		p = cut + 1;
	if (v < vcut && p >= cut && cut - 1 >= a)
		p = cut - 1;
	if (v == vcut)
		p = cut;
	return p;
}

/* Width of the left margin for the anxiety ticks (0 without ticks). */
static int
tick_margin(const plane_spec *s)
{
	char t[3][32];
	int m = 0;
	fmt_tick(s->y_min, t[0], sizeof t[0]);
	fmt_tick(s->y_cut, t[1], sizeof t[1]);
	fmt_tick(s->y_max, t[2], sizeof t[2]);
	for (int i = 0; i < 3; i++)
		if ((int)strlen(t[i]) > m)
			m = (int)strlen(t[i]);
	return m + 1;
}

void
plane_layout_compute(const plane_spec *s, int w, int h, plane_layout *L)
{
	memset(L, 0, sizeof *L);
	L->quadrant = -1;
	if (w <= 0 || h <= 0)
		return;
	L->fw = w;
	L->fh = h;
	if (s->decorate) {
		int m = tick_margin(s);
		if (w - m >= 9 && h - 3 >= 5) {
			L->fx = m;
			L->fy = 1;
			L->fw = w - m;
			L->fh = h - 3;
			L->ticks = L->titles = 1;
		}
	}
	if (s->has_point && !isnan(s->x) && !isnan(s->y)) {
		L->has_point = 1;
		L->quadrant = score_quadrant_style(s->y > s->y_cut, s->x > s->x_cut);
	}
	if (L->fw < PLANE_MIN_W || L->fh < PLANE_MIN_H) {
		L->fw = L->fh = 0;
		L->px = w / 2;
		L->py = h / 2;
		return;
	}
	L->ok = 1;
	int x0 = L->fx + 1, x1 = L->fx + L->fw - 2;
	int y0 = L->fy + 1, y1 = L->fy + L->fh - 2;
	double xc = s->x_cut, yc = s->y_cut;
	L->cut_x = map_axis(xc, s->x_min, s->x_max, x0, x1);
	/* Rows count downwards: map onto y1..y0 by mirroring. */
	L->cut_y = y0 + y1 - map_axis(yc, s->y_min, s->y_max, y0, y1);
	if (L->has_point) {
		L->px = axis_cell(s->x, s->x_min, s->x_max, xc, L->cut_x, x0, x1);
		int up = axis_cell(s->y, s->y_min, s->y_max, yc, y0 + y1 - L->cut_y, y0, y1);
		L->py = y0 + y1 - up;
	}
}

/* Draw the frame and the two cutoff lines. */
static void
draw_lines(plane_cell *c, int w, int h, const plane_layout *L, const plane_glyphs *g)
{
	int l = L->fx, r = L->fx + L->fw - 1, t = L->fy, b = L->fy + L->fh - 1;

	for (int x = l + 1; x < r; x++) {
		put(c, w, h, x, t, g->hline, PLANE_FRAME);
		put(c, w, h, x, b, g->hline, PLANE_FRAME);
		put(c, w, h, x, L->cut_y, g->hline, PLANE_CUTOFF);
	}
	for (int y = t + 1; y < b; y++) {
		put(c, w, h, l, y, g->vline, PLANE_FRAME);
		put(c, w, h, r, y, g->vline, PLANE_FRAME);
		put(c, w, h, L->cut_x, y, g->vline, PLANE_CUTOFF);
	}
	put(c, w, h, l, t, g->tl, PLANE_FRAME);
	put(c, w, h, r, t, g->tr, PLANE_FRAME);
	put(c, w, h, l, b, g->bl, PLANE_FRAME);
	put(c, w, h, r, b, g->br, PLANE_FRAME);
	put(c, w, h, L->cut_x, t, g->tee_down, PLANE_CUTOFF);
	put(c, w, h, L->cut_x, b, g->tee_up, PLANE_CUTOFF);
	put(c, w, h, l, L->cut_y, g->tee_right, PLANE_CUTOFF);
	put(c, w, h, r, L->cut_y, g->tee_left, PLANE_CUTOFF);
	put(c, w, h, L->cut_x, L->cut_y, g->cross, PLANE_CUTOFF);
}

/* A label broken into lines: pointers into the label, at most 8 lines. */
typedef struct wrapped {
	const char *line[8];
	int len[8];          /* code points */
	int n;
} wrapped;

/* Break s into lines of at most `width` code points at spaces and after hyphens. */
static int
wrap_label(const char *s, int width, int maxlines, wrapped *out)
{
	int bad;
	const char *p = s;

	out->n = 0;
	while (*p == ' ')
		p++;
	while (*p) {
		if (out->n == maxlines || out->n == 8)
			return -1;
		const char *q = p, *brk = NULL;
		int count = 0, brkcount = 0;
		while (*q && count < width) {
			if (*q == ' ' && count > 0) {
				brk = q;
				brkcount = count;
			}
			int n = u8len(q, &bad);
			q += n;
			count++;
			if (n == 1 && q[-1] == '-' && *q) {
				brk = q;
				brkcount = count;
			}
		}
		if (*q && *q != ' ' && q[-1] != '-') {
			if (!brk)
				return -1;
			q = brk;
			count = brkcount;
		}
		out->line[out->n] = p;
		out->len[out->n] = count;
		out->n++;
		while (*q == ' ')
			q++;
		p = q;
	}
	return out->n ? 0 : -1;
}

/*
 * The top row for the label lines in a region: nearest its middle without
 * covering the point.  Returns -1 when every placement covers it.
 */
static int
label_top(const wrapped *wr, int x0, int x1, int y0, int y1, const plane_layout *L)
{
	int rw = x1 - x0 + 1, rh = y1 - y0 + 1, best = -1, bestd = 0;
	int centre = y0 + (rh - wr->n) / 2;

	for (int top = y0; top + wr->n - 1 <= y1; top++) {
		int hit = 0;
		for (int i = 0; i < wr->n && L->has_point; i++) {
			int lx = x0 + (rw - wr->len[i]) / 2;
			if (L->py == top + i && L->px >= lx && L->px < lx + wr->len[i])
				hit = 1;
		}
		int d = top > centre ? top - centre : centre - top;
		if (!hit && (best < 0 || d < bestd)) {
			best = top;
			bestd = d;
		}
	}
	return best;
}

/* Draw the label lines from row top, each centred in x0..x1. */
static void
put_label(plane_cell *c, int w, int h, const wrapped *wr, int x0, int x1, int top, int role)
{
	int rw = x1 - x0 + 1;
	for (int i = 0; i < wr->n; i++)
		put_str(c, w, h, x0 + (rw - wr->len[i]) / 2, top + i, wr->line[i], wr->len[i], role);
}

/*
 * Label one quadrant (region inclusive): the longest form that fits and
 * leaves the point uncovered (full name, with and without side margins,
 * then the short name, then the initial); when every form would cover the
 * point, the longest that fits, centred (the point is drawn over it).
 */
static void
draw_label(plane_cell *c, int w, int h, const plane_spec *s, int style, int x0, int x1,
           int y0, int y1, const plane_layout *L)
{
	int rw = x1 - x0 + 1, rh = y1 - y0 + 1, bad, have_first = 0;
	wrapped wr, first = { { NULL }, { 0 }, 0 };
	const char *full = s->label[style] ? s->label[style] : default_label[style];
	const char *forms[2] = { full, s->label[style] ? NULL : short_label[style] };
	int role = L->has_point && L->quadrant == style ? PLANE_LABEL_HERE : PLANE_LABEL;

	if (rw < 1 || rh < 1 || !*full)
		return;
	for (int f = 0; f < 3; f++) {
		for (int pad = rw > 2 ? 2 : 0; pad >= 0; pad -= 2) {
			if (f < 2 && (!forms[f] || wrap_label(forms[f], rw - pad, rh, &wr) != 0))
				continue;
			if (f == 2) {
				(void)u8len(full, &bad);
				if (bad)
					return;
				wr.line[0] = full;
				wr.len[0] = 1;
				wr.n = 1;
			}
			int top = label_top(&wr, x0, x1, y0, y1, L);
			if (top >= 0) {
				put_label(c, w, h, &wr, x0, x1, top, role);
				return;
			}
			if (!have_first) {
				first = wr;
				have_first = 1;
			}
		}
	}
	if (have_first)
		put_label(c, w, h, &first, x0, x1, y0 + (rh - first.n) / 2, role);
}

/* Tick text centred under / beside a cell, kept inside the grid; returns its start. */
static int
tick_start(int centre, int len, int w)
{
	int x = centre - len / 2;
	if (x + len > w)
		x = w - len;
	return x < 0 ? 0 : x;
}

/* Draw tick numbers and the two axis titles. */
static void
draw_decor(plane_cell *c, int w, int h, const plane_spec *s, const plane_layout *L,
           const plane_glyphs *g)
{
	char t[3][32], title[128];
	int x0 = L->fx + 1, x1 = L->fx + L->fw - 2, y0 = L->fy + 1, y1 = L->fy + L->fh - 2;
	int rows[3] = { y1, L->cut_y, y0 }, cols[3] = { x0, L->cut_x, x1 };

	fmt_tick(s->y_min, t[0], sizeof t[0]);
	fmt_tick(s->y_cut, t[1], sizeof t[1]);
	fmt_tick(s->y_max, t[2], sizeof t[2]);
	for (int i = 0; i < 3; i++) {
		if (i == 1 && (rows[1] == rows[0] || rows[1] == rows[2]))
			continue;
		int len = (int)strlen(t[i]);
		put_str(c, w, h, L->fx - 1 - len, rows[i], t[i], len, PLANE_TICK);
	}
	fmt_tick(s->x_min, t[0], sizeof t[0]);
	fmt_tick(s->x_cut, t[1], sizeof t[1]);
	fmt_tick(s->x_max, t[2], sizeof t[2]);
	int ty = L->fy + L->fh, start[3], len[3];
	for (int i = 0; i < 3; i++) {
		len[i] = (int)strlen(t[i]);
		start[i] = tick_start(cols[i], len[i], w);
	}
	put_str(c, w, h, start[0], ty, t[0], len[0], PLANE_TICK);
	if (start[2] > start[0] + len[0])
		put_str(c, w, h, start[2], ty, t[2], len[2], PLANE_TICK);
	if (start[1] > start[0] + len[0] && start[1] + len[1] < start[2])
		put_str(c, w, h, start[1], ty, t[1], len[1], PLANE_TICK);

	snprintf(title, sizeof title, "%s %s", g->arrow_up, s->y_title ? s->y_title : "anxiety");
	put_str(c, w, h, 0, 0, title, w, PLANE_TITLE);
	snprintf(title, sizeof title, "%s %s", s->x_title ? s->x_title : "avoidance", g->arrow_right);
	int n = u8count(title);
	put_str(c, w, h, n < w ? w - n : 0, h - 1, title, w, PLANE_TITLE);
}

int
plane_render(const plane_spec *s, const plane_glyphs *g, plane_cell *cells, int w, int h,
             plane_layout *lay)
{
	plane_layout L;

	plane_layout_compute(s, w, h, &L);
	if (lay)
		*lay = L;
	if (w <= 0 || h <= 0)
		return -1;
	for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
		strcpy(cells[i].ch, " ");
		cells[i].role = PLANE_BLANK;
	}
	if (!L.ok) {
		if (L.has_point)
			put(cells, w, h, L.px, L.py, g->point, PLANE_POINT);
		return -1;
	}
	draw_lines(cells, w, h, &L, g);
	int x0 = L.fx + 1, x1 = L.fx + L.fw - 2, y0 = L.fy + 1, y1 = L.fy + L.fh - 2;
	draw_label(cells, w, h, s, STYLE_ANXIOUS, x0, L.cut_x - 1, y0, L.cut_y - 1, &L);
	draw_label(cells, w, h, s, STYLE_FEARFUL, L.cut_x + 1, x1, y0, L.cut_y - 1, &L);
	draw_label(cells, w, h, s, STYLE_SECURE, x0, L.cut_x - 1, L.cut_y + 1, y1, &L);
	draw_label(cells, w, h, s, STYLE_DISMISSIVE, L.cut_x + 1, x1, L.cut_y + 1, y1, &L);
	if (L.ticks)
		draw_decor(cells, w, h, s, &L, g);
	if (L.has_point)
		put(cells, w, h, L.px, L.py, g->point, PLANE_POINT);
	return 0;
}

plane_cell *
plane_cells_new(int w, int h)
{
	if (w < 1 || h < 1 || (long)w > PLANE_MAX_CELLS / (long)h)
		return NULL;
	return xcalloc((size_t)w * (size_t)h, sizeof(plane_cell));
}

int
plane_format(FILE *fp, const plane_spec *s, const plane_glyphs *g, int w, int h,
             const char *indent)
{
	plane_cell *cells = plane_cells_new(w, h);
	if (!cells)
		return -1;
	plane_render(s, g, cells, w, h, NULL);
	for (int y = 0; y < h; y++) {
		const plane_cell *row = cells + (size_t)y * (size_t)w;
		int end = w;
		while (end > 0 && strcmp(row[end - 1].ch, " ") == 0)
			end--;
		if (end > 0 && indent)
			fputs(indent, fp);
		for (int x = 0; x < end; x++)
			fputs(row[x].ch, fp);
		fputc('\n', fp);
	}
	free(cells);
	return ferror(fp) ? -1 : 0;
}
