/* screen_item.c - one question: text, "7 of 24", progress bar, options or a text field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "lineedit.h"
#include "run_ui.h"
#include "xmalloc.h"

typedef struct item_scr {
	const run *r;
	size_t idx;
	const bank_item *it;
	int is_text, min, max, n;
	int sel;                 /* selected option index */
	char num[12];            /* digits typed, for ranges beyond one digit */
	lineedit ed;             /* text items */
	int field_top;           /* first field row shown */
	char *text;              /* display-ready item text */
	char **labels;           /* display-ready option labels (NULL entries) */
	layout_item L;
} item_scr;

/* Prepare the current item: display texts, selection, editor. */
static void *
item_init(tui *t, void *app, const void *param)
{
	run_ui *u = app;
	const session *s = &u->r->s;
	item_scr *st = xcalloc(1, sizeof *st);

	(void)param;
	st->r = u->r;
	st->idx = s->pos;
	st->it = session_item(s);
	st->is_text = st->it->type == ITEM_TEXT;
	st->text = tui_text(t, st->it->text, 0);
	if (st->is_text) {
		lineedit_init(&st->ed, session_text(s, st->idx), SESSION_TEXT_MAX);
		return st;
	}
	st->min = st->it->range->min;
	st->max = st->it->range->max;
	st->n = st->max - st->min + 1;
	st->labels = xcalloc((size_t)st->n, sizeof *st->labels);
	for (int i = 0; i < st->n; i++) {
		const char *l = bank_range_label(st->it->range, st->min + i);
		st->labels[i] = l ? tui_text(t, l, 1) : NULL;
	}
	if (session_value(s, st->idx) != BANK_NO_ANSWER)
		st->sel = session_value(s, st->idx) - st->min;
	else
		st->sel = (st->n - 1) / 2;
	return st;
}

/* Release the display texts, labels and editor. */
static void
item_fini(void *self)
{
	item_scr *st = self;

	for (int i = 0; i < st->n; i++)
		free(st->labels[i]);
	free(st->labels);
	free(st->text);
	if (st->is_text)
		lineedit_free(&st->ed);
	layout_item_free(&st->L);
	free(st);
}

/* Draw n bytes of display-ready text. */
static void
put_span(int y, int x, const char *s, size_t n, attr_t a)
{
	attrset(a);
	mvaddnstr(y, x, s, (int)n);
	attrset(A_NORMAL);
}

/* Title on the left, "7 of 24" on the right, the bar below. */
static void
draw_head(item_scr *st, tui *t)
{
	const layout_item *L = &st->L;
	const session *s = &st->r->s;
	char count[48];
	int cw = snprintf(count, sizeof count, "%zu of %zu", st->idx + 1, s->nitems);

	tui_put_ell(t, L->head_y, L->x, L->w - cw - 2, st->r->bank->title, t->th.title);
	tui_put(t, L->head_y, L->x + L->w - cw, cw, count, t->th.heading);
	if (L->bar_y >= 0)
		tui_bar(t, L->bar_y, L->x, L->w, session_answered(s), s->nitems);
	for (size_t i = 0; i < L->text.n; i++)
		put_span(L->text_y + (int)i, L->x, st->text + L->text.v[i].off, L->text.v[i].len,
		         t->th.heading);
}

/* The option number as drawn: "[N]" when it is the answer, " N " otherwise. */
static void
draw_number(item_scr *st, tui *t, int i, int y, int x, int answer)
{
	char buf[24];
	attr_t a = i == st->sel ? t->th.selected : i == answer ? t->th.answered : t->th.normal;

	snprintf(buf, sizeof buf, i == answer ? "[%d]" : " %d ", st->min + i);
	tui_put(t, y, x - 1, (int)strlen(buf), buf, a);
}

/* Side by side: numbers in a row, labels wrapped under each. */
static void
draw_columns(item_scr *st, tui *t, int answer)
{
	const layout_item *L = &st->L;
	text_lines l = { 0 };

	for (int i = 0; i < st->n; i++) {
		int y, x, x0 = L->cells_x + i * L->cell_w;
		layout_item_option_pos(L, i, &y, &x);
		draw_number(st, t, i, y, x, answer);
		if (!st->labels[i])
			continue;
		text_wrap(st->labels[i], L->cell_w - 1, &l);
		for (size_t k = 0; k < l.n && (int)k < L->label_rows; k++)
			put_span(y + 1 + (int)k, x0 + (L->cell_w - 1 - l.v[k].width) / 2,
			         st->labels[i] + l.v[k].off, l.v[k].len,
			         i == st->sel || i == answer ? t->th.heading : t->th.normal);
	}
	text_lines_free(&l);
}

