/* screen_learn.c - the guide on screen: contents, chapters, search, the live example. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "lineedit.h"
#include "screen_learn.h"
#include "xmalloc.h"

/* Rows above the text (title bar, a blank row) and below it (the key line). */
#define BODY_Y 2
#define FOOT_ROWS 1
/* Longest search text. */
#define QUERY_MAX 200
/* Lines a mouse wheel notch scrolls. */
#define WHEEL_LINES 3

/* The screen's own state: where the reader is, and the search prompt. */
typedef struct learn_screen {
	learn_view v;
	int prompting;                   /* reading a search text after '/' */
	lineedit edit;
	char *query;                     /* the last search, or NULL */
	int x, w;                        /* the text block */
	const learn *g;                  /* the app's guide (borrowed), for the scope */
} learn_screen;

static void *
learn_screen_init(tui *t, void *app, const void *param)
{
	learn_screen *s = xcalloc(1, sizeof *s);

	(void)param;
	s->g = &((learn_app *)app)->g;
	learn_view_init(&s->v, t->rows > BODY_Y + FOOT_ROWS ? (size_t)(t->rows - BODY_Y - FOOT_ROWS) : 1);
	return s;
}

static void
learn_screen_fini(void *self)
{
	learn_screen *s = self;

	if (s->prompting)
		lineedit_free(&s->edit);
	free(s->query);
	free(s);
}

/* True when the reader is in the worked example. */
static int
in_example(const learn_screen *s, const learn *g)
{
	return s->v.mode == LEARN_CHAPTER && g->example >= 0 && (long)s->v.ch == g->example;
}

/* --- drawing --- */

/* Draw bytes [off, off+len) of text at (y, x); returns the columns drawn. */
static int
put_part(tui *t, int y, int x, int maxw, const char *text, size_t off, size_t len, attr_t a)
{
	char *part = xstrndup(text + off, len);
	int n = maxw > 0 ? tui_put(t, y, x, maxw, part, a) : 0;

	free(part);
	return n;
}

/* The attribute of a line's text. */
static attr_t
line_attr(const tui *t, learn_kind k)
{
	switch (k) {
	case LEARN_TITLE: return t->th.heading | A_BOLD;
	case LEARN_HEADING: return t->th.heading;
	case LEARN_STRONG: return t->th.normal | A_BOLD;
	case LEARN_MARK: return t->th.selected;
	default: return t->th.normal;
	}
}

/* One line of a chapter, with the search match shown in reverse. */
static void
draw_line(tui *t, const learn_screen *s, const learn *g, size_t ch, const learn_line *l, int y)
{
	const char *text = g->ch[ch].blocks[l->block].text;
	const learn_view *v = &s->v;
	attr_t a = line_attr(t, l->kind);
	int x = s->x + l->indent, w = s->w - l->indent;
	size_t mo, me, lo = l->off, le = l->off + l->len;

	if (l->kind == LEARN_BLANK)
		return;
	if (l->kind == LEARN_MARK)
		tui_fill(t, y, s->x, s->w, a);
	if (l->first && (l->kind == LEARN_BULLET || l->kind == LEARN_MARK))
		tui_put(t, y, x - 2, 1, l->kind == LEARN_MARK ? ">" : t->th.utf8 ? "\xe2\x80\xa2" : "-", a);
	if (!v->has_match || v->match.ch != ch || v->match.block != l->block ||
	    v->match.off >= le || v->match.off + v->match_len <= lo) {
		put_part(t, y, x, w, text, lo, l->len, a);
		return;
	}
	mo = v->match.off > lo ? v->match.off : lo;
	me = v->match.off + v->match_len < le ? v->match.off + v->match_len : le;
	x += put_part(t, y, x, w, text, lo, mo - lo, a);
	x += put_part(t, y, x, s->x + s->w - x, text, mo, me - mo, a | A_REVERSE | A_BOLD);
	put_part(t, y, x, s->x + s->w - x, text, me, le - me, a);
}

/* The contents list. */
static void
draw_contents(tui *t, learn_screen *s, const learn *g)
{
	const learn_view *v = &s->v;

	for (size_t i = v->ctop; i < g->nch && i < v->ctop + v->height; i++) {
		int y = BODY_Y + (int)(i - v->ctop);
		attr_t a = i == v->sel ? t->th.selected : t->th.normal;
		char num[32];

		if (i == v->sel)
			tui_fill(t, y, s->x, s->w, a);
		snprintf(num, sizeof num, "%3zu. ", i + 1);
		tui_put(t, y, s->x, s->w, num, a);
		tui_put_ell(t, y, s->x + 5, s->w - 5, g->ch[i].title, a);
		if (i == v->sel)
			tui_cursor(t, y, s->x);
	}
}

