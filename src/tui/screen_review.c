/* screen_review.c - every question with its answer: change any, then see the results. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "run_ui.h"
#include "xmalloc.h"

typedef struct review {
	const run *r;
	int sel, top;            /* selected row (nitems: "See my results"), first row shown */
	int list_y, view;        /* where the list was drawn */
} review;

/* Start on the question just changed, else on "See my results". */
static void *
review_init(tui *t, void *app, const void *param)
{
	run_ui *u = app;
	review *v = xcalloc(1, sizeof *v);

	(void)t;
	(void)param;
	v->r = u->r;
	v->sel = u->review_sel >= 0 && u->review_sel < (long)u->r->s.nitems ? (int)u->review_sel
	                                                                   : (int)u->r->s.nitems;
	return v;
}

/* The answer column of item i: "5 Slightly agree", "(skipped)", or the text. */
static char *
answer_text(const run *r, size_t i)
{
	const session *s = &r->s;
	const bank_item *it = &r->bank->items[i];

	if (session_mark_of(s, i) != SESSION_ANSWERED)
		return xstrdup("(skipped)");
	if (it->type == ITEM_TEXT)
		return xasprintf("\"%s\"", session_text(s, i));
	const char *l = bank_range_label(it->range, session_value(s, i));
	return l ? xasprintf("%d %s", session_value(s, i), l) : xasprintf("%d", session_value(s, i));
}

/* One row of the list. */
static void
draw_row(review *v, tui *t, int y, int x, int w, int i)
{
	const run *r = v->r;
	attr_t a = i == v->sel ? t->th.selected : t->th.normal;
	char num[16];
	char *ans;
	int aw, nw;

	tui_fill(t, y, x, w, a);
	if (i == (int)r->s.nitems) {
		tui_put_ell(t, y, x + 1, w - 2, "See my results", a | A_BOLD);
		return;
	}
	nw = snprintf(num, sizeof num, "%3d.", i + 1);
	tui_put(t, y, x, nw, num, a);
	ans = answer_text(r, (size_t)i);
	aw = w / 3 < 26 ? w / 3 : 26;
	tui_put_ell(t, y, x + nw + 1, w - nw - aw - 3, r->bank->items[i].text, a);
	tui_put_ell(t, y, x + w - aw, aw, ans,
	            session_mark_of(&r->s, (size_t)i) == SESSION_ANSWERED ? a : a | A_DIM);
	free(ans);
}

/* Header, the scrolling list with "See my results" last, the key line. */
static int
review_draw(void *self, tui *t, void *app)
{
	static const hints_item keys[] = {
		{ "Up/Down choose", NULL, 2 }, { "Enter change or see results", "Enter change", 1 },
		{ "End results", NULL, 3 }, { "? help", NULL, 0 }, { "q stop", NULL, 0 },
	};
	review *v = self;
	const session *s = &v->r->s;
	int x, w = layout_block(t->cols, &x), n = (int)s->nitems + 1;
	char head[96];
	size_t skipped = s->nitems - session_answered(s);

	(void)app;
	snprintf(head, sizeof head, "%zu of %zu answered", session_answered(s), s->nitems);
	tui_put_ell(t, 0, x, w - (int)strlen(head) - 2, "Review your answers", t->th.title);
	tui_put(t, 0, x + w - (int)strlen(head), (int)strlen(head), head, t->th.heading);
	if (skipped)
		snprintf(head, sizeof head, "%zu left unanswered. Choose any question to change "
		         "it, or go to your results.", skipped);
	else
		snprintf(head, sizeof head, "Choose any question to change it, or go to your results.");
	tui_put_ell(t, 1, x, w, head, t->th.normal);
	v->list_y = 3;
	v->view = t->rows - 5;
	v->top = layout_scroll(v->sel, v->top, v->view, n);
	for (int i = 0; i < v->view && v->top + i < n; i++)
		draw_row(v, t, v->list_y + i, x, w, v->top + i);
	if (v->top > 0)
		tui_put(t, 2, x + w - 1, 1, "^", t->th.dim);
	if (v->top + v->view < n)
		tui_put(t, v->list_y + v->view, x + w - 1, 1, "v", t->th.dim);
	tui_hints(t, t->rows - 1, x, w, keys, sizeof keys / sizeof *keys, 2, t->th.dim);
	tui_cursor(t, v->list_y + v->sel - v->top, x);
	return 0;
}

/* Act on row i: change that answer, or see the results. */
static tui_action
open_row(const review *v, int i)
{
	if (i == (int)v->r->s.nitems)
		return tui_app(RUN_ACT_RESULTS, 0, NULL);
	return tui_app(RUN_ACT_GOTO, i, NULL);
}

/* Move the selection by d rows. */
static tui_action
move_sel(review *v, int d)
{
	int n = (int)v->r->s.nitems + 1;

	v->sel += d;
	v->sel = v->sel < 0 ? 0 : v->sel >= n ? n - 1 : v->sel;
	return tui_redraw();
}

/* Arrows move, Enter opens, mouse clicks open, the wheel scrolls (keys.h: KEYS_SCOPE_REVIEW). */
static tui_action
review_key(void *self, tui *t, void *app, const tui_event *ev)
{
	review *v = self;
	int page = v->view > 1 ? v->view - 1 : 1;

	(void)t;
	(void)app;
	if (ev->kind == TUI_EV_MOUSE) {
		int row = ev->my - v->list_y;
		if (ev->button == 4 || ev->button == 5)
			return move_sel(v, ev->button == 4 ? -3 : 3);
		if (ev->button == 1 && row >= 0 && row < v->view &&
		    v->top + row <= (int)v->r->s.nitems)
			return open_row(v, v->top + row);
		return tui_none();
	}
	switch (ev->cmd) {
	case KEYS_CMD_LINE_UP: return move_sel(v, -1);
	case KEYS_CMD_LINE_DOWN: return move_sel(v, 1);
	case KEYS_CMD_PAGE_UP: return move_sel(v, -page);
	case KEYS_CMD_PAGE_DOWN: return move_sel(v, page);
	case KEYS_CMD_TOP: return move_sel(v, -v->sel);
	case KEYS_CMD_BOTTOM: return move_sel(v, (int)v->r->s.nitems);
	case KEYS_CMD_CONFIRM: return open_row(v, v->sel);
	case KEYS_CMD_HELP: return tui_push(TUI_SCREEN_HELP, NULL);
	case KEYS_CMD_QUIT: return tui_app(RUN_ACT_ASK_QUIT, 0, NULL);
	default: return tui_none();
	}
}

/* The review's keys. */
static keys_scope
review_scope(const void *self)
{
	(void)self;
	return KEYS_SCOPE_REVIEW;
}

const tui_screen screen_review = {
	"review", 0, review_init, review_draw, review_key, free, review_scope,
};