/* One option per row: marker, number, label. */
static void
draw_list(item_scr *st, tui *t, int answer)
{
	const layout_item *L = &st->L;

	for (int i = L->first; i < L->first + L->visible; i++) {
		int y, x;
		attr_t a = i == st->sel ? t->th.selected : i == answer ? t->th.answered : t->th.normal;
		char num[16];
		layout_item_option_pos(L, i, &y, &x);
		if (i == st->sel)
			tui_fill(t, y, x - 1, L->x + L->w - x + 1, a);
		tui_put(t, y, L->x, 1, i == answer ? t->th.mark : " ", t->th.answered);
		snprintf(num, sizeof num, "%d", st->min + i);
		tui_put(t, y, x, (int)strlen(num), num, a);
		if (st->labels[i])
			tui_put_ell(t, y, L->x + 4 + L->dw, L->w - 4 - L->dw, st->labels[i], a);
	}
}

/* A strip of numbers (scrolled), the selected option's label below. */
static void
draw_strip(item_scr *st, tui *t, int answer)
{
	const layout_item *L = &st->L;
	char buf[64];

	for (int i = L->first; i < L->first + L->visible; i++) {
		int y, x;
		layout_item_option_pos(L, i, &y, &x);
		draw_number(st, t, i, y, x, answer);
	}
	if (L->first > 0)
		tui_put(t, L->opts_y, L->cells_x - 1, 1, "<", t->th.dim);
	if (L->first + L->visible < L->n)
		tui_put(t, L->opts_y, L->cells_x + L->visible * L->cell_w, 1, ">", t->th.dim);
	snprintf(buf, sizeof buf, "%d%s", st->min + st->sel, st->labels[st->sel] ? ": " : "");
	tui_put(t, L->opts_y + 1, L->x, L->w, buf, t->th.heading);
	if (st->labels[st->sel])
		tui_put_ell(t, L->opts_y + 1, L->x + (int)strlen(buf), L->w - (int)strlen(buf),
		            st->labels[st->sel], t->th.heading);
}

/* The free-text field, scrolled to keep the cursor in view. */
static void
draw_field(item_scr *st, tui *t)
{
	const layout_item *L = &st->L;
	text_lines rows = { 0 };
	int cr, cc, h = L->opts_h;

	lineedit_wrap(&st->ed, L->w - 1, &rows, &cr, &cc);
	if (cr < st->field_top)
		st->field_top = cr;
	if (cr >= st->field_top + h)
		st->field_top = cr - h + 1;
	for (int i = 0; i < h; i++) {
		size_t k = (size_t)st->field_top + (size_t)i;
		tui_fill(t, L->opts_y + i, L->x, L->w, A_UNDERLINE);
		if (k < rows.n)
			put_span(L->opts_y + i, L->x, st->ed.buf + rows.v[k].off, rows.v[k].len,
			         A_UNDERLINE);
	}
	tui_cursor(t, L->opts_y + cr - st->field_top, L->x + cc);
	text_lines_free(&rows);
}

/* The line under the options: the current answer, or what to do. */
static void
draw_note(item_scr *st, tui *t, int answer)
{
	const layout_item *L = &st->L;
	char buf[128];

	if (L->note_y < 0)
		return;
	if (st->is_text) {
		tui_put_ell(t, L->note_y, L->x, L->w, session_text(&st->r->s, st->idx)
		            ? "Saved. Edit it and press Enter, or press Down to keep it."
		            : "Optional: type your answer and press Enter, or leave it empty.",
		            t->th.dim);
	} else if (st->num[0]) {
		snprintf(buf, sizeof buf, "You typed %s: press Enter to answer.", st->num);
		tui_put_ell(t, L->note_y, L->x, L->w, buf, t->th.heading);
	} else if (answer >= 0) {
		int n = snprintf(buf, sizeof buf, "Your answer: %d%s", st->min + answer,
		                 st->labels[answer] ? ", " : "");
		tui_put(t, L->note_y, L->x, L->w, buf, t->th.answered);
		if (st->labels[answer] && n < L->w)
			tui_put_ell(t, L->note_y, L->x + n, L->w - n, st->labels[answer], t->th.answered);
	} else {
		tui_put_ell(t, L->note_y, L->x, L->w, "Not answered yet.", t->th.dim);
	}
}

