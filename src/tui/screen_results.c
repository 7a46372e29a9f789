/*
 * screen_results.c - the results screen: the style, the attachment plane,
 * the scale bars, the six sections and saving a report (see
 * screen_results.h).  What to show and where comes from results.h; this
 * file only draws it and turns keys into moves.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lineedit.h"
#include "report.h"
#include "results.h"
#include "run_ui.h"
#include "screen_results.h"
#include "tui.h"
#include "xmalloc.h"

/* Lines the mouse wheel scrolls. */
#define WHEEL_LINES 3
/* Longest file name accepted in the save dialog (bytes). */
#define PATH_MAX_LEN 4096

typedef enum rs_mode { RS_VIEW, RS_PATH, RS_CONSENT, RS_REPLACE } rs_mode;

typedef struct rs {
	const report *r;                 /* borrowed from the app */
	results_view v;
	int cols, rows;                  /* the size the layout was computed for */
	rs_mode mode;
	lineedit edit;                   /* the file name being typed (RS_PATH only) */
	char *path;                      /* the chosen file, while asking more */
	int include;                     /* consent to include reflections */
	char msg[512];                   /* a problem shown in the save dialog */
	int tab_x[RESULTS_TABS], tab_w[RESULTS_TABS];   /* where the tabs were drawn */
} rs;

static void *
rs_init(tui *t, void *app, const void *param)
{
	rs *s = xcalloc(1, sizeof *s);
	(void)app;
	s->r = param;
	results_init(&s->v, s->r, t->th.utf8);
	s->cols = s->rows = -1;
	return s;
}

static void
rs_fini(void *self)
{
	rs *s = self;
	results_free(&s->v);
	if (s->mode == RS_PATH)
		lineedit_free(&s->edit);
	free(s->path);
	free(s);
}

/* --- drawing ------------------------------------------------------------ */

/* Attribute of a plane cell by its role: readable without colour. */
static attr_t
plane_attr(const tui *t, int role)
{
	switch (role) {
	case PLANE_FRAME: return t->th.frame;
	case PLANE_CUTOFF: return t->th.frame | A_BOLD;
	case PLANE_LABEL_HERE: return A_BOLD | A_UNDERLINE;
	case PLANE_POINT: return A_BOLD | A_REVERSE;
	case PLANE_TICK:
	case PLANE_TITLE: return t->th.dim;
	default: return A_NORMAL;
	}
}

/* The attachment plane, scaled to its box (cells are display-ready: plane.h). */
static void
draw_plane(tui *t, const rs *s)
{
	const results_layout *L = &s->v.L;
	plane_cell *c = plane_cells_new(L->plane_w, L->plane_h);
	if (!c)
		return;
	plane_render(&s->v.plane, t->th.utf8 ? &plane_glyphs_utf8 : &plane_glyphs_ascii, c,
	             L->plane_w, L->plane_h, NULL);
	for (int y = 0; y < L->plane_h; y++)
		for (int x = 0; x < L->plane_w; x++) {
			const plane_cell *pc = &c[(size_t)y * (size_t)L->plane_w + (size_t)x];
			if (strcmp(pc->ch, " ") == 0)
				continue;
			attrset(plane_attr(t, pc->role));
			mvaddstr(L->plane_y + y, L->plane_x + x, pc->ch);
		}
	attrset(A_NORMAL);
	free(c);
}

