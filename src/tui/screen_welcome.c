/* screen_welcome.c - title, instructions, privacy, not-a-diagnosis, keys; begin or continue. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "run_ui.h"
#include "xmalloc.h"

enum { PAR_TITLE, PAR_SAVED, PAR_INSTR, PAR_PRIVACY, PAR_DISCLAIMER, PAR_KEYS, NPARS };

typedef struct welcome {
	tui_par par[NPARS];
	char *owned[NPARS];
	int nbuttons, focus;       /* two buttons: continue / start again */
	const char *label[2];
	int by, bx[2], bw[2];      /* where the buttons were drawn */
	int top, total, view;      /* scrolling of the text */
} welcome;

/* The state directory as a person would write it (~ for the home directory). */
static char *
pretty_dir(const char *dir)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (dir && n > 1 && strncmp(dir, home, n) == 0 && dir[n] == '/')
		return xasprintf("~%s", dir + n);
	return xstrdup(dir ? dir : "?");
}

/* Build the paragraphs once. */
static void *
welcome_init(tui *t, void *app, const void *param)
{
	run_ui *u = app;
	const run *r = u->r;
	welcome *w = xcalloc(1, sizeof *w);
	char *dir = pretty_dir(r->store.dir);

	(void)param;
	w->par[PAR_TITLE] = (tui_par){ r->bank->title, t->th.title };
	w->par[PAR_INSTR] = (tui_par){ r->bank->instructions ? r->bank->instructions
	        : "Read each sentence and choose how much it sounds like you.", t->th.normal };
	if (r->o.no_save)
		w->owned[PAR_PRIVACY] = xstrdup("Privacy: nothing is saved in this session "
		        "(--no-save). No file is written, and if you stop, your answers are gone. "
		        "Nothing is ever sent anywhere.");
	else
		w->owned[PAR_PRIVACY] = xasprintf("Privacy: your answers stay on this computer. "
		        "They are saved after every answer, in %s, so that you can stop and "
		        "continue later. Nothing is ever sent anywhere.", dir);
	w->par[PAR_PRIVACY] = (tui_par){ w->owned[PAR_PRIVACY], t->th.normal };
	w->par[PAR_DISCLAIMER] = (tui_par){ run_disclaimer(r), t->th.heading };
	w->owned[PAR_SAVED] = run_saved_note(r);
	w->par[PAR_SAVED] = (tui_par){ w->owned[PAR_SAVED], t->th.warn };
	w->owned[PAR_KEYS] = xasprintf("Keys: type %d to %d to answer and go on, or choose with "
	        "Left and Right and press Enter. Backspace or Up goes back, s skips, ? shows "
	        "every key, q stops.", r->bank->range.min, r->bank->range.max);
	w->par[PAR_KEYS] = (tui_par){ w->owned[PAR_KEYS], t->th.normal };
	if (run_can_continue(r)) {
		w->nbuttons = 2;
		w->label[0] = "Continue where I left off";
		w->label[1] = "Start again";
	} else {
		w->nbuttons = 1;
		w->label[0] = "Begin";
	}
	free(dir);
	return w;
}

/* Release the owned texts. */
static void
welcome_fini(void *self)
{
	welcome *w = self;

	for (int i = 0; i < NPARS; i++)
		free(w->owned[i]);
	free(w);
}

