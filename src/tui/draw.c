/* draw.c - the theme and drawing helpers of the interface (see tui.h). */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "tui.h"
#include "tui_int.h"

enum { PAIR_TITLE = 1, PAIR_DONE, PAIR_WARN };

void
tui_theme_init(tui_theme *th, int utf8, int color)
{
	memset(th, 0, sizeof *th);
	th->utf8 = utf8;
	th->color = color;
	if (color && start_color() == OK) {
		int bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
		init_pair(PAIR_TITLE, COLOR_CYAN, (short)bg);
		init_pair(PAIR_DONE, COLOR_GREEN, (short)bg);
		init_pair(PAIR_WARN, COLOR_YELLOW, (short)bg);
	} else {
		th->color = color = 0;
	}
	/* Nothing is told by colour alone: every colour rides on an attribute or a glyph. */
	th->normal = A_NORMAL;
	th->title = A_BOLD | (color ? COLOR_PAIR(PAIR_TITLE) : 0);
	th->heading = A_BOLD;
	th->dim = A_DIM;
	th->selected = A_REVERSE | A_BOLD;
	th->answered = A_BOLD | A_UNDERLINE;
	th->key = A_BOLD;
	th->warn = A_BOLD | (color ? COLOR_PAIR(PAIR_WARN) : 0);
	th->bar_done = color ? COLOR_PAIR(PAIR_DONE) : A_NORMAL;
	th->bar_todo = A_DIM;
	th->frame = color ? COLOR_PAIR(PAIR_TITLE) : A_NORMAL;
	th->button = A_NORMAL;
	th->button_focus = A_REVERSE | A_BOLD;
	if (utf8) {
		th->bar_full = "\xE2\x96\x88";      /* full block */
		th->bar_empty = "\xE2\x96\x91";     /* light shade */
		th->mark = "\xE2\x97\x8F";          /* black circle */
		th->ellipsis = "\xE2\x80\xA6";
		th->sep = " \xC2\xB7 ";             /* middle dot */
		th->hline = "\xE2\x94\x80";
		th->vline = "\xE2\x94\x82";
		th->tl = "\xE2\x94\x8C";
		th->tr = "\xE2\x94\x90";
		th->bl = "\xE2\x94\x94";
		th->br = "\xE2\x94\x98";
	} else {
		th->bar_full = "#";
		th->bar_empty = "-";
		th->mark = "*";
		th->ellipsis = "...";
		th->sep = " - ";
		th->hline = "-";
		th->vline = "|";
		th->tl = th->tr = th->bl = th->br = "+";
	}
}

void
tui_cursor(tui *t, int y, int x)
{
	t->cur_y = y;
	t->cur_x = x;
}

int
tui_need(tui *t, int cols, int rows)
{
	if (cols > t->need_cols)
		t->need_cols = cols;
	if (rows > t->need_rows)
		t->need_rows = rows;
	return TUI_TOO_SMALL;
}

void
tui_flash(tui *t, const char *msg)
{
	snprintf(t->flash, sizeof t->flash, "%s", msg);
}

char *
tui_text(const tui *t, const char *s, int one_line)
{
	char *c = one_line ? text_clean_line(s) : text_clean(s);

	if (!t->th.utf8) {
		char *a = text_ascii(c);
		free(c);
		c = a;
	}
	return c;
}

/* Draw n bytes of display-ready text at (y, x) in attribute a. */
static void
put_raw(int y, int x, const char *s, size_t n, attr_t a)
{
	attrset(a);
	mvaddnstr(y, x, s, (int)n);
	attrset(A_NORMAL);
}

int
tui_put(tui *t, int y, int x, int maxw, const char *s, attr_t a)
{
	char *c;
	int used;
	size_t n;

	if (!s || y < 0 || y >= t->rows || x < 0 || x >= t->cols || maxw <= 0)
		return 0;
	if (x + maxw > t->cols)
		maxw = t->cols - x;
	c = tui_text(t, s, 1);
	n = text_fit(c, strlen(c), maxw, &used);
	put_raw(y, x, c, n, a);
	free(c);
	return used;
}