/* One bar block: name and value, the bar, the detail (or all on one row). */
static void
draw_bar(tui *t, const rs *s, size_t i, int y)
{
	const results_layout *L = &s->v.L;
	const results_bar *b = &s->v.bars[i];
	char bar[512];
	attr_t na = b->marked ? A_BOLD | A_UNDERLINE : A_BOLD;
	int vw = (int)strlen(b->value);

	if (L->bar_rows == 1) {
		int nw = L->bars_w / 3 < 24 ? L->bars_w / 3 : 24;
		int bw = L->bars_w - nw - vw - 2;
		tui_put_ell(t, y, L->bars_x, nw, b->name, na);
		tui_put(t, y, L->bars_x + nw + 1, vw, b->value, A_NORMAL);
		if (bw > 0) {
			report_bar(bar, sizeof bar, b->lo, b->hi, b->cut, b->score, bw, t->th.utf8);
			tui_put(t, y, L->bars_x + nw + vw + 2, bw, bar, A_NORMAL);
		}
		return;
	}
	tui_put_ell(t, y, L->bars_x, L->bars_w - vw - 1, b->name, na);
	tui_put(t, y, L->bars_x + L->bars_w - vw, vw, b->value, A_BOLD);
	report_bar(bar, sizeof bar, b->lo, b->hi, b->cut, b->score, L->bars_w, t->th.utf8);
	tui_put(t, y + 1, L->bars_x, L->bars_w, bar, A_NORMAL);
	tui_put_ell(t, y + 2, L->bars_x, L->bars_w, b->detail, t->th.dim);
}

/* Every bar that fits in the bars box. */
static void
draw_bars(tui *t, const rs *s)
{
	const results_layout *L = &s->v.L;
	if (L->bars_head_y >= 0)
		tui_put_ell(t, L->bars_head_y, L->bars_x, L->bars_w, results_bars_title(&s->v),
		            t->th.heading);
	for (size_t i = 0; i < s->v.nbars; i++) {
		int y = L->bars_y + (int)i * L->bar_rows;
		if (y + L->bar_rows > L->bars_y + L->bars_h)
			break;
		draw_bar(t, s, i, y);
	}
}

/* Total width of the tab row with full or short titles. */
static int
tabs_width(int short_form)
{
	int w = 0;
	for (int i = 0; i < RESULTS_TABS; i++)
		w += text_width(results_tab_title(i, short_form)) + 2 + (i > 0);
	return w;
}

/* Where the body is ("8-14 of 40") at the right of the tab row, when it scrolls. */
static void
draw_position(tui *t, const rs *s, int used_to)
{
	const results_layout *L = &s->v.L;
	char pos[64];
	int last = s->v.scroll + L->body_h;

	if (results_max_scroll(&s->v) == 0 || L->body_h <= 0)
		return;
	snprintf(pos, sizeof pos, "%d-%d of %zu", s->v.scroll + 1,
	         last < (int)s->v.nlines ? last : (int)s->v.nlines, s->v.nlines);
	int pw = (int)strlen(pos);
	if (used_to + pw + 1 <= L->x + L->w)
		tui_put(t, L->tabs_y, L->x + L->w - pw, pw, pos, t->th.dim);
}

/* The section tabs, the current one in reverse video; remembers where they are. */
static void
draw_tabs(tui *t, rs *s)
{
	const results_layout *L = &s->v.L;
	int x = L->x, sf = tabs_width(0) > L->w;

	memset(s->tab_w, 0, sizeof s->tab_w);
	if (sf && tabs_width(1) > L->w) {
		char one[128];
		snprintf(one, sizeof one, "< %d/%d %s >", s->v.tab + 1, RESULTS_TABS,
		         results_tab_title(s->v.tab, 0));
		s->tab_x[s->v.tab] = x;
		s->tab_w[s->v.tab] = tui_put_ell(t, L->tabs_y, x, L->w, one, t->th.selected);
		return;
	}
	for (int i = 0; i < RESULTS_TABS; i++) {
		char label[64];
		snprintf(label, sizeof label, " %s ", results_tab_title(i, sf));
		int w = text_width(label);
		s->tab_x[i] = x;
		s->tab_w[i] = w;
		tui_put(t, L->tabs_y, x, w, label, i == s->v.tab ? t->th.selected : A_UNDERLINE);
		x += w + 1;
	}
	draw_position(t, s, x);
}

/* Attribute of a body line. */
static attr_t
line_attr(const tui *t, results_kind k)
{
	switch (k) {
	case RL_SUB: return t->th.heading | A_UNDERLINE;
	case RL_MINOR: return A_UNDERLINE;
	case RL_STRONG: return A_BOLD;
	default: return A_NORMAL;
	}
}

