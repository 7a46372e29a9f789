/* tui.c - terminal lifecycle, signals, the screen stack and the event loop (see tui.h). */
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "layout.h"
#include "tui.h"
#include "tui_int.h"
#include "xmalloc.h"

#define STACK_MAX 8

typedef struct frame {
	const tui_screen *s;
	void *self;
} frame;

typedef struct tui_priv {
	SCREEN *scr;
	const tui_program *app;
	frame stack[STACK_MAX];
	int depth;
	int too_small;
	struct sigaction old[3];
} tui_priv;

/* --- signals: a flag for the loop, and terminal repair on a crash ------- */

static volatile sig_atomic_t tui_signal;   /* SIGINT/SIGTERM/SIGHUP seen */
static struct termios crash_tio;           /* the terminal as we found it */
static int crash_tio_ok;
static char crash_seq[256];                /* bytes that undo curses' screen modes */
static size_t crash_len;
static int curses_active;                  /* for the fatal hook */

/* Only note the signal; the loop saves and leaves. */
static void
on_signal(int sig)
{
	tui_signal = sig;
}

/* A crash: put the terminal back as well as async-signal-safe calls allow, then die. */
static void
on_crash(int sig)
{
	if (crash_len)
		(void)!write(STDOUT_FILENO, crash_seq, crash_len);
	if (crash_tio_ok)
		tcsetattr(STDIN_FILENO, TCSANOW, &crash_tio);
	raise(sig);   /* SA_RESETHAND: the default action now */
}

/* Out of memory or another fatal error (xmalloc.h): leave curses first. */
static void
fatal_hook(void)
{
	if (curses_active && !isendwin())
		endwin();
}

/* Append a terminfo string to the crash sequence if the terminal has it. */
static void
crash_add(const char *cap)
{
	char *s = tigetstr((char *)cap);
	size_t n;

	/* tigetstr's documented "not a string capability" value is (char *)-1.
	 * NOLINTNEXTLINE(performance-no-int-to-ptr) */
	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (crash_len + n < sizeof crash_seq) {
		memcpy(crash_seq + crash_len, s, n);
		crash_len += n;
	}
}

/* Install (or with old != NULL restore) the flag handlers for INT, TERM, HUP. */
static void
flag_signals(struct sigaction old[3], int install)
{
	static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;   /* no SA_RESTART: a blocked read returns */
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], install ? &sa : &old[i], install ? &old[i] : NULL);
}

/* Crash handlers that restore the terminal, or back to the defaults. */
static void
crash_signals(int install)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = install ? on_crash : SIG_DFL;
	sa.sa_flags = install ? SA_RESETHAND : 0;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* --- opening and closing ------------------------------------------------ */

int
tui_available(void)
{
	const char *term = getenv("TERM");

	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term && *term &&
	       strcmp(term, "dumb") != 0;
}

/* True when the locale's character set is UTF-8. */
static int
locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Mouse reporting unless --no-mouse or SECUREBASE_NO_MOUSE is set and not empty. */
static int
want_mouse(const tui_opts *o)
{
	const char *e = getenv("SECUREBASE_NO_MOUSE");

	return !o->no_mouse && !(e && *e);
}

int
tui_open(tui *t, const tui_opts *o)
{
	tui_priv *p = xcalloc(1, sizeof *p);
	const char *nc = getenv("NO_COLOR");

	memset(t, 0, sizeof *t);
	t->priv = p;
	tui_signal = 0;
	flag_signals(p->old, 1);
	crash_tio_ok = tcgetattr(STDIN_FILENO, &crash_tio) == 0;
	p->scr = newterm(NULL, stdout, stdin);
	if (!p->scr) {
		flag_signals(p->old, 0);
		fprintf(stderr, "securebase: cannot use this terminal (TERM=%s); using plain "
		        "line mode\n", getenv("TERM") ? getenv("TERM") : "");
		free(p);
		t->priv = NULL;
		return -1;
	}
	curses_active = 1;
	xmalloc_set_fatal_hook(fatal_hook);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	typeahead(-1);   /* always finish a frame: never leave a stale screen behind */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	tui_theme_init(&t->th, locale_utf8(), has_colors() && !(nc && *nc));
	if (want_mouse(o) && mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	                               BUTTON5_PRESSED, NULL) != 0) {
		t->mouse = 1;
		mouseinterval(0);
		/* crash_seq is bytes written with crash_len, not a string.
		 * NOLINTNEXTLINE(bugprone-not-null-terminated-result) */
		memcpy(crash_seq, "\033[?1000l\033[?1006l", 16);
		crash_len = 16;
	}
	crash_add("rmcup");
	crash_add("cnorm");
	crash_add("sgr0");
	crash_signals(1);
	wtimeout(stdscr, 500);
	getmaxyx(stdscr, t->rows, t->cols);
	return 0;
}

