/*
 * screen_results.c - a minimal results screen (see screen_results.h for the
 * contract): the style, the scores, the quality notes, what it means and
 * where to find help, as one scrolling page built from the report.  The
 * results issue replaces it with the full screen (sections, plane, saving).
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "report.h"
#include "run_ui.h"
#include "screen_results.h"
#include "xmalloc.h"

typedef struct results {
	const report *rep;       /* borrowed from the app */
	report_doc doc;
	int top, view, total;
} results;

static const tui_help results_help[] = {
	{ TUI_CMD_FORWARD, NULL, "scroll down" },
	{ TUI_CMD_BACK, NULL, "scroll up" },
	{ TUI_CMD_NONE, "b", "back to your answers (to change one)" },
	{ TUI_CMD_CONFIRM, NULL, "finish" },
	{ TUI_CMD_QUIT, NULL, "finish" },
	{ TUI_CMD_NONE, NULL, NULL },
};

static void *
results_init(tui *t, void *app, const void *param)
{
	results *v = xcalloc(1, sizeof *v);
	static const report_section secs[] = {
		REPORT_SEC_RESULT, REPORT_SEC_SCORES, REPORT_SEC_QUALITY, REPORT_SEC_MEANING,
		REPORT_SEC_HELP,
	};

	(void)app;
	v->rep = param;
	for (size_t i = 0; i < sizeof secs / sizeof *secs; i++)
		report_section_doc(v->rep, secs[i], t->th.utf8 ? REPORT_UTF8 : 0, 1, &v->doc);
	return v;
}

static void
results_fini(void *self)
{
	results *v = self;

	report_doc_free(&v->doc);
	free(v);
}

/* Attribute for a kind of block. */
static attr_t
block_attr(const tui *t, report_block_kind k)
{
	switch (k) {
	case RB_TITLE: return t->th.title;
	case RB_HEADING: case RB_SUBHEADING: case RB_STRONG: return t->th.heading;
	case RB_MINOR: return A_UNDERLINE;
	default: return t->th.normal;
	}
}

/* Draw one preformatted block line by line; returns the lines it has. */
static int
draw_pre(tui *t, int y0, int x, int w, int top, int line, int view, const char *s)
{
	int n = 0;

	for (const char *p = s; ; n++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		int y = line + n - top;
		if (y >= 0 && y < view) {
			char *l = xstrndup(p, len);
			tui_put(t, y0 + y, x, w, l, t->th.normal);
			free(l);
		}
		if (!e)
			return n + 1;
		p = e + 1;
	}
}

static int
results_draw(void *self, tui *t, void *app)
{
	results *v = self;
	int x, w = layout_block(t->cols, &x), line = 0;

	(void)app;
	v->view = t->rows - 2;
	for (size_t i = 0; i < v->doc.n; i++) {
		const report_block *b = &v->doc.v[i];
		int skip;
		if (i && (b->kind == RB_HEADING || b->kind == RB_SUBHEADING || b->kind == RB_TITLE))
			line++;
		if (b->kind == RB_PRE) {
			line += draw_pre(t, 0, x, w, v->top, line, v->view, b->text);
			continue;
		}
		skip = line < v->top ? v->top - line : 0;
		line += tui_para(t, line - v->top + skip, x + (b->kind == RB_BULLET ? 2 : 0),
		                 w - (b->kind == RB_BULLET ? 2 : 0), skip,
		                 v->view - (line > v->top ? line - v->top : 0), b->text,
		                 block_attr(t, b->kind));
	}
	v->total = line;
	if (v->top + v->view < v->total)
		tui_put(t, t->rows - 2, x + w - 1, 1, "v", t->th.dim);
	tui_put_ell(t, t->rows - 1, x, w, "Up/Down scroll  b back to your answers  "
	            "q or Enter finish  ? help", t->th.dim);
	tui_cursor(t, 0, x);
	return 0;
}

/* Scroll by d lines within the page. */
static tui_action
scroll_by(results *v, int d)
{
	v->top += d;
	if (v->top > v->total - v->view)
		v->top = v->total - v->view;
	if (v->top < 0)
		v->top = 0;
	return tui_redraw();
}

static tui_action
results_key(void *self, tui *t, void *app, const tui_event *ev)
{
	results *v = self;
	int page = v->view > 1 ? v->view - 1 : 1;

	(void)t;
	(void)app;
	if (ev->kind == TUI_EV_MOUSE)
		return ev->button == 4 ? scroll_by(v, -3) : ev->button == 5 ? scroll_by(v, 3) : tui_none();
	if (ev->kind == TUI_EV_CHAR && ev->ch == 'b')
		return tui_app(RUN_ACT_REVIEW, 0, NULL);
	switch (ev->cmd) {
	case TUI_CMD_BACK:
		return ev->key == KEY_BACKSPACE ? tui_app(RUN_ACT_REVIEW, 0, NULL)
		       : scroll_by(v, ev->key == KEY_PPAGE ? -page : -1);
	case TUI_CMD_FORWARD: return scroll_by(v, ev->key == KEY_NPAGE ? page : 1);
	case TUI_CMD_HOME: return scroll_by(v, -v->total);
	case TUI_CMD_END: return scroll_by(v, v->total);
	case TUI_CMD_HELP: return tui_push(TUI_SCREEN_HELP, results_help);
	case TUI_CMD_CONFIRM: case TUI_CMD_QUIT: case TUI_CMD_CANCEL:
		return tui_exit(0);
	default: return tui_none();
	}
}

const tui_screen screen_results = {
	"results", 0, results_init, results_draw, results_key, results_fini, results_help,
};