/* The current section, from the scroll position. */
static void
draw_body(tui *t, const rs *s)
{
	const results_layout *L = &s->v.L;
	for (int i = 0; i < L->body_h; i++) {
		size_t n = (size_t)s->v.scroll + (size_t)i;
		if (n >= s->v.nlines)
			break;
		tui_put(t, L->body_y + i, L->x, L->w, s->v.lines[n].text,
		        line_attr(t, s->v.lines[n].kind));
	}
}

/* Title, headline and summary (the last summary row ellipsized when cut). */
static void
draw_head(tui *t, const rs *s)
{
	const results_layout *L = &s->v.L;
	tui_put_ell(t, L->title_y, L->x, L->w, s->v.title, t->th.title);
	tui_put_ell(t, L->head_y, L->x, L->w, s->v.headline, t->th.heading | A_UNDERLINE);
	for (int i = 0; i < L->sum_h; i++) {
		const text_line *ln = &s->v.sum_lines.v[i];
		int last = i == L->sum_h - 1 && (size_t)L->sum_h < s->v.sum_lines.n;
		char *row = last ? xstrdup(s->v.summary + ln->off)
		                 : xstrndup(s->v.summary + ln->off, ln->len);
		tui_put_ell(t, L->sum_y + i, L->x, L->w, row, A_NORMAL);
		free(row);
	}
}

/* A box in the middle of the window with a title; returns its place. */
static void
dialog_box(tui *t, int h, int *y, int *x, int *w, const char *title)
{
	*w = t->cols - 2 < 100 ? t->cols - 2 : 100;
	if (h > t->rows)
		h = t->rows;
	*x = (t->cols - *w) / 2;
	*y = (t->rows - h) / 2;
	tui_box(t, *y, *x, h, *w);
	tui_put(t, *y, *x + 2, *w - 4, title, t->th.title);
}

/* The file-name prompt, with the field scrolled to the cursor. */
static void
draw_path(tui *t, rs *s)
{
	static const hints_item keys[] = { { "Enter: save", NULL, 0 }, { "Esc: cancel", NULL, 0 } };
	text_lines rows = { 0 };
	int crow, ccol, y, x, w, fw;

	dialog_box(t, 11, &y, &x, &w, " Save a report ");
	fw = w - 4;
	tui_put(t, y + 1, x + 2, fw, "Where should the report go?", A_NORMAL);
	size_t n = lineedit_wrap(&s->edit, fw, &rows, &crow, &ccol);
	int top = crow > 2 ? crow - 2 : 0;
	for (int i = 0; i < 3; i++) {
		tui_fill(t, y + 2 + i, x + 2, fw, A_UNDERLINE);
		if ((size_t)top + (size_t)i < n) {
			char *part = xstrndup(s->edit.buf + rows.v[top + i].off, rows.v[top + i].len);
			tui_put(t, y + 2 + i, x + 2, fw, part, A_UNDERLINE);
			free(part);
		}
	}
	text_lines_free(&rows);
	tui_para(t, y + 5, x + 2, fw, 0, 2, "The ending picks the format: .txt text, .md "
	         "Markdown, .json JSON. Only you can read the file (mode 600).", t->th.dim);
	if (s->msg[0])
		tui_put_ell(t, y + 7, x + 2, fw, s->msg, t->th.warn);
	tui_hints(t, y + 9, x + 2, fw, keys, sizeof keys / sizeof *keys, 4, t->th.key);
	tui_cursor(t, y + 2 + crow - top, x + 2 + ccol);
}

/* A yes/no question in a box. */
static void
draw_question(tui *t, const char *title, const char *text, const hints_item *keys, size_t nk)
{
	int y, x, w;
	dialog_box(t, 9, &y, &x, &w, title);
	tui_para(t, y + 2, x + 2, w - 4, 0, 4, text, A_NORMAL);
	tui_hints(t, y + 7, x + 2, w - 4, keys, nk, 3, t->th.key);
	tui_cursor(t, y + 7, x + 2);
}