/* Text at the top (scrolling), buttons and keys at the bottom. */
static int
welcome_draw(void *self, tui *t, void *app)
{
	static const hints_item choose[] = {
		{ "Enter choose", NULL, 1 }, { "Left/Right switch", NULL, 2 }, { "? help", NULL, 0 },
		{ "q quit", NULL, 0 },
	};
	static const hints_item begin[] = {
		{ "Enter begin", NULL, 1 }, { "Up/Down scroll", NULL, 2 }, { "? help", NULL, 0 },
		{ "q quit", NULL, 0 },
	};
	welcome *w = self;
	int x, bw = layout_block(t->cols, &x), sum = 0;

	(void)app;
	w->view = t->rows - 3;
	if (w->total && w->top > w->total - w->view)
		w->top = w->total - w->view > 0 ? w->total - w->view : 0;
	w->total = tui_doc(t, 0, x, bw, w->view, w->top, w->par, NPARS);
	if (w->top + w->view < w->total)
		tui_put_ell(t, t->rows - 3, x, bw, "(more below: Down or PageDown scrolls)", t->th.dim);
	for (int i = 0; i < w->nbuttons; i++)
		sum += (w->bw[i] = tui_button_width(t, w->label[i])) + (i ? 2 : 0);
	w->by = t->rows - 2;
	w->bx[0] = x + (bw - sum) / 2 > 0 ? x + (bw - sum) / 2 : 0;
	if (w->nbuttons == 2)
		w->bx[1] = w->bx[0] + w->bw[0] + 2;
	for (int i = 0; i < w->nbuttons; i++)
		tui_button(t, w->by, w->bx[i], w->label[i], w->focus == i);
	if (w->nbuttons == 2)
		tui_hints(t, t->rows - 1, x, bw, choose, sizeof choose / sizeof *choose, 2, t->th.dim);
	else
		tui_hints(t, t->rows - 1, x, bw, begin, sizeof begin / sizeof *begin, 2, t->th.dim);
	tui_cursor(t, w->by, w->bx[w->focus] + 2);
	return 0;
}

/* Begin: button 0 continues when there are two. */
static tui_action
activate(const welcome *w, int button)
{
	return tui_app(RUN_ACT_BEGIN, w->nbuttons == 2 && button == 0, NULL);
}

/* Scroll the text by d lines. */
static tui_action
scroll_by(welcome *w, int d)
{
	w->top += d;
	if (w->top > w->total - w->view)
		w->top = w->total - w->view;
	if (w->top < 0)
		w->top = 0;
	return tui_redraw();
}

/* Enter begins; arrows switch buttons or scroll; q leaves (keys.h: KEYS_SCOPE_WELCOME). */
static tui_action
welcome_key(void *self, tui *t, void *app, const tui_event *ev)
{
	welcome *w = self;
	int page = w->view > 1 ? w->view - 1 : 1;

	(void)t;
	(void)app;
	if (ev->kind == TUI_EV_MOUSE) {
		for (int i = 0; i < w->nbuttons; i++)
			if (ev->button == 1 && ev->my == w->by && ev->mx >= w->bx[i] &&
			    ev->mx < w->bx[i] + w->bw[i])
				return activate(w, i);
		return ev->button == 4 ? scroll_by(w, -3) : ev->button == 5 ? scroll_by(w, 3) : tui_none();
	}
	switch (ev->cmd) {
	case KEYS_CMD_CONFIRM:
		return activate(w, w->focus);
	case KEYS_CMD_SWITCH_BUTTON:
		w->focus = w->nbuttons == 2 ? !w->focus : 0;
		return tui_redraw();
	case KEYS_CMD_LINE_UP: return scroll_by(w, -1);
	case KEYS_CMD_LINE_DOWN: return scroll_by(w, 1);
	case KEYS_CMD_PAGE_UP: return scroll_by(w, -page);
	case KEYS_CMD_PAGE_DOWN: return scroll_by(w, page);
	case KEYS_CMD_TOP: return scroll_by(w, -w->total);
	case KEYS_CMD_BOTTOM: return scroll_by(w, w->total);
	case KEYS_CMD_HELP:
		return tui_push(TUI_SCREEN_HELP, NULL);
	case KEYS_CMD_QUIT:
		return tui_exit(130);   /* nothing begun: nothing to save or ask about */
	default:
		return tui_none();
	}
}

/* The welcome screen's keys. */
static keys_scope
welcome_scope(const void *self)
{
	(void)self;
	return KEYS_SCOPE_WELCOME;
}

const tui_screen screen_welcome = {
	"welcome", 0, welcome_init, welcome_draw, welcome_key, welcome_fini, welcome_scope,
};