/* The chapter's lines on screen. */
static void
draw_chapter(tui *t, learn_screen *s, const learn *g)
{
	const learn_view *v = &s->v;
	const learn_chapter *c = &g->ch[v->ch];

	for (size_t i = v->top; i < c->nlines && i < v->top + v->height; i++)
		draw_line(t, s, g, v->ch, &c->lines[i], BODY_Y + (int)(i - v->top));
	tui_cursor(t, BODY_Y, s->x);
}

/* The title bar: the guide's title and where the reader is. */
static void
draw_title(tui *t, const learn_screen *s, const learn *g)
{
	char where[64];
	const learn_view *v = &s->v;
	int n;

	tui_fill(t, 0, 0, t->cols, t->th.title);
	if (v->mode == LEARN_CONTENTS) {
		snprintf(where, sizeof where, "Contents, %zu chapters ", g->nch);
	} else {
		size_t max = learn_view_max_top(v, g, v->ch);
		snprintf(where, sizeof where, "Chapter %zu of %zu, %zu%% ", v->ch + 1, g->nch,
		         max ? v->top * 100 / max : 100);
	}
	n = (int)strlen(where);
	tui_put_ell(t, 0, 1, t->cols - n - 3, g->title, t->th.title | A_BOLD);
	tui_put(t, 0, t->cols - n, n, where, t->th.title);
}

/* The last row: the search prompt, or a reminder of the main keys. */
static void
draw_foot(tui *t, learn_screen *s, const learn *g)
{
	int y = t->rows - 1;
	static const hints_item contents[] = {
		{ "Enter read", NULL, 1 }, { "Up/Down choose", NULL, 2 }, { "/ search", NULL, 2 },
		{ "? help", NULL, 0 }, { "q quit", NULL, 0 },
	};
	static const hints_item example[] = {
		{ "Left/Right answer", NULL, 1 }, { "< > item", NULL, 2 }, { "x skip", NULL, 3 },
		{ "r reset", NULL, 3 }, { "Tab contents", NULL, 2 }, { "? help", NULL, 0 },
		{ "q quit", NULL, 0 },
	};
	static const hints_item page[] = {
		{ "Space/b page", NULL, 1 }, { "Tab contents", NULL, 2 }, { "[ ] chapter", NULL, 3 },
		{ "/ search", NULL, 2 }, { "? help", NULL, 0 }, { "q quit", NULL, 0 },
	};

	if (s->prompting) {
		text_lines rows = { 0 };
		int crow, ccol, w = t->cols - 2;
		size_t n = lineedit_wrap(&s->edit, w, &rows, &crow, &ccol);
		const text_line *r = &rows.v[n - 1];
		tui_put(t, y, 0, 1, "/", t->th.key | A_BOLD);
		put_part(t, y, 1, w, s->edit.buf, r->off, r->len, t->th.normal);
		tui_cursor(t, y, 1 + (crow == (int)n - 1 ? ccol : r->width));
		text_lines_free(&rows);
		return;
	}
	if (s->v.mode == LEARN_CONTENTS)
		tui_hints(t, y, 1, t->cols - 2, contents, sizeof contents / sizeof *contents, 3,
		          t->th.key);
	else if (in_example(s, g))
		tui_hints(t, y, 1, t->cols - 2, example, sizeof example / sizeof *example, 3, t->th.key);
	else
		tui_hints(t, y, 1, t->cols - 2, page, sizeof page / sizeof *page, 3, t->th.key);
}