static int
rs_draw(void *self, tui *t, void *app)
{
	static const hints_item consent[] = {
		{ "y: include them", NULL, 0 }, { "n or Enter: leave them out", "n: leave them out", 0 },
		{ "Esc: cancel", NULL, 1 },
	};
	static const hints_item replace[] = {
		{ "y: replace", NULL, 0 }, { "n or Esc: choose another name", "n: another name", 0 },
	};
	rs *s = self;
	const results_layout *L = &s->v.L;
	(void)app;

	if (t->cols != s->cols || t->rows != s->rows) {
		results_layout_compute(&s->v, t->cols, t->rows);
		s->cols = t->cols;
		s->rows = t->rows;
	}
	if (!L->fits)
		return tui_need(t, RESULTS_MIN_COLS, RESULTS_MIN_ROWS);
	draw_head(t, s);
	if (L->plane_w > 0)
		draw_plane(t, s);
	if (L->bars_h > 0)
		draw_bars(t, s);
	draw_tabs(t, s);
	draw_body(t, s);
	int narrow = L->w < 72;
	if (L->note_y >= 0)
		tui_put_ell(t, L->note_y, L->x, L->w, results_note(narrow), t->th.dim);
	size_t nk;
	const hints_item *keys = results_hints(&nk);
	tui_hints(t, L->keys_y, L->x, L->w, keys, nk, 2, t->th.key);
	tui_cursor(t, L->tabs_y, s->tab_x[s->v.tab]);
	if (s->mode == RS_PATH)
		draw_path(t, s);
	else if (s->mode == RS_CONSENT)
		draw_question(t, " Your reflections ", "Your written reflections are private. "
		              "Should this file include them? Only say yes if you want to keep "
		              "or share them.", consent, sizeof consent / sizeof *consent);
	else if (s->mode == RS_REPLACE)
		draw_question(t, " Replace the file? ", "A file with this name already exists. "
		              "Replace it with the new report?", replace,
		              sizeof replace / sizeof *replace);
	return 0;
}

/* --- saving ------------------------------------------------------------- */

/* Open the save dialog with a suggested dated name. */
static tui_action
start_save(rs *s)
{
	char *dir = report_default_dir();
	char *path = dir ? report_suggest_path(dir, s->r->b->id, REPORT_TEXT, time(NULL))
	                 : xstrdup("securebase-report.txt");
	lineedit_init(&s->edit, path, PATH_MAX_LEN);
	free(path);
	free(dir);
	s->msg[0] = '\0';
	s->mode = RS_PATH;
	return tui_redraw();
}

/* True when the report holds a free-text answer worth asking about. */
static int
has_reflections(const report *r)
{
	for (size_t i = 0; r->texts && i < r->b->nitems; i++)
		if (r->b->items[i].type == ITEM_TEXT && r->texts[i] &&
		    r->texts[i][strspn(r->texts[i], " \t\n")])
			return 1;
	return 0;
}

/* "Report saved: PATH" on the message line, the path shortened in the middle (name kept). */
static void
flash_saved(tui *t, const char *path)
{
	static const char label[] = "Report saved: ";
	char *clean = tui_text(t, path, 1), *p = NULL;
	int w = t->cols - 2 - (int)(sizeof label - 1);

	do {                           /* within the message buffer too, whatever the bytes */
		free(p);
		p = text_ellipsize_path(clean, w, t->th.utf8);
	} while (sizeof label + strlen(p) > sizeof t->flash && --w > 0);
	char line[sizeof t->flash];
	snprintf(line, sizeof line, "%s%s", label, p);
	tui_flash(t, line);
	free(p);
	free(clean);
}