void
tui_close(tui *t)
{
	tui_priv *p = t->priv;

	if (!p)
		return;
	while (p->depth > 0)
		tui_stack_pop(t);
	if (t->mouse)
		mousemask(0, NULL);
	curs_set(1);
	endwin();
	delscreen(p->scr);
	curses_active = 0;
	xmalloc_set_fatal_hook(NULL);
	crash_signals(0);
	crash_len = 0;
	flag_signals(p->old, 0);
	free(p);
	t->priv = NULL;
}

/* --- the screen stack --------------------------------------------------- */

/* The screen with id `id`: the app's, or a built-in one. */
static const tui_screen *
screen_by_id(const tui_priv *p, int id)
{
	if (id == TUI_SCREEN_HELP)
		return &tui_screen_help;
	if (id == TUI_SCREEN_CONFIRM)
		return &tui_screen_confirm;
	if (id >= 0 && (size_t)id < p->app->nscreens)
		return p->app->screens[id];
	return NULL;
}

/* Open a screen on top of the stack. */
static void
push(tui *t, int id, const void *param)
{
	tui_priv *p = t->priv;
	const tui_screen *s = screen_by_id(p, id);

	if (!s || p->depth == STACK_MAX)
		return;
	p->stack[p->depth].s = s;
	p->stack[p->depth].self = s->init ? s->init(t, p->app->data, param) : NULL;
	p->depth++;
}

void
tui_stack_pop(tui *t)
{
	tui_priv *p = t->priv;
	frame *f;

	if (p->depth == 0)
		return;
	f = &p->stack[--p->depth];
	if (f->s->fini)
		f->s->fini(f->self);
}

/* The scope a frame's screen is in now. */
static keys_scope
frame_scope(const frame *f)
{
	return f->s->scope ? f->s->scope(f->self) : KEYS_SCOPE_ANY;
}

keys_scope
tui_stack_scope(const tui *t)
{
	const tui_priv *p = t->priv;

	/* the screen under the overlay that asks */
	for (int i = p->depth - 1; i >= 0; i--)
		if (!p->stack[i].s->overlay)
			return frame_scope(&p->stack[i]);
	return KEYS_SCOPE_ANY;
}

/* Apply an action (and its follow-ups).  Returns an exit status, or -1 to go on. */
static int
apply(tui *t, tui_action a)
{
	tui_priv *p = t->priv;

	for (int guard = 0; guard < 16; guard++) {
		switch (a.kind) {
		case TUI_ACT_PUSH:
			push(t, a.arg, a.ptr);
			return -1;
		case TUI_ACT_POP:
			tui_stack_pop(t);
			if (!a.ptr)
				return p->depth == 0 ? 0 : -1;
			a = *(const tui_action *)a.ptr;
			continue;
		case TUI_ACT_SWITCH:
			while (p->depth > 0)
				tui_stack_pop(t);
			push(t, a.arg, a.ptr);
			return -1;
		case TUI_ACT_REFRESH:
			clearok(curscr, TRUE);
			return -1;
		case TUI_ACT_EXIT:
			return a.arg;
		case TUI_ACT_APP:
			a = p->app->apply(t, p->app->data, &a);
			continue;
		default:
			return -1;
		}
	}
	return -1;
}

/* --- drawing ------------------------------------------------------------ */

/* "Please enlarge the window", in whatever space there is. */
static void
draw_too_small(tui *t)
{
	char msg[512];
	const char *note = t->priv && ((tui_priv *)t->priv)->app->quit_note
	                 ? ((tui_priv *)t->priv)->app->quit_note : "q quits.";

	snprintf(msg, sizeof msg, "Please enlarge the window to at least %dx%d (now %dx%d).\n%s",
	         t->need_cols, t->need_rows, t->cols, t->rows, note);
	erase();
	tui_para(t, 0, 0, t->cols, 0, t->rows, msg, t->th.warn);
	tui_cursor(t, 0, 0);
}

