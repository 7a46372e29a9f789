/* layout.c - screen arithmetic for the interface (see layout.h). */
#include "layout.h"

#include <stdio.h>
#include <string.h>

/* Optional parts of the item screen, dropped in this order when space is short. */
static const struct chrome {
	int gaps, bar, keys, note;
} levels[] = {
	{ 1, 1, 1, 1 }, { 0, 1, 1, 1 }, { 0, 0, 1, 1 }, { 0, 0, 0, 1 }, { 0, 0, 0, 0 },
};
#define NLEVELS ((int)(sizeof levels / sizeof *levels))

int
layout_block(int cols, int *x)
{
	int w = cols >= 60 ? cols - 4 : cols - 2;

	if (w > LAYOUT_MAX_WIDTH)
		w = LAYOUT_MAX_WIDTH;
	if (w < 1)
		w = 1;
	*x = (cols - w) / 2;
	return w;
}

/* Rows taken by everything but the options at a chrome level. */
static int
chrome_rows(const struct chrome *c, int text_rows)
{
	return 1 + c->bar + 3 * c->gaps + text_rows + c->note + c->keys;
}

/* Width of the widest number in min..max. */
static int
digits(int min, int max)
{
	char a[16], b[16];
	int la = snprintf(a, sizeof a, "%d", min), lb = snprintf(b, sizeof b, "%d", max);

	return la > lb ? la : lb;
}

/* Rows of label text under side-by-side cells of width cw, or -1 if a label needs more than 3. */
static int
label_rows(const layout_in *in, int n, int cw)
{
	text_lines l = { 0 };
	int most = 0;

	for (int i = 0; in->labels && i < n; i++) {
		int k;
		if (!in->labels[i])
			continue;
		k = (int)text_wrap(in->labels[i], cw - 1, &l);
		for (size_t j = 0; j < l.n; j++)
			if (l.v[j].width > cw - 1)
				k = 99;
		if (k > most)
			most = k;
	}
	text_lines_free(&l);
	return most > 3 ? -1 : most;
}

/* Place the parts top to bottom for chrome level c and options height h. */
static void
place(layout_item *L, const layout_in *in, const struct chrome *c, layout_mode mode, int h)
{
	int y = 0;

	L->fits = 1;
	L->mode = mode;
	L->opts_h = h;
	L->head_y = y++;
	L->bar_y = c->bar ? y++ : -1;
	y += c->gaps;
	L->text_y = y;
	y += (int)L->text.n + c->gaps;
	L->opts_y = y;
	y += h + c->gaps;
	L->note_y = c->note ? y : -1;
	L->keys_y = c->keys ? in->rows - 1 : -1;
}

/* Window of `visible` options out of n around sel. */
static int
window_first(int sel, int visible, int n)
{
	int f = sel - visible / 2;

	if (f > n - visible)
		f = n - visible;
	return f < 0 ? 0 : f;
}

/* Try side by side and list arrangements at the roomier chrome levels. */
static int
try_wide(layout_item *L, const layout_in *in, int dw)
{
	int n = L->n, cw = n ? L->w / n : 0, lr = -1;

	if (n <= 11 && cw >= (dw + 2 > 8 ? dw + 2 : 8)) {
		if (cw > 16)
			cw = 16;
		lr = label_rows(in, n, cw);
	}
	for (int lv = 0; lv < 2; lv++) {
		int avail = in->rows - chrome_rows(&levels[lv], (int)L->text.n);
		if (lr >= 0 && avail >= 1 + lr) {
			place(L, in, &levels[lv], LAYOUT_COLUMNS, 1 + lr);
			L->cell_w = cw;
			L->label_rows = lr;
			L->cells_x = L->x + (L->w - n * cw) / 2;
			return 1;
		}
		if (n <= 12 && avail >= n && L->w >= dw + 6) {
			place(L, in, &levels[lv], LAYOUT_LIST, n);
			L->visible = n;
			return 1;
		}
	}
	return 0;
}

/* The strip of numbers with the selected label under it, at any chrome level. */
static int
try_strip(layout_item *L, const layout_in *in, int dw)
{
	for (int lv = 0; lv < NLEVELS; lv++) {
		if (in->rows - chrome_rows(&levels[lv], (int)L->text.n) < 2)
			continue;
		place(L, in, &levels[lv], LAYOUT_STRIP, 2);
		L->cell_w = dw + 3;
		L->visible = L->w / L->cell_w < L->n ? L->w / L->cell_w : L->n;
		if (L->visible < 1)
			L->visible = 1;
		L->first = window_first(in->sel, L->visible, L->n);
		L->cells_x = L->x + (L->w - L->visible * L->cell_w) / 2;
		return 1;
	}
	return 0;
}