/* Write the file; back to the prompt with the reason when it fails. */
static tui_action
do_save(tui *t, rs *s)
{
	errlist errs = { 0 };
	report copy = *s->r;

	copy.include_reflections = s->include;
	int rc = report_save(&copy, s->path, report_format_for_path(s->path), &errs);
	if (rc == 0) {
		flash_saved(t, s->path);
		s->mode = RS_VIEW;
	} else {
		err_format(&errs.v[0], s->msg, sizeof s->msg);
		lineedit_init(&s->edit, s->path, PATH_MAX_LEN);
		s->mode = RS_PATH;
	}
	errlist_free(&errs);
	return tui_redraw();
}

/* "~/x" -> "$HOME/x"; otherwise a copy. */
static char *
expand_home(const char *p)
{
	const char *home = getenv("HOME");
	if (p[0] == '~' && p[1] == '/' && home && *home)
		return xasprintf("%s%s", home, p + 1);
	return xstrdup(p);
}

/* True when p names a file directly inside dir. */
static int
in_dir(const char *p, const char *dir)
{
	const char *slash = strrchr(p, '/');
	size_t n = strlen(dir);
	return slash && (size_t)(slash - p) == n && strncmp(p, dir, n) == 0;
}

/* Say in msg why no file can be written at p (its folder is missing or
 * read-only, or p is a folder); msg is emptied when it looks writable. */
static void
check_place(const char *p, char *msg, size_t size)
{
	struct stat st;
	const char *slash = strrchr(p, '/');
	char *dir = slash == p ? xstrdup("/") : slash ? xstrndup(p, (size_t)(slash - p)) : xstrdup(".");

	msg[0] = '\0';
	if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(msg, size, "Cannot save there: %s is a folder.", p);
	else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		snprintf(msg, size, "Cannot save there: the folder %s does not exist.", dir);
	else if (access(dir, W_OK) != 0)
		snprintf(msg, size, "Cannot save there: %s: %s.", dir, strerror(errno));
	free(dir);
}

/* The name typed: check it, make the default directory, then ask what is left. */
static tui_action
path_chosen(tui *t, rs *s)
{
	struct stat st;
	char *p = expand_home(s->edit.buf + strspn(s->edit.buf, " "));
	char *dir = report_default_dir();

	if (!*p || p[strlen(p) - 1] == '/')
		snprintf(s->msg, sizeof s->msg, "Please type a file name.");
	else if (dir && in_dir(p, dir) && report_mkdirs(dir) != 0)
		snprintf(s->msg, sizeof s->msg, "Cannot create %s: %s", dir, strerror(errno));
	else
		check_place(p, s->msg, sizeof s->msg);
	free(dir);
	if (s->msg[0]) {
		free(p);
		return tui_redraw();
	}
	lineedit_free(&s->edit);
	free(s->path);
	s->path = p;
	s->include = 0;
	if (stat(p, &st) == 0 && !S_ISDIR(st.st_mode)) {
		s->mode = RS_REPLACE;
		return tui_redraw();
	}
	if (has_reflections(s->r)) {
		s->mode = RS_CONSENT;
		return tui_redraw();
	}
	return do_save(t, s);
}

/* Keys while typing the file name: the editing keys, Enter, Esc (keys.h: KEYS_SCOPE_SAVE_PATH). */
static tui_action
path_key(tui *t, rs *s, const tui_event *ev)
{
	if (tui_edit_key(&s->edit, ev))
		return tui_redraw();
	switch (ev->cmd) {
	case KEYS_CMD_CONFIRM: return path_chosen(t, s);
	case KEYS_CMD_CANCEL:
		lineedit_free(&s->edit);
		s->mode = RS_VIEW;
		return tui_redraw();
	default: return tui_none();
	}
}

/* Back to the file-name prompt with the chosen name. */
static tui_action
reopen_path(rs *s)
{
	lineedit_init(&s->edit, s->path, PATH_MAX_LEN);
	s->msg[0] = '\0';
	s->mode = RS_PATH;
	return tui_redraw();
}

