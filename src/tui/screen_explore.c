/* screen_explore.c - the what-if plane on screen: move the point, read the style. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "plane.h"
#include "report.h"
#include "screen_explore.h"
#include "xmalloc.h"

/* Longest report path typed. */
#define PATH_MAX_BYTES 4096

/* The screen's own state. */
typedef struct explore_screen {
	explore_layout L;
	plane_layout pl;                 /* the plane as last drawn (for clicks) */
	int prompting;                   /* reading a report path after 'r' */
	lineedit edit;
	char *path;                      /* operand of the last EXPLORE_APP_LOAD */
	double point[2];                 /* operand of the last EXPLORE_APP_SET */
} explore_screen;

static void *
explore_screen_init(tui *t, void *app, const void *param)
{
	(void)t;
	(void)app;
	(void)param;
	return xcalloc(1, sizeof(explore_screen));
}

static void
explore_screen_fini(void *self)
{
	explore_screen *s = self;

	if (s->prompting)
		lineedit_free(&s->edit);
	free(s->path);
	free(s);
}

/* --- drawing --- */

/* The attribute of a plane cell; nothing relies on colour alone. */
static attr_t
cell_attr(const tui *t, int role)
{
	switch (role) {
	case PLANE_FRAME: return t->th.frame;
	case PLANE_CUTOFF: return t->th.normal | A_BOLD;
	case PLANE_LABEL: return t->th.dim;
	case PLANE_LABEL_HERE: return t->th.heading | A_BOLD | A_UNDERLINE;
	case PLANE_POINT: return t->th.selected | A_BOLD;
	case PLANE_TICK: return t->th.dim;
	case PLANE_TITLE: return t->th.normal | A_BOLD;
	default: return t->th.normal;
	}
}

/* The plane with the point; the hardware cursor on the point. */
static void
draw_plane(tui *t, explore_screen *s, const explore_app *a)
{
	const explore_layout *L = &s->L;
	plane_spec spec;
	plane_cell *cells = plane_cells_new(L->plane_w, L->plane_h);

	if (!cells)
		return;
	explore_plane_spec(a->e, &spec);
	for (int st = 0; st < STYLE_COUNT; st++)
		spec.label[st] = content_style_short(a->c, st);
	plane_render(&spec, t->th.utf8 ? &plane_glyphs_utf8 : &plane_glyphs_ascii, cells,
	             L->plane_w, L->plane_h, &s->pl);
	for (int y = 0; y < L->plane_h; y++)
		for (int x = 0; x < L->plane_w; x++) {
			const plane_cell *c = &cells[y * L->plane_w + x];
			if (c->role != PLANE_BLANK)
				tui_put(t, L->plane_y + y, L->plane_x + x, 1, c->ch, cell_attr(t, c->role));
		}
	if (s->pl.has_point)
		tui_cursor(t, L->plane_y + s->pl.py, L->plane_x + s->pl.px);
	free(cells);
}