static int
learn_screen_draw(void *self, tui *t, void *app)
{
	learn_screen *s = self;
	learn_app *a = app;

	if (t->cols < LAYOUT_MIN_COLS || t->rows < LAYOUT_MIN_ROWS)
		return tui_need(t, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	s->w = layout_block(t->cols, &s->x);
	if (s->w != a->g.width)
		learn_view_relayout(&s->v, &a->g, s->w);
	learn_view_resize(&s->v, &a->g, (size_t)(t->rows - BODY_Y - FOOT_ROWS));
	draw_title(t, s, &a->g);
	if (s->v.mode == LEARN_CONTENTS)
		draw_contents(t, s, &a->g);
	else
		draw_chapter(t, s, &a->g);
	draw_foot(t, s, &a->g);
	return 0;
}

/* --- keys --- */

/* Search again for the last text; tell the person when there is none. */
static tui_action
search(tui *t, learn_screen *s, const learn *g, int dir)
{
	if (!s->query) {
		tui_flash(t, "Type / and a word to search for first.");
		return tui_redraw();
	}
	if (!learn_view_search(&s->v, g, s->query, dir)) {
		char msg[sizeof t->flash];
		snprintf(msg, sizeof msg, "Not found: %s", s->query);
		tui_flash(t, msg);
	}
	return tui_redraw();
}

/* Keys while the search text is typed (keys.h: KEYS_SCOPE_SEARCH). */
static tui_action
prompt_key(tui *t, learn_screen *s, const learn *g, const tui_event *ev)
{
	if (ev->cmd == KEYS_CMD_CONFIRM) {
		s->prompting = 0;
		if (s->edit.len > 0) {
			free(s->query);
			s->query = xstrdup(s->edit.buf);
			s->v.has_match = 0;
		}
		lineedit_free(&s->edit);
		return search(t, s, g, 1);
	}
	if (ev->cmd == KEYS_CMD_CANCEL || (ev->cmd == KEYS_CMD_EDIT_BACKSPACE && s->edit.len == 0)) {
		s->prompting = 0;
		lineedit_free(&s->edit);
		return tui_redraw();
	}
	return tui_edit_key(&s->edit, ev) ? tui_redraw() : tui_none();
}

/* The worked example's keys: app actions (only bound in its chapter, KEYS_SCOPE_LEARN_EXAMPLE). */
static tui_action
example_key(const tui_event *ev)
{
	switch (ev->cmd) {
	case KEYS_CMD_EX_ANSWER: return tui_app(LEARN_APP_EX_SET, ev->arg, NULL);
	case KEYS_CMD_EX_LESS: return tui_app(LEARN_APP_EX_STEP, -1, NULL);
	case KEYS_CMD_EX_MORE: return tui_app(LEARN_APP_EX_STEP, 1, NULL);
	case KEYS_CMD_EX_ITEM_PREV: return tui_app(LEARN_APP_EX_ITEM, -1, NULL);
	case KEYS_CMD_EX_ITEM_NEXT: return tui_app(LEARN_APP_EX_ITEM, 1, NULL);
	case KEYS_CMD_EX_SKIP: return tui_app(LEARN_APP_EX_SET, BANK_NO_ANSWER, NULL);
	case KEYS_CMD_EX_RESET: return tui_app(LEARN_APP_EX_RESET, 0, NULL);
	default: return tui_none();
	}
}

/* The mouse: the wheel scrolls, a click in the contents opens a chapter. */
static tui_action
mouse_key(learn_screen *s, const learn *g, const tui_event *ev)
{
	learn_act a = ev->button == 4 ? LEARN_ACT_UP : LEARN_ACT_DOWN;
	size_t row;

	if (ev->button == 4 || ev->button == 5) {
		int moved = 0;
		for (int i = 0; i < WHEEL_LINES; i++)
			moved |= learn_view_apply(&s->v, g, a);
		return moved ? tui_redraw() : tui_none();
	}
	if (ev->button != 1 || s->v.mode != LEARN_CONTENTS || ev->my < BODY_Y)
		return tui_none();
	row = s->v.ctop + (size_t)(ev->my - BODY_Y);
	if (row >= g->nch || row >= s->v.ctop + s->v.height)
		return tui_none();
	learn_view_open(&s->v, g, row);
	return tui_redraw();
}

/* The reader's move for a command, or LEARN_ACT_NONE. */
static learn_act
view_act(keys_cmd cmd)
{
	switch (cmd) {
	case KEYS_CMD_LINE_UP: return LEARN_ACT_UP;
	case KEYS_CMD_LINE_DOWN: return LEARN_ACT_DOWN;
	case KEYS_CMD_PAGE_UP: return LEARN_ACT_PAGE_UP;
	case KEYS_CMD_PAGE_DOWN: return LEARN_ACT_PAGE_DOWN;
	case KEYS_CMD_HALF_UP: return LEARN_ACT_HALF_UP;
	case KEYS_CMD_HALF_DOWN: return LEARN_ACT_HALF_DOWN;
	case KEYS_CMD_TOP: return LEARN_ACT_TOP;
	case KEYS_CMD_BOTTOM: return LEARN_ACT_BOTTOM;
	case KEYS_CMD_OPEN: return LEARN_ACT_OPEN;
	case KEYS_CMD_TOGGLE_CONTENTS: return LEARN_ACT_TOGGLE;
	case KEYS_CMD_CONTENTS: return LEARN_ACT_CONTENTS;
	case KEYS_CMD_CHAPTER_PREV: return LEARN_ACT_PREV_CHAPTER;
	case KEYS_CMD_CHAPTER_NEXT: return LEARN_ACT_NEXT_CHAPTER;
	default: return LEARN_ACT_NONE;
	}
}

/* The guide's keys (keys.h: KEYS_SCOPE_LEARN, KEYS_SCOPE_LEARN_EXAMPLE in the example). */
static tui_action
learn_screen_key(void *self, tui *t, void *app, const tui_event *ev)
{
	learn_screen *s = self;
	const learn *g = &((learn_app *)app)->g;
	learn_act act;

	if (s->prompting)
		return prompt_key(t, s, g, ev);
	if (ev->kind == TUI_EV_MOUSE)
		return mouse_key(s, g, ev);
	act = view_act(ev->cmd);
	if (act != LEARN_ACT_NONE)
		return learn_view_apply(&s->v, g, act) ? tui_redraw() : tui_none();
	switch (ev->cmd) {
	case KEYS_CMD_QUIT: return tui_exit(0);
	case KEYS_CMD_HELP: return tui_push(TUI_SCREEN_HELP, NULL);
	case KEYS_CMD_SEARCH:
		s->prompting = 1;
		lineedit_init(&s->edit, NULL, QUERY_MAX);
		return tui_redraw();
	case KEYS_CMD_MATCH_NEXT: return search(t, s, g, 1);
	case KEYS_CMD_MATCH_PREV: return search(t, s, g, -1);
	case KEYS_CMD_CLEAR_MATCH:
		s->v.has_match = 0;
		return tui_redraw();
	default: return example_key(ev);
	}
}

/* Which keys apply: the search prompt's, the worked example's, or the reader's. */
static keys_scope
learn_screen_scope(const void *self)
{
	const learn_screen *s = self;

	if (s->prompting)
		return KEYS_SCOPE_SEARCH;
	return in_example(s, s->g) ? KEYS_SCOPE_LEARN_EXAMPLE : KEYS_SCOPE_LEARN;
}

const tui_screen screen_learn = {
	"learn", 0, learn_screen_init, learn_screen_draw, learn_screen_key, learn_screen_fini,
	learn_screen_scope,
};

/* The worked example's changes. */
static tui_action
learn_apply(tui *t, void *data, const tui_action *a)
{
	learn *g = &((learn_app *)data)->g;

	(void)t;
	switch (a->arg) {
	case LEARN_APP_EX_ITEM: learn_example_item(g, (int)a->val); break;
	case LEARN_APP_EX_SET: learn_example_set(g, (int)a->val); break;
	case LEARN_APP_EX_STEP: learn_example_step(g, (int)a->val); break;
	case LEARN_APP_EX_RESET: learn_example_reset(g); break;
	default: return tui_none();
	}
	return tui_redraw();
}

/* Nothing to save: a signal just ends the guide. */
static int
learn_stop(void *data, tui_stop_why why)
{
	(void)data;
	return why == TUI_STOP_SIGNAL ? 130 : 0;
}

int
screen_learn_main(const content *c, const bank *b)
{
	static const tui_screen *const screens[LEARN_SCREEN_COUNT] = { &screen_learn };
	tui_opts o = { 0 };
	learn_app data;
	tui_program app = { &data, screens, LEARN_SCREEN_COUNT, learn_apply, learn_stop, "q quits" };
	tui t;
	int rc;

	if (tui_open(&t, &o) < 0)
		return -1;
	learn_init(&data.g, c, b, LAYOUT_MAX_WIDTH, 1);
	if (!t.th.utf8)
		learn_ascii(&data.g);
	rc = tui_run(&t, &app, LEARN_SCREEN_MAIN, NULL);
	tui_close(&t);
	learn_free(&data.g);
	return rc;
}