/* The key reminder on the bottom line. */
static void
draw_keys(item_scr *st, tui *t)
{
	static const hints_item text[] = {
		{ "Enter save", NULL, 1 }, { "Up back", NULL, 2 }, { "Down next", NULL, 2 },
		{ "F1 help", NULL, 0 }, { "Esc stop", NULL, 0 },
	};
	char answer[32], choose[32];
	hints_item rating[] = {
		{ answer, NULL, 1 }, { choose, NULL, 2 }, { "Enter confirm", NULL, 2 },
		{ "Backspace back", "Bksp back", 3 }, { "s skip", NULL, 3 }, { "? help", NULL, 0 },
		{ "q stop", NULL, 0 },
	};

	if (st->L.keys_y < 0)
		return;
	if (st->is_text) {
		tui_hints(t, st->L.keys_y, st->L.x, st->L.w, text, sizeof text / sizeof *text, 2,
		          t->th.dim);
		return;
	}
	if (st->n <= 10 && st->min >= 0 && st->max <= 9)
		snprintf(answer, sizeof answer, "%d-%d answer", st->min, st->max);
	else
		snprintf(answer, sizeof answer, "digits+Enter answer");
	snprintf(choose, sizeof choose, "%s choose",
	         t->th.utf8 ? "\xE2\x86\x90\xE2\x86\x92" : "Left/Right");
	tui_hints(t, st->L.keys_y, st->L.x, st->L.w, rating, sizeof rating / sizeof *rating, 2,
	          t->th.dim);
}

/* Lay out for the window size, then draw every part; the cursor goes on the selection. */
static int
item_draw(void *self, tui *t, void *app)
{
	item_scr *st = self;
	layout_in in = { t->cols, t->rows, st->text, st->is_text, st->min, st->max,
	                 (const char *const *)st->labels, st->sel };
	int v = session_value(&st->r->s, st->idx), answer = v == BANK_NO_ANSWER ? -1 : v - st->min;
	int y, x;

	(void)app;
	layout_item_compute(&st->L, &in);
	if (!st->L.fits)
		return tui_need(t, st->L.need_cols, st->L.need_rows);
	draw_head(st, t);
	switch (st->L.mode) {
	case LAYOUT_COLUMNS: draw_columns(st, t, answer); break;
	case LAYOUT_LIST: draw_list(st, t, answer); break;
	case LAYOUT_STRIP: draw_strip(st, t, answer); break;
	case LAYOUT_FIELD: draw_field(st, t); break;
	}
	draw_note(st, t, answer);
	draw_keys(st, t);
	if (!st->is_text && layout_item_option_pos(&st->L, st->sel, &y, &x) == 0)
		tui_cursor(t, y, x);
	return 0;
}

/* Could a longer number starting with the digits typed still be in range? */
static int
can_extend(const char *num, int min, int max)
{
	int neg = num[0] == '-';
	long long p = strtoll(num + neg, NULL, 10), m = 10;

	if (num[neg] == '0' || (neg && !num[1]))
		return neg && !num[1];   /* "-" alone waits; a leading 0 never extends */
	for (int k = 0; k < 9; k++, m *= 10) {
		long long lo = p * m, hi = (p + 1) * m - 1;
		if (neg ? (-lo >= min && -hi <= max) : (hi >= min && lo <= max))
			return 1;
	}
	return 0;
}

/* A digit (or '-') typed on a likert item: answer at once when unambiguous. */
static tui_action
typed(item_scr *st, tui *t, char c)
{
	size_t n = strlen(st->num);
	long v;
	char msg[80];

	if (n + 1 >= sizeof st->num || (c == '-' && (n || st->min >= 0)))
		return tui_none();
	st->num[n] = c;
	st->num[n + 1] = '\0';
	v = strtol(st->num, NULL, 10);
	if (strcmp(st->num, "-") != 0 && v >= st->min && v <= st->max) {
		st->sel = (int)v - st->min;
		if (!can_extend(st->num, st->min, st->max)) {
			st->num[0] = '\0';
			return tui_app(RUN_ACT_ANSWER, v, NULL);
		}
	} else if (!can_extend(st->num, st->min, st->max)) {
		st->num[0] = '\0';
		snprintf(msg, sizeof msg, "Choose an answer from %d to %d.", st->min, st->max);
		tui_flash(t, msg);
	}
	return tui_redraw();
}

