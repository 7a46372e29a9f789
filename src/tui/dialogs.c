/* dialogs.c - the built-in overlays: key help (?) and yes/no confirmation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "tui_int.h"
#include "xmalloc.h"

/* --- help ------------------------------------------------------------------ */

typedef struct help_state {
	keys_help_line lines[KEYS_HELP_MAX];
	int n;                   /* lines, the mouse line included */
	const char *mouse;       /* what the mouse does below, or NULL */
	int top;
} help_state;

/* The help of the screen below, made from its scope of the key table. */
static void *
help_init(tui *t, void *app, const void *param)
{
	help_state *h = xcalloc(1, sizeof *h);
	keys_scope s = tui_stack_scope(t);
	size_t n = keys_help(s, h->lines, KEYS_HELP_MAX);

	(void)app;
	(void)param;
	h->n = (int)(n < KEYS_HELP_MAX ? n : KEYS_HELP_MAX);
	h->mouse = keys_scope_mouse(s);
	if (h->mouse && h->n < KEYS_HELP_MAX) {
		snprintf(h->lines[h->n].keys, sizeof h->lines[h->n].keys, "mouse");
		h->lines[h->n++].text = h->mouse;
	}
	return h;
}

/* Rows entry e takes when its text is wrapped to tw columns. */
static int
entry_rows(const keys_help_line *e, int tw)
{
	text_lines l = { 0 };
	int n = (int)text_wrap(e->text, tw, &l);

	text_lines_free(&l);
	return n > 0 ? n : 1;
}

/* Draw entry e from row y: its keys, then its text wrapped; rows before `skip` and from `end` left out. */
static void
draw_entry(tui *t, const keys_help_line *e, int y, int x, int kw, int tw, int skip, int end)
{
	text_lines l = { 0 };
	size_t n = text_wrap(e->text, tw, &l);

	if (skip == 0)
		tui_put_ell(t, y, x, kw, e->keys, t->th.key);
	for (size_t i = (size_t)skip; i < n && y + (int)i - skip < end; i++) {
		char *part = xstrndup(e->text + l.v[i].off, l.v[i].len);
		tui_put(t, y + (int)i - skip, x + kw + 2, tw, part, t->th.normal);
		free(part);
	}
	text_lines_free(&l);
}

/* A framed list of keys and what they do, texts wrapped; scrolls when the window is short. */
static int
help_draw(void *self, tui *t, void *app)
{
	static const hints_item scroll[] = {
		{ "Up/Down scroll", NULL, 1 }, { "Esc, q or ? closes", "Esc closes", 0 },
	};
	static const hints_item closing[] = { { "Esc, q, ? or Enter closes", "Esc closes", 0 } };
	help_state *h = self;
	int w = t->cols - 2 > 76 ? 76 : t->cols - 2, x = (t->cols - w) / 2, kw = 0, tw, total = 0;
	int rows, y, vis, row = 0;

	(void)app;
	for (int i = 0; i < h->n; i++) {
		int kl = text_width(h->lines[i].keys);
		kw = kl > kw ? kl : kw;
	}
	if (kw > w / 2 - 2)
		kw = w / 2 - 2;
	tw = w - kw - 6;
	for (int i = 0; i < h->n; i++)
		total += entry_rows(&h->lines[i], tw);
	rows = total + 4 > t->rows - 2 ? t->rows - 2 : total + 4;
	y = (t->rows - rows) / 2;
	vis = rows - 4;
	if (h->top > total - vis)
		h->top = total - vis > 0 ? total - vis : 0;
	tui_box(t, y, x, rows, w);
	tui_put(t, y, x + 2, w - 4, " Keys ", t->th.title);
	for (int i = 0; i < h->n && row < h->top + vis; i++) {
		int k = entry_rows(&h->lines[i], tw);
		if (row + k > h->top)
			draw_entry(t, &h->lines[i], y + 1 + (row > h->top ? row - h->top : 0), x + 2, kw, tw,
			           row < h->top ? h->top - row : 0, y + 1 + vis);
		row += k;
	}
	if (total > vis)
		tui_hints(t, y + rows - 2, x + 2, w - 4, scroll, 2, 2, t->th.dim);
	else
		tui_hints(t, y + rows - 2, x + 2, w - 4, closing, 1, 2, t->th.dim);
	tui_cursor(t, y + rows - 2, x + 2);
	return 0;
}