/* A copy of s in capitals (ASCII letters), for the style's large label. */
static char *
upper(const char *s)
{
	char *u = xstrdup(s);

	for (char *p = u; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return u;
}

/* One axis: "ANXIETY  4.50  high" and a bar with the cutoff.  Returns rows used. */
static int
draw_axis(tui *t, int y, int x, int w, const char *label, const explore_axis *ax, double v,
          int rows)
{
	char line[96], bar[512];

	snprintf(line, sizeof line, "%-10s %5.2f  %s", label, v, v > ax->cutoff ? "HIGH" : "low");
	tui_put(t, y, x, w, line, t->th.normal | A_BOLD);
	if (rows < 2)
		return 1;
	report_bar(bar, sizeof bar, ax->min, ax->max, ax->cutoff, v, w > 40 ? 40 : w, t->th.utf8);
	tui_put(t, y + 1, x, w, bar, t->th.normal);
	return 2;
}

/*
 * The headline in capitals -- near a boundary every neighbouring style,
 * never one alone (SPEC 3.4) -- and below it the boundary notice.
 */
static int
draw_style(tui *t, int y, int x, int w, int rows, const explore_app *a, const explore_class *k)
{
	char *head = explore_headline(a->e, a->c, k, !t->th.utf8), *cap = upper(head), *msg;
	int used, n;

	used = tui_para(t, y, x, w, 0, rows, cap, t->th.heading | A_BOLD | A_UNDERLINE);
	used = used < rows ? used : rows;
	free(head);
	free(cap);
	if (k->near)
		msg = xasprintf("NEAR A BOUNDARY (margin %.2f): leaning slightly towards %s.",
		                k->margin, content_style_name_for(a->c, a->e->bank, k->style));
	else
		msg = xasprintf("Clear of the boundaries (margin %.2f).", k->margin);
	n = tui_para(t, y + used, x, w, 0, rows - used, msg,
	             k->near ? t->th.warn | A_BOLD : t->th.normal);
	free(msg);
	return used + (n < rows - used ? n : rows - used);
}

/* "Name: summary" of style s. */
static char *
style_summary(const explore_app *a, int s)
{
	const char *sum = content_style_text_for(a->c, a->e->bank, s, CONTENT_SUMMARY);

	return xasprintf("%s: %s", content_style_name_for(a->c, a->e->bank, s), sum ? sum : "");
}

/* Explanation paragraphs until the panel is full: near a boundary, every neighbour's summary. */
static void
draw_explanation(tui *t, int y, int x, int w, int rows, const explore_app *a, const explore_class *k)
{
	char *texts[STYLE_COUNT + 2];
	const char *txt;
	int nt = 0;

	if (k->near) {
		texts[nt++] = style_summary(a, k->style);
		for (int s = 0; s < STYLE_COUNT; s++)
			if (s != k->style && (k->near_mask & (1u << s)))
				texts[nt++] = style_summary(a, s);
		texts[nt++] = xstrdup(content_near_boundary(a->c));
	} else {
		for (int f = 0; f < 2; f++) {
			txt = content_style_text_for(a->c, a->e->bank, k->style,
			                             f ? CONTENT_IN_RELATIONSHIPS : CONTENT_SUMMARY);
			texts[nt++] = txt ? xstrdup(txt) : NULL;
		}
	}
	for (int i = 0; i < nt; i++) {
		int n = rows > 0 ? tui_para(t, y, x, w, 0, rows, texts[i], t->th.normal) : 0;
		n = n < rows ? n : rows;
		y += n + 1;
		rows -= n + 1;
		free(texts[i]);
	}
}

/* The panel: both scores, the style, the notice, the explanation. */
static void
draw_panel(tui *t, const explore_screen *s, const explore_app *a)
{
	const explore_layout *L = &s->L;
	explore_class k;
	int y = L->panel_y, rows = L->panel_h, n, bars = rows >= 14 ? 2 : 1;

	explore_classify(a->e, &k);
	n = draw_axis(t, y, L->panel_x, L->panel_w, "ANXIETY", &a->e->anx, a->e->anxiety, bars);
	y += n;
	n = draw_axis(t, y, L->panel_x, L->panel_w, "AVOIDANCE", &a->e->avo, a->e->avoidance, bars);
	y += n + 1;
	rows = L->panel_y + L->panel_h - y;
	if (rows <= 0)
		return;
	n = draw_style(t, y, L->panel_x, L->panel_w, rows, a, &k);
	y += n + 1;
	rows = L->panel_y + L->panel_h - y;
	if (rows > 0)
		draw_explanation(t, y, L->panel_x, L->panel_w, rows, a, &k);
}

/* Title bar, status line (prompt or note) and key reminder. */
static void
draw_bars(tui *t, explore_screen *s, const explore_app *a)
{
	static const hints_item keys[] = {
		{ "arrows move", NULL, 1 }, { "HJKL big", NULL, 3 }, { "1-4 typical", NULL, 2 },
		{ "r report", NULL, 2 }, { "? help", NULL, 0 }, { "q quit", NULL, 0 },
	};
	const explore_layout *L = &s->L;
	char *title = xasprintf("securebase explore: %s", a->e->bank->title);

	tui_fill(t, L->title_y, 0, t->cols, t->th.title);
	tui_put_ell(t, L->title_y, 1, t->cols - 20, title, t->th.title | A_BOLD);
	tui_put(t, L->title_y, t->cols - 17, 17, "nothing is saved", t->th.title);
	free(title);
	if (s->prompting) {
		text_lines rows = { 0 };
		int crow, ccol, w = t->cols - 14;
		size_t n = lineedit_wrap(&s->edit, w, &rows, &crow, &ccol);
		const text_line *r = &rows.v[n - 1];
		char *part = xstrndup(s->edit.buf + r->off, r->len);
		tui_put(t, L->status_y, 1, 12, "Report file:", t->th.key | A_BOLD);
		tui_put(t, L->status_y, 14, w, part, t->th.normal);
		tui_cursor(t, L->status_y, 14 + (crow == (int)n - 1 ? ccol : r->width));
		free(part);
		text_lines_free(&rows);
	} else if (a->note) {
		tui_put_ell(t, L->status_y, 1, t->cols - 2, a->note,
		            a->note_error ? t->th.warn | A_BOLD : t->th.normal);
	}
	tui_hints(t, L->keys_y, 1, t->cols - 2, keys, sizeof keys / sizeof *keys, 3, t->th.key);
}

static int
explore_screen_draw(void *self, tui *t, void *app)
{
	explore_screen *s = self;
	const explore_app *a = app;

	explore_layout_compute(&s->L, t->cols, t->rows);
	if (!s->L.fits)
		return tui_need(t, EXPLORE_MIN_COLS, EXPLORE_MIN_ROWS);
	memset(&s->pl, 0, sizeof s->pl);
	if (s->L.plane_w > 0)
		draw_plane(t, s, a);
	draw_panel(t, s, a);
	draw_bars(t, s, a);
	return 0;
}

/* --- keys --- */

/* "~/x" is $HOME/x; anything else as typed. */
static char *
expand_path(const char *p)
{
	const char *home = getenv("HOME");

	if (p[0] == '~' && (p[1] == '/' || p[1] == '\0') && home && *home)
		return xasprintf("%s%s", home, p + 1);
	return xstrdup(p);
}

/* Keys while the report path is typed (keys.h: KEYS_SCOPE_REPORT_PATH). */
static tui_action
prompt_key(explore_screen *s, const tui_event *ev)
{
	if (ev->cmd == KEYS_CMD_CONFIRM) {
		s->prompting = 0;
		free(s->path);
		s->path = s->edit.len ? expand_path(s->edit.buf) : NULL;
		lineedit_free(&s->edit);
		return s->path ? tui_app(EXPLORE_APP_LOAD, 0, s->path) : tui_redraw();
	}
	if (ev->cmd == KEYS_CMD_CANCEL) {
		s->prompting = 0;
		lineedit_free(&s->edit);
		return tui_redraw();
	}
	return tui_edit_key(&s->edit, ev) ? tui_redraw() : tui_none();
}

/* A click on the plane moves the point there. */
static tui_action
mouse_key(explore_screen *s, const explore_app *a, const tui_event *ev)
{
	if (ev->button != 1 || s->L.plane_w == 0 ||
	    explore_point_at_cell(a->e, &s->pl, ev->mx - s->L.plane_x, ev->my - s->L.plane_y,
	                          &s->point[0], &s->point[1]) < 0)
		return tui_none();
	return tui_app(EXPLORE_APP_SET, 0, s->point);
}

/* The move a command makes, or NULL (the operand of EXPLORE_APP_MOVE). */
static const explore_delta *
move_of(keys_cmd cmd)
{
	static const explore_delta up = { 1, 0, 0 }, down = { -1, 0, 0 }, left = { 0, -1, 0 },
	        right = { 0, 1, 0 }, big_up = { 1, 0, 1 }, big_down = { -1, 0, 1 },
	        big_left = { 0, -1, 1 }, big_right = { 0, 1, 1 };

	switch (cmd) {
	case KEYS_CMD_MOVE_UP: return &up;
	case KEYS_CMD_MOVE_DOWN: return &down;
	case KEYS_CMD_MOVE_LEFT: return &left;
	case KEYS_CMD_MOVE_RIGHT: return &right;
	case KEYS_CMD_BIG_UP: return &big_up;
	case KEYS_CMD_BIG_DOWN: return &big_down;
	case KEYS_CMD_BIG_LEFT: return &big_left;
	case KEYS_CMD_BIG_RIGHT: return &big_right;
	default: return NULL;
	}
}

/* The plane's keys (keys.h: KEYS_SCOPE_EXPLORE), or the path prompt's. */
static tui_action
explore_screen_key(void *self, tui *t, void *app, const tui_event *ev)
{
	explore_screen *s = self;
	const explore_app *a = app;
	const explore_delta *step = move_of(ev->cmd);

	(void)t;
	if (s->prompting)
		return prompt_key(s, ev);
	if (ev->kind == TUI_EV_MOUSE)
		return mouse_key(s, a, ev);
	if (step)
		return tui_app(EXPLORE_APP_MOVE, 0, step);
	switch (ev->cmd) {
	case KEYS_CMD_QUIT: return tui_exit(0);
	case KEYS_CMD_HELP: return tui_push(TUI_SCREEN_HELP, NULL);
	case KEYS_CMD_JUMP_STYLE: return tui_app(EXPLORE_APP_TYPICAL, ev->arg, NULL);
	case KEYS_CMD_CENTRE: return tui_app(EXPLORE_APP_SET, 0, NULL);
	case KEYS_CMD_LOAD_REPORT:
		s->prompting = 1;
		lineedit_init(&s->edit, NULL, PATH_MAX_BYTES);
		return tui_redraw();
	case KEYS_CMD_CLEAR_NOTE: return tui_app(EXPLORE_APP_CLEAR_NOTE, 0, NULL);
	default: return tui_none();
	}
}

/* Which keys apply: the path prompt's while it is open. */
static keys_scope
explore_screen_scope(const void *self)
{
	const explore_screen *s = self;

	return s->prompting ? KEYS_SCOPE_REPORT_PATH : KEYS_SCOPE_EXPLORE;
}

const tui_screen screen_explore = {
	"explore", 0, explore_screen_init, explore_screen_draw, explore_screen_key,
	explore_screen_fini, explore_screen_scope,
};

/* Replace the note. */
static void
set_note(explore_app *a, char *note, int error)
{
	free(a->note);
	a->note = note;
	a->note_error = error;
}

/* Load a report; its note or its first problem becomes the status line. */
static void
load_report(explore_app *a, const char *path)
{
	errlist errs;
	char *note;

	errlist_init(&errs);
	if (explore_load_report(a->e, path, &note, &errs) == 0) {
		set_note(a, note, 0);
	} else {
		char buf[512];
		set_note(a, xstrdup(errs.n ? err_format(&errs.v[0], buf, sizeof buf)
		                           : "The report cannot be read."), 1);
	}
	errlist_free(&errs);
}

/* Apply a change of the point. */
static tui_action
explore_apply(tui *t, void *data, const tui_action *act)
{
	explore_app *a = data;
	const explore_delta *st = act->ptr;
	const double *p = act->ptr;

	(void)t;
	switch (act->arg) {
	case EXPLORE_APP_MOVE: explore_move(a->e, st->d_anx, st->d_avo, st->big); break;
	case EXPLORE_APP_SET:
		if (p)
			explore_set(a->e, p[0], p[1]);
		else
			explore_set(a->e, a->e->anx.cutoff, a->e->avo.cutoff);
		break;
	case EXPLORE_APP_TYPICAL: explore_typical(a->e, (int)act->val); break;
	case EXPLORE_APP_LOAD: load_report(a, act->ptr); break;
	case EXPLORE_APP_CLEAR_NOTE: set_note(a, NULL, 0); break;
	default: return tui_none();
	}
	return tui_redraw();
}

/* Nothing to save: a signal just ends the explorer. */
static int
explore_stop(void *data, tui_stop_why why)
{
	(void)data;
	return why == TUI_STOP_SIGNAL ? 130 : 0;
}

int
screen_explore_main(explore *e, const content *c, int mouse)
{
	static const tui_screen *const screens[EXPLORE_SCREEN_COUNT] = { &screen_explore };
	tui_opts o = { !mouse };
	explore_app data = { e, c, NULL, 0 };
	tui_program app = { &data, screens, EXPLORE_SCREEN_COUNT, explore_apply, explore_stop,
	                "q quits (nothing is saved)" };
	tui t;
	int rc;

	if (tui_open(&t, &o) < 0)
		return -1;
	rc = tui_run(&t, &app, EXPLORE_SCREEN_MAIN, NULL);
	tui_close(&t);
	free(data.note);
	return rc;
}