/* Redraw the stack: the last full screen and the overlays above it. */
static void
draw_all(tui *t)
{
	tui_priv *p = t->priv;
	int base = p->depth - 1, small;

	t->cur_y = t->cur_x = -1;
	t->need_cols = LAYOUT_MIN_COLS;
	t->need_rows = LAYOUT_MIN_ROWS;
	while (base > 0 && p->stack[base].s->overlay)
		base--;
	erase();
	small = t->cols < LAYOUT_MIN_COLS || t->rows < LAYOUT_MIN_ROWS;
	for (int i = base; !small && i >= 0 && i < p->depth; i++)
		if (p->stack[i].s->draw(p->stack[i].self, t, p->app->data) == TUI_TOO_SMALL)
			small = 1;
	p->too_small = small;
	if (small) {
		t->cur_y = -1;
		draw_too_small(t);
	} else if (t->flash[0]) {
		tui_fill(t, t->rows - 1, 0, t->cols, t->th.warn | A_REVERSE);
		tui_put(t, t->rows - 1, 1, t->cols - 2, t->flash, t->th.warn | A_REVERSE);
	}
	if (t->cur_y >= 0 && t->cur_y < t->rows && t->cur_x >= 0 && t->cur_x < t->cols) {
		curs_set(1);
		move(t->cur_y, t->cur_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* --- input ---------------------------------------------------------------- */

/* Turn a curses key into an event (its command comes later).  0: an event; 1: a resize; -1: nothing. */
static int
read_event(tui *t, tui_event *ev)
{
	wint_t wc;
	int r = wget_wch(stdscr, &wc);

	memset(ev, 0, sizeof *ev);
	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES) {
		if (wc == KEY_RESIZE)
			return 1;
		if (wc == KEY_MOUSE)
			return tui_mouse_event(t, ev);
		ev->kind = TUI_EV_KEY;
		ev->key = tui_keycode((int)wc);
	} else if (wc == '\r' || wc == '\n') {
		ev->kind = TUI_EV_KEY;
		ev->key = KEYS_ENTER;
	} else if (wc == 127 || wc == 8) {
		ev->kind = TUI_EV_KEY;
		ev->key = KEYS_BACKSPACE;
	} else if (wc < 0x20) {
		ev->kind = TUI_EV_KEY;
		ev->key = (int)wc;
	} else {
		ev->kind = TUI_EV_CHAR;
		ev->ch = wc;
		ev->key = (int)wc;
	}
	return 0;
}

/* Give ev the command its key has in scope s. */
static void
bind_event(tui_event *ev, keys_scope s)
{
	const keys_binding *b = ev->kind == TUI_EV_MOUSE || !ev->key ? NULL : keys_lookup(s, ev->key);

	ev->cmd = b ? b->cmd : KEYS_CMD_NONE;
	ev->arg = b ? b->arg : 0;
}

int
tui_mouse_event(tui *t, tui_event *ev)
{
	MEVENT me;

	if (!t->mouse || getmouse(&me) != OK)
		return -1;
	ev->kind = TUI_EV_MOUSE;
	ev->my = me.y;
	ev->mx = me.x;
	if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		ev->button = 1;
	else if (me.bstate & BUTTON4_PRESSED)
		ev->button = 4;
	else if (me.bstate & BUTTON5_PRESSED)
		ev->button = 5;
	else
		return -1;
	return 0;
}

/* --- the loop ------------------------------------------------------------- */

int
tui_run(tui *t, const tui_program *app, int first, const void *param)
{
	tui_priv *p = t->priv;
	int status = -1, dirty = 1;

	p->app = app;
	push(t, first, param);
	while (status < 0 && p->depth > 0) {
		tui_event ev;
		int r;

		if (tui_signal) {
			status = app->stop(app->data, TUI_STOP_SIGNAL);
			break;
		}
		if (dirty)
			draw_all(t);
		dirty = 0;
		r = read_event(t, &ev);
		if (r == 1) {
			getmaxyx(stdscr, t->rows, t->cols);
			dirty = 1;
		}
		if (r != 0)
			continue;
		t->flash[0] = '\0';
		dirty = 1;
		bind_event(&ev, p->too_small ? KEYS_SCOPE_SMALL : frame_scope(&p->stack[p->depth - 1]));
		if (ev.cmd == KEYS_CMD_REDRAW) {
			clearok(curscr, TRUE);
		} else if (p->too_small) {
			if (ev.cmd == KEYS_CMD_QUIT)
				status = app->stop(app->data, TUI_STOP_TOO_SMALL);
		} else {
			frame *f = &p->stack[p->depth - 1];
			status = apply(t, f->s->key(f->self, t, app->data, &ev));
		}
	}
	while (p->depth > 0)
		tui_stack_pop(t);
	return status < 0 ? 0 : status;
}

/* --- action constructors ---------------------------------------------------- */

tui_action
tui_none(void)
{
	return (tui_action){ TUI_ACT_NONE, 0, 0, NULL };
}

tui_action
tui_redraw(void)
{
	return (tui_action){ TUI_ACT_REDRAW, 0, 0, NULL };
}

tui_action
tui_push(int screen, const void *param)
{
	return (tui_action){ TUI_ACT_PUSH, screen, 0, param };
}

tui_action
tui_pop(void)
{
	return (tui_action){ TUI_ACT_POP, 0, 0, NULL };
}

tui_action
tui_switch(int screen, const void *param)
{
	return (tui_action){ TUI_ACT_SWITCH, screen, 0, param };
}

tui_action
tui_exit(int status)
{
	return (tui_action){ TUI_ACT_EXIT, status, 0, NULL };
}

tui_action
tui_app(int code, long val, const void *ptr)
{
	return (tui_action){ TUI_ACT_APP, code, val, ptr };
}
