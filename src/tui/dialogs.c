/* dialogs.c - the built-in overlays: key help (?) and yes/no confirmation. */
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "tui_int.h"
#include "xmalloc.h"

/* --- help ------------------------------------------------------------------ */

typedef struct help_state {
	const tui_help *help;
	int top;
} help_state;

/* The help of the screen below (param may name another table). */
static void *
help_init(tui *t, void *app, const void *param)
{
	help_state *h = xcalloc(1, sizeof *h);

	(void)app;
	h->help = param ? param : tui_stack_help(t);
	return h;
}

/* Number of entries in a help table. */
static int
help_count(const tui_help *h)
{
	int n = 0;

	while (h && h[n].text)
		n++;
	return n;
}

/* A framed list of keys and what they do; scrolls when the window is short. */
static int
help_draw(void *self, tui *t, void *app)
{
	help_state *h = self;
	int n = help_count(h->help), w = t->cols - 2 > 72 ? 72 : t->cols - 2;
	int rows = n + 4 > t->rows - 2 ? t->rows - 2 : n + 4, x = (t->cols - w) / 2;
	int y = (t->rows - rows) / 2, kw = 0, vis = rows - 4;
	char keys[160];

	(void)app;
	for (int i = 0; i < n; i++) {
		const char *k = h->help[i].keys ? h->help[i].keys
		              : tui_keys_for(h->help[i].cmd, keys, sizeof keys);
		int kl = text_width(k);
		kw = kl > kw ? kl : kw;
	}
	if (kw > w / 2 - 2)
		kw = w / 2 - 2;
	if (h->top > n - vis)
		h->top = n - vis > 0 ? n - vis : 0;
	tui_box(t, y, x, rows, w);
	tui_put(t, y, x + 2, w - 4, " Keys ", t->th.title);
	for (int i = 0; i < vis && h->top + i < n; i++) {
		const tui_help *e = &h->help[h->top + i];
		const char *k = e->keys ? e->keys : tui_keys_for(e->cmd, keys, sizeof keys);
		tui_put_ell(t, y + 1 + i, x + 2, kw, k, t->th.key);
		tui_put_ell(t, y + 1 + i, x + 4 + kw, w - kw - 6, e->text, t->th.normal);
	}
	tui_put_ell(t, y + rows - 2, x + 2, w - 4, n > vis ? "Up/Down scroll; Esc, q or ? closes"
	                                                  : "Esc, q, ? or Enter closes", t->th.dim);
	tui_cursor(t, y + rows - 2, x + 2);
	return 0;
}

/* Scroll, or close on anything else. */
static tui_action
help_key(void *self, tui *t, void *app, const tui_event *ev)
{
	help_state *h = self;

	(void)t;
	(void)app;
	if (ev->cmd == TUI_CMD_BACK && ev->key != KEY_BACKSPACE) {
		h->top = h->top > 0 ? h->top - 1 : 0;
		return tui_redraw();
	}
	if (ev->cmd == TUI_CMD_FORWARD) {
		h->top++;
		return tui_redraw();
	}
	if (ev->kind == TUI_EV_MOUSE && ev->button != 1)
		return tui_none();
	return tui_pop();
}

const tui_screen tui_screen_help = {
	"help", 1, help_init, help_draw, help_key, free, NULL,
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

/* y / q: yes; n / Esc: no; arrows and Tab move; Enter picks. */
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
	if (ev->kind == TUI_EV_CHAR && (ev->ch == 'y' || ev->ch == 'Y'))
		return answer(c, 1);
	if (ev->kind == TUI_EV_CHAR && (ev->ch == 'n' || ev->ch == 'N'))
		return answer(c, 0);
	switch (ev->cmd) {
	case TUI_CMD_QUIT:
		return answer(c, 1);
	case TUI_CMD_CANCEL:
		return answer(c, 0);
	case TUI_CMD_CONFIRM:
		return answer(c, c->focus == 0);
	case TUI_CMD_PREV: case TUI_CMD_NEXT: case TUI_CMD_TAB: case TUI_CMD_BACKTAB:
		c->focus = !c->focus;
		return tui_redraw();
	default:
		return tui_none();
	}
}

const tui_screen tui_screen_confirm = {
	"confirm", 1, confirm_init, confirm_draw, confirm_key, free, NULL,
};