/* Keys of the two yes/no questions (keys.h: KEYS_SCOPE_SAVE_QUESTION). */
static tui_action
question_key(tui *t, rs *s, const tui_event *ev)
{
	int yes = ev->cmd == KEYS_CMD_YES, no = ev->cmd == KEYS_CMD_NO;
	int esc = ev->cmd == KEYS_CMD_CANCEL;

	if (s->mode == RS_REPLACE) {
		if (yes && has_reflections(s->r)) {
			s->mode = RS_CONSENT;
			return tui_redraw();
		}
		if (yes)
			return do_save(t, s);
		return no || esc ? reopen_path(s) : tui_none();
	}
	if (esc) {
		s->mode = RS_VIEW;
		return tui_redraw();
	}
	if (yes || no) {
		s->include = yes;
		return do_save(t, s);
	}
	return tui_none();
}

/* --- keys --------------------------------------------------------------- */

/* The mouse: the wheel scrolls, a click on a tab opens it. */
static tui_action
mouse_key(rs *s, const tui_event *ev)
{
	if (ev->button == 4 || ev->button == 5) {
		results_scroll(&s->v, ev->button == 4 ? -WHEEL_LINES : WHEEL_LINES);
		return tui_redraw();
	}
	if (ev->button != 1 || ev->my != s->v.L.tabs_y)
		return tui_none();
	for (int i = 0; i < RESULTS_TABS; i++)
		if (s->tab_w[i] && ev->mx >= s->tab_x[i] && ev->mx < s->tab_x[i] + s->tab_w[i]) {
			results_tab_set(&s->v, i);
			return tui_redraw();
		}
	return tui_none();
}

/* Moving through the sections and scrolling them. */
static tui_action
view_key(rs *s, const tui_event *ev)
{
	switch (ev->cmd) {
	case KEYS_CMD_SECTION_GOTO: results_tab_set(&s->v, ev->arg); break;
	case KEYS_CMD_SECTION_NEXT: results_tab_move(&s->v, 1); break;
	case KEYS_CMD_SECTION_PREV: results_tab_move(&s->v, -1); break;
	case KEYS_CMD_LINE_UP: results_scroll(&s->v, -1); break;
	case KEYS_CMD_LINE_DOWN: results_scroll(&s->v, 1); break;
	case KEYS_CMD_PAGE_UP: results_page(&s->v, -1); break;
	case KEYS_CMD_PAGE_DOWN: results_page(&s->v, 1); break;
	case KEYS_CMD_TOP: results_home(&s->v); break;
	case KEYS_CMD_BOTTOM: results_end(&s->v); break;
	default: return tui_none();
	}
	return tui_redraw();
}

/* The results' keys: the sections, or the save dialog's (keys.h: KEYS_SCOPE_RESULTS). */
static tui_action
rs_key(void *self, tui *t, void *app, const tui_event *ev)
{
	rs *s = self;
	(void)app;

	if (s->mode == RS_PATH)
		return path_key(t, s, ev);
	if (s->mode != RS_VIEW)
		return question_key(t, s, ev);
	if (ev->kind == TUI_EV_MOUSE)
		return mouse_key(s, ev);
	switch (ev->cmd) {
	case KEYS_CMD_REVIEW: return tui_app(RUN_ACT_REVIEW, 0, NULL);
	case KEYS_CMD_SAVE_REPORT: return start_save(s);
	case KEYS_CMD_HELP: return tui_push(TUI_SCREEN_HELP, NULL);
	case KEYS_CMD_QUIT: return tui_exit(0);
	default: return view_key(s, ev);
	}
}

/* Which keys apply: the dialog's while it is open. */
static keys_scope
rs_scope(const void *self)
{
	const rs *s = self;

	return s->mode == RS_PATH ? KEYS_SCOPE_SAVE_PATH
	       : s->mode == RS_VIEW ? KEYS_SCOPE_RESULTS : KEYS_SCOPE_SAVE_QUESTION;
}

const tui_screen screen_results = {
	"results", 0, rs_init, rs_draw, rs_key, rs_fini, rs_scope,
};