/* A text field of 1 to 4 rows. */
static int
try_field(layout_item *L, const layout_in *in)
{
	for (int lv = 0; lv < NLEVELS; lv++) {
		int avail = in->rows - chrome_rows(&levels[lv], (int)L->text.n);
		if (avail >= 2 || (lv == NLEVELS - 1 && avail >= 1)) {
			place(L, in, &levels[lv], LAYOUT_FIELD, avail > 4 ? 4 : avail);
			return 1;
		}
	}
	return 0;
}

void
layout_item_compute(layout_item *L, const layout_in *in)
{
	text_lines keep = L->text;
	int dw = digits(in->min, in->max);

	memset(L, 0, sizeof *L);
	L->text = keep;
	L->n = in->is_text ? 0 : in->max - in->min + 1;
	L->min = in->min;
	L->dw = dw;
	L->w = layout_block(in->cols, &L->x);
	text_wrap(in->text ? in->text : "", L->w, &L->text);
	L->bar_y = L->note_y = L->keys_y = -1;
	if (in->cols >= LAYOUT_MIN_COLS && in->rows >= LAYOUT_MIN_ROWS) {
		if (in->is_text ? try_field(L, in) : (try_wide(L, in, dw) || try_strip(L, in, dw)))
			return;
	}
	L->fits = 0;
	L->need_cols = in->cols > LAYOUT_MIN_COLS ? in->cols : LAYOUT_MIN_COLS;
	L->need_rows = chrome_rows(&levels[NLEVELS - 1], (int)L->text.n) + (in->is_text ? 1 : 2);
	if (L->need_rows < LAYOUT_MIN_ROWS)
		L->need_rows = LAYOUT_MIN_ROWS;
}

void
layout_item_free(layout_item *L)
{
	text_lines_free(&L->text);
}

int
layout_item_hit(const layout_item *L, int y, int x)
{
	if (!L->fits || y < L->opts_y || y >= L->opts_y + L->opts_h)
		return -1;
	switch (L->mode) {
	case LAYOUT_COLUMNS:
		if (x < L->cells_x || x >= L->cells_x + L->n * L->cell_w)
			return -1;
		return (x - L->cells_x) / L->cell_w;
	case LAYOUT_LIST:
		if (x < L->x || x >= L->x + L->w || y - L->opts_y >= L->visible)
			return -1;
		return L->first + (y - L->opts_y);
	case LAYOUT_STRIP:
		if (y != L->opts_y || x < L->cells_x || x >= L->cells_x + L->visible * L->cell_w)
			return -1;
		return L->first + (x - L->cells_x) / L->cell_w;
	default:
		return -1;
	}
}

int
layout_item_option_pos(const layout_item *L, int i, int *y, int *x)
{
	char num[16];
	int len;

	if (!L->fits || i < 0 || i >= L->n)
		return -1;
	len = snprintf(num, sizeof num, "%d", L->min + i);
	switch (L->mode) {
	case LAYOUT_COLUMNS:   /* " N " centred in the cell, less its last column */
		*y = L->opts_y;
		*x = L->cells_x + i * L->cell_w + (L->cell_w - 1 - (len + 2)) / 2 + 1;
		return 0;
	case LAYOUT_LIST:      /* 2 columns of marker, the number right-aligned */
		if (i < L->first || i >= L->first + L->visible)
			return -1;
		*y = L->opts_y + (i - L->first);
		*x = L->x + 2 + L->dw - len;
		return 0;
	case LAYOUT_STRIP:     /* "[N]" with N right-aligned, then a gap */
		if (i < L->first || i >= L->first + L->visible)
			return -1;
		*y = L->opts_y;
		*x = L->cells_x + (i - L->first) * L->cell_w + 1 + L->dw - len;
		return 0;
	default:
		return -1;
	}
}

int
layout_bar_fill(int width, size_t done, size_t total)
{
	long long f;

	if (width <= 0 || total == 0 || done == 0)
		return 0;
	if (done >= total)
		return width;
	f = (long long)width * (long long)done / (long long)total;
	if (f < 1)
		f = 1;
	if (f >= width)
		f = width - 1;
	return (int)f;
}

int
layout_scroll(int sel, int top, int visible, int n)
{
	if (visible < 1)
		visible = 1;
	if (sel < top)
		top = sel;
	if (sel >= top + visible)
		top = sel - visible + 1;
	if (top > n - visible)
		top = n - visible;
	return top < 0 ? 0 : top;
}