int
tui_put_ell(tui *t, int y, int x, int maxw, const char *s, attr_t a)
{
	char *c, *e;
	int used;

	if (!s || maxw <= 0)
		return 0;
	c = tui_text(t, s, 1);
	e = text_ellipsize(c, maxw, t->th.utf8);
	used = tui_put(t, y, x, maxw, e, a);
	free(e);
	free(c);
	return used;
}

int
tui_hints(tui *t, int y, int x, int w, const hints_item *h, size_t n, int gap, attr_t a)
{
	char *line;
	int used;

	if (w <= 0)
		return 0;
	line = hints_line(h, n, gap, w, t->th.utf8);
	used = tui_put(t, y, x, w, line, a);
	free(line);
	return used;
}

int
tui_para(tui *t, int y, int x, int w, int skip, int maxrows, const char *s, attr_t a)
{
	text_lines l = { 0 };
	char *c;
	int n;

	if (!s)
		return 0;
	c = tui_text(t, s, 0);
	n = (int)text_wrap(c, w, &l);
	for (int i = skip; i < n && i - skip < maxrows; i++) {
		int yy = y + i - skip;
		if (yy >= 0 && yy < t->rows && x < t->cols)
			put_raw(yy, x, c + l.v[i].off,
			        text_fit(c + l.v[i].off, l.v[i].len, t->cols - x, NULL), a);
	}
	text_lines_free(&l);
	free(c);
	return n;
}

int
tui_doc(tui *t, int y, int x, int w, int h, int top, const tui_par *p, size_t n)
{
	int line = 0;

	for (size_t i = 0; i < n; i++) {
		int k, skip;
		if (!p[i].text || !*p[i].text)
			continue;
		if (line > 0)
			line++;   /* a blank line between paragraphs */
		/* draw the part of this paragraph that falls in [top, top+h) */
		skip = line < top ? top - line : 0;
		k = tui_para(t, y + line - top + skip, x, w, skip,
		             h - (line > top ? line - top : 0), p[i].text, p[i].attr);
		line += k;
	}
	return line;
}

void
tui_fill(tui *t, int y, int x, int w, attr_t a)
{
	if (y < 0 || y >= t->rows)
		return;
	attrset(a);
	for (int i = x < 0 ? 0 : x; i < x + w && i < t->cols; i++)
		mvaddch(y, i, ' ');
	attrset(A_NORMAL);
}

void
tui_box(tui *t, int y, int x, int h, int w)
{
	const tui_theme *th = &t->th;

	if (h < 2 || w < 2)
		return;
	for (int r = y; r < y + h; r++)
		tui_fill(t, r, x, w, A_NORMAL);
	attrset(th->frame);
	mvaddstr(y, x, th->tl);
	mvaddstr(y, x + w - 1, th->tr);
	mvaddstr(y + h - 1, x, th->bl);
	mvaddstr(y + h - 1, x + w - 1, th->br);
	for (int i = x + 1; i < x + w - 1; i++) {
		mvaddstr(y, i, th->hline);
		mvaddstr(y + h - 1, i, th->hline);
	}
	for (int r = y + 1; r < y + h - 1; r++) {
		mvaddstr(r, x, th->vline);
		mvaddstr(r, x + w - 1, th->vline);
	}
	attrset(A_NORMAL);
}

void
tui_bar(tui *t, int y, int x, int w, size_t done, size_t total)
{
	int fill = layout_bar_fill(w, done, total);

	attrset(t->th.bar_done);
	for (int i = 0; i < fill; i++)
		mvaddstr(y, x + i, t->th.bar_full);
	attrset(t->th.bar_todo);
	for (int i = fill; i < w; i++)
		mvaddstr(y, x + i, t->th.bar_empty);
	attrset(A_NORMAL);
}

int
tui_button_width(const tui *t, const char *label)
{
	char *c = tui_text(t, label, 1);
	int w = text_width(c) + 4;

	free(c);
	return w;
}

int
tui_button(tui *t, int y, int x, const char *label, int focused)
{
	attr_t a = focused ? t->th.button_focus : t->th.button;
	int w = tui_button_width(t, label);

	tui_put(t, y, x, 2, "[ ", a);
	tui_put(t, y, x + 2, w - 4, label, a);
	tui_put(t, y, x + w - 2, 2, " ]", a);
	return w;
}