/* Scroll; any other key closes (a mouse click too, the wheel does nothing). */
static tui_action
help_key(void *self, tui *t, void *app, const tui_event *ev)
{
	help_state *h = self;
	int page = t->rows > 8 ? t->rows - 8 : 1;

	(void)app;
	switch (ev->cmd) {
	case KEYS_CMD_LINE_UP: h->top = h->top > 0 ? h->top - 1 : 0; return tui_redraw();
	case KEYS_CMD_LINE_DOWN: h->top++; return tui_redraw();
	case KEYS_CMD_PAGE_UP: h->top = h->top > page ? h->top - page : 0; return tui_redraw();
	case KEYS_CMD_PAGE_DOWN: h->top += page; return tui_redraw();
	default: break;
	}
	if (ev->kind == TUI_EV_MOUSE && ev->button != 1)
		return tui_none();
	return tui_pop();
}

/* The help overlay's own keys. */
static keys_scope
help_scope(const void *self)
{
	(void)self;
	return KEYS_SCOPE_HELP;
}

const tui_screen tui_screen_help = {
	"help", 1, help_init, help_draw, help_key, free, help_scope,
};

/* --- confirmation ------------------------------------------------------------ */

typedef struct confirm_state {
	const tui_confirm *c;
	int focus;               /* 0: yes, 1: no */
	int by, bx[2], bw[2];    /* where the buttons were drawn */
} confirm_state;

/* Start on "no": a stray Enter never does the drastic thing. */
static void *
confirm_init(tui *t, void *app, const void *param)
{
	confirm_state *c = xcalloc(1, sizeof *c);

	(void)t;
	(void)app;
	c->c = param;
	c->focus = 1;
	c->by = -1;
	return c;
}

/* A framed question with two buttons. */
static int
confirm_draw(void *self, tui *t, void *app)
{
	confirm_state *c = self;
	int w = t->cols - 4 > 60 ? 60 : t->cols - 4, x = (t->cols - w) / 2;
	text_lines l = { 0 };
	char *txt = tui_text(t, c->c->text, 0);
	int n = (int)text_wrap(txt, w - 4, &l), h, y, bwsum;

	(void)app;
	text_lines_free(&l);
	free(txt);
	h = n + 6;
	if (h > t->rows)
		h = t->rows;
	y = (t->rows - h) / 2;
	tui_box(t, y, x, h, w);
	tui_put(t, y, x + 2, 1, " ", t->th.title);
	tui_put_ell(t, y, x + 3, w - 6, c->c->title, t->th.title);
	tui_put(t, y, x + 3 + text_width(c->c->title), 1, " ", t->th.title);
	tui_para(t, y + 2, x + 2, w - 4, 0, h - 6 > 0 ? h - 6 : 1, c->c->text, t->th.normal);
	c->bw[0] = tui_button_width(t, c->c->yes);
	c->bw[1] = tui_button_width(t, c->c->no);
	bwsum = c->bw[0] + c->bw[1] + 2;
	c->by = y + h - 2;
	c->bx[0] = x + (w - bwsum) / 2;
	c->bx[1] = c->bx[0] + c->bw[0] + 2;
	tui_button(t, c->by, c->bx[0], c->c->yes, c->focus == 0);
	tui_button(t, c->by, c->bx[1], c->c->no, c->focus == 1);
	tui_cursor(t, c->by, c->bx[c->focus] + 2);
	return 0;
}

/* The dialog's answer: close it, and on yes apply the action it carries. */
static tui_action
answer(const confirm_state *c, int yes)
{
	tui_action a = tui_pop();

	if (yes)
		a.ptr = &c->c->on_yes;
	return a;
}

/* y / q: yes; n / Esc: no; arrows and Tab move; Enter picks (keys.h: KEYS_SCOPE_CONFIRM). */
static tui_action
confirm_key(void *self, tui *t, void *app, const tui_event *ev)
{
	confirm_state *c = self;

	(void)t;
	(void)app;
	if (ev->kind == TUI_EV_MOUSE) {
		for (int i = 0; i < 2; i++)
			if (ev->button == 1 && ev->my == c->by && ev->mx >= c->bx[i] &&
			    ev->mx < c->bx[i] + c->bw[i])
				return answer(c, i == 0);
		return tui_none();
	}
	switch (ev->cmd) {
	case KEYS_CMD_YES:
		return answer(c, 1);
	case KEYS_CMD_NO:
		return answer(c, 0);
	case KEYS_CMD_CONFIRM:
		return answer(c, c->focus == 0);
	case KEYS_CMD_SWITCH_BUTTON:
		c->focus = !c->focus;
		return tui_redraw();
	default:
		return tui_none();
	}
}

/* The dialog's own keys. */
static keys_scope
confirm_scope(const void *self)
{
	(void)self;
	return KEYS_SCOPE_CONFIRM;
}

const tui_screen tui_screen_confirm = {
	"confirm", 1, confirm_init, confirm_draw, confirm_key, free, confirm_scope,
};