/* Keys on a likert item (keys.h: KEYS_SCOPE_ITEM). */
static tui_action
likert_key(item_scr *st, tui *t, const tui_event *ev)
{
	if (ev->kind == TUI_EV_MOUSE) {
		int i = ev->button == 1 ? layout_item_hit(&st->L, ev->my, ev->mx) : -1;
		return i >= 0 ? tui_app(RUN_ACT_ANSWER, st->min + i, NULL) : tui_none();
	}
	switch (ev->cmd) {
	case KEYS_CMD_NUMBER:
		return typed(st, t, (char)ev->arg);
	case KEYS_CMD_OPTION_PREV: case KEYS_CMD_OPTION_NEXT:
		st->num[0] = '\0';
		st->sel += ev->cmd == KEYS_CMD_OPTION_NEXT ? 1 : -1;
		st->sel = st->sel < 0 ? 0 : st->sel >= st->n ? st->n - 1 : st->sel;
		return tui_redraw();
	case KEYS_CMD_CONFIRM:
		if (st->num[0]) {
			long v = strtol(st->num, NULL, 10);
			st->num[0] = '\0';
			return tui_app(RUN_ACT_ANSWER, v, NULL);
		}
		return tui_app(RUN_ACT_ANSWER, st->min + st->sel, NULL);
	case KEYS_CMD_ITEM_ERASE:
		if (st->num[0]) {
			st->num[strlen(st->num) - 1] = '\0';
			return tui_redraw();
		}
		return tui_app(RUN_ACT_BACK, 0, NULL);
	case KEYS_CMD_ITEM_PREV: return tui_app(RUN_ACT_BACK, 0, NULL);
	case KEYS_CMD_ITEM_NEXT: return tui_app(RUN_ACT_FORWARD, 0, NULL);
	case KEYS_CMD_ITEM_FIRST: return tui_app(RUN_ACT_HOME, 0, NULL);
	case KEYS_CMD_ITEM_UNANSWERED: return tui_app(RUN_ACT_END, 0, NULL);
	case KEYS_CMD_SKIP: return tui_app(RUN_ACT_SKIP, 0, NULL);
	case KEYS_CMD_HELP: return tui_push(TUI_SCREEN_HELP, NULL);
	case KEYS_CMD_QUIT: return tui_app(RUN_ACT_ASK_QUIT, 0, NULL);
	default: return tui_none();
	}
}

/* Leave a text item by `then`, keeping what was typed when it changed. */
static tui_action
leave_text(item_scr *st, int then)
{
	const char *old = session_text(&st->r->s, st->idx);

	if (strcmp(st->ed.buf, old ? old : "") != 0)
		return tui_app(RUN_ACT_KEEP_TEXT, then, st->ed.buf);
	return tui_app(then, 0, NULL);
}

/* Keys on a free-text item: editing first, then navigation (keys.h: KEYS_SCOPE_ITEM_TEXT). */
static tui_action
text_key(item_scr *st, tui *t, const tui_event *ev)
{
	(void)t;
	if (tui_edit_key(&st->ed, ev))
		return tui_redraw();
	switch (ev->cmd) {
	case KEYS_CMD_CONFIRM: return tui_app(RUN_ACT_ANSWER_TEXT, 0, st->ed.buf);
	case KEYS_CMD_ITEM_PREV: return leave_text(st, RUN_ACT_BACK);
	case KEYS_CMD_HELP: return tui_push(TUI_SCREEN_HELP, NULL);
	case KEYS_CMD_QUIT: return leave_text(st, RUN_ACT_ASK_QUIT);
	default: return tui_none();
	}
}

/* Keys go to the editor for text items, to the options otherwise. */
static tui_action
item_key(void *self, tui *t, void *app, const tui_event *ev)
{
	item_scr *st = self;

	(void)app;
	return st->is_text ? text_key(st, t, ev) : likert_key(st, t, ev);
}

/* A text item is typed into; a likert item has the answer keys. */
static keys_scope
item_scope(const void *self)
{
	const item_scr *st = self;

	return st->is_text ? KEYS_SCOPE_ITEM_TEXT : KEYS_SCOPE_ITEM;
}

const tui_screen screen_item = {
	"item", 0, item_init, item_draw, item_key, item_fini, item_scope,
};
