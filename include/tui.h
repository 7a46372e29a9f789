/*
 * tui.h - the ncurses screen framework shared by `run`, `learn` and `explore`.
 *
 * A program (an "app") is a table of screens plus one function that applies
 * the app's own actions to its data.  A screen is a trio:
 *
 *   init(t, app, param)  -> its private state (may be NULL)
 *   draw(self, t, app)   -> paints the whole window (or returns TUI_TOO_SMALL)
 *   key(self, t, app, ev)-> returns a tui_action; it may change its OWN state
 *                           (selection, scroll, edit buffer) but never the
 *                           app's data: that changes only through actions
 *                           applied by the app's `apply` (htop's
 *                           HandlerResult, nnn's single dispatch).
 *   fini(self)
 *
 * The framework keeps a stack of screens: the top one gets the keys; an
 * overlay (help, confirmation) is drawn over the screens below it.  After
 * every key it applies the action, redraws the stack and puts the hardware
 * cursor where the top screen asked (tui_cursor) so that screen readers and
 * braille displays follow the selection.
 *
 * Keys come from ONE binding table (keys.h, src/keys.c): a screen says
 * which scope of it applies now (its `scope` function: a screen may have
 * modes, e.g. a prompt), the loop looks the key up there and hands the
 * screen the command and its argument.  Screens decide on commands only;
 * the characters themselves matter only in text entry (tui_edit_key).  The
 * help overlay lists the same scope's rows, so keys and help never
 * disagree.
 *
 * Terminal care done here, once, for every app: locale-aware UTF-8 or ASCII
 * glyphs, NO_COLOR and colourless terminals (attributes only), a short
 * ESCDELAY unless the user set one, mouse on unless disabled, resize only
 * through KEY_RESIZE, SIGINT/SIGTERM/SIGHUP turned into a flag that the
 * loop acts on (the app's stop() saves, then exit status 130), a fatal-error
 * hook and crash handlers that restore the terminal, and a "please enlarge
 * the window" screen below the minimum size or whatever a draw asks for.
 *
 * Adding a screen: give it a scope and its keys in src/keys.c, write
 * src/tui/screen_NAME.c defining a `const tui_screen screen_NAME = {
 * "name", 0, init, draw, key, fini, scope }`, declare it in your app's
 * header, put it in your app's screen table at an index (your enum), and
 * open it with tui_push / tui_switch actions.
 */
#ifndef SB_TUI_H
#define SB_TUI_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

#include "hints.h"
#include "keys.h"
#include "lineedit.h"
#include "text.h"

typedef struct tui tui;

/* --- events and actions ------------------------------------------------ */

typedef enum tui_ev_kind { TUI_EV_KEY, TUI_EV_CHAR, TUI_EV_MOUSE } tui_ev_kind;

typedef struct tui_event {
	tui_ev_kind kind;
	int key;             /* keys.h code: a special key, a control or a printable character */
	wint_t ch;           /* TUI_EV_CHAR: the printable character (for text entry) */
	keys_cmd cmd;        /* bound to key in the top screen's scope, or KEYS_CMD_NONE */
	int arg;             /* the binding's argument (keys.h), else 0 */
	int my, mx;          /* TUI_EV_MOUSE: where */
	int button;          /* TUI_EV_MOUSE: 1 click, 4 wheel up, 5 wheel down */
} tui_event;

typedef enum tui_act {
	TUI_ACT_NONE,        /* nothing changed */
	TUI_ACT_REDRAW,      /* the screen's own state changed */
	TUI_ACT_PUSH,        /* open screen `arg` on top, init param `ptr` */
	TUI_ACT_POP,         /* close the top screen */
	TUI_ACT_SWITCH,      /* close every screen and open screen `arg` (param `ptr`) */
	TUI_ACT_REFRESH,     /* repaint the terminal from scratch (Ctrl-L) */
	TUI_ACT_EXIT,        /* leave tui_run with status `arg` */
	TUI_ACT_APP          /* the app's own action `arg` with operands val / ptr */
} tui_act;

typedef struct tui_action {
	tui_act kind;
	int arg;             /* screen id, exit status or app action code */
	long val;            /* app operand */
	const void *ptr;     /* screen param or app operand (owned by the sender,
	                        valid until its next key call) */
} tui_action;

/* Action constructors. */
tui_action tui_none(void);
tui_action tui_redraw(void);
tui_action tui_push(int screen, const void *param);
tui_action tui_pop(void);
tui_action tui_switch(int screen, const void *param);
tui_action tui_exit(int status);
tui_action tui_app(int code, long val, const void *ptr);

/* Built-in screens, usable from any app (negative ids). */
enum {
	TUI_SCREEN_HELP = -1,     /* param: NULL (it lists the keys of the screen below) */
	TUI_SCREEN_CONFIRM = -2   /* param: const tui_confirm * */
};

/* A yes/no question.  Strings are borrowed for the dialog's life. */
typedef struct tui_confirm {
	const char *title;
	const char *text;    /* wrapped; may hold '\n' */
	const char *yes, *no;
	tui_action on_yes;   /* applied after the dialog closes */
} tui_confirm;

/* --- screens and apps -------------------------------------------------- */

#define TUI_TOO_SMALL 1

typedef struct tui_screen {
	const char *name;
	int overlay;                                  /* drawn over the screens below */
	void *(*init)(tui *t, void *app, const void *param);
	int (*draw)(void *self, tui *t, void *app);   /* 0, or TUI_TOO_SMALL after tui_need */
	tui_action (*key)(void *self, tui *t, void *app, const tui_event *ev);
	void (*fini)(void *self);
	/* Which keys apply now (keys.h); its help is what `?` lists.  NULL: KEYS_SCOPE_ANY. */
	keys_scope (*scope)(const void *self);
} tui_screen;

/* Why the framework stops an app on its own. */
typedef enum tui_stop_why { TUI_STOP_SIGNAL, TUI_STOP_TOO_SMALL } tui_stop_why;

/* An app (the typedef is tui_program: tui_app() is the action constructor). */
typedef struct tui_app {
	void *data;
	const tui_screen *const *screens;             /* indexed by screen id */
	size_t nscreens;
	/* Apply an app action; may return a follow-up framework action. */
	tui_action (*apply)(tui *t, void *data, const tui_action *a);
	/* A signal arrived or q was pressed while too small: save, return the exit status. */
	int (*stop)(void *data, tui_stop_why why);
	/* Shown on the "too small" screen next to "q", e.g. "q stops (answers are kept)". */
	const char *quit_note;
} tui_program;

/* --- the terminal ------------------------------------------------------ */

typedef struct tui_theme {
	int utf8;            /* the locale is UTF-8: box and block characters */
	int color;           /* colours in use (terminal has them, NO_COLOR unset) */
	attr_t normal, title, dim, selected, answered, key, warn, bar_done, bar_todo,
	       frame, button, button_focus, heading;
	const char *bar_full, *bar_empty, *mark, *ellipsis, *sep;
	const char *hline, *vline, *tl, *tr, *bl, *br;
} tui_theme;

struct tui {
	int rows, cols;
	tui_theme th;
	int mouse;                 /* mouse reporting is on */
	int cur_y, cur_x;          /* hardware cursor wanted by this frame, -1: hidden */
	int need_cols, need_rows;  /* what a TUI_TOO_SMALL draw asked for */
	char flash[256];           /* a one-line message shown until the next key */
	void *priv;                /* framework internals */
};

/* Options for tui_open. */
typedef struct tui_opts {
	int no_mouse;              /* --no-mouse (SECUREBASE_NO_MOUSE is read too) */
} tui_opts;

/*
 * Start curses on the terminal.  Returns 0, or -1 (with a message on
 * stderr) when the terminal cannot be used; the caller falls back to plain
 * mode.  Installs the signal flag handlers and the fatal hook.
 */
int tui_open(tui *t, const tui_opts *o);
/* Restore the terminal (idempotent; also run by the fatal hook). */
void tui_close(tui *t);
/* Run app from screen `first` until an exit action or a stop.  Returns the exit status. */
int tui_run(tui *t, const tui_program *app, int first, const void *param);

/* True when a terminal usable for curses is attached and TERM is set and not dumb. */
int tui_available(void);

/* --- text entry (src/tui/input.c) ------------------------------------- */

/*
 * Apply a key to a line being edited: a printable character is inserted,
 * an editing command (KEYS_CMD_EDIT_*) is done.  Returns 1 when the key was
 * one of those (the caller redraws), 0 when it is for the caller.
 */
int tui_edit_key(lineedit *e, const tui_event *ev);

/* --- drawing helpers (src/tui/draw.c) ---------------------------------- */

/* Ask for the hardware cursor at (y, x) after this frame. */
void tui_cursor(tui *t, int y, int x);
/* Record the size a screen needs; returns TUI_TOO_SMALL for draw to return. */
int tui_need(tui *t, int cols, int rows);
/* Show a one-line message until the next key. */
void tui_flash(tui *t, const char *msg);

/*
 * Draw untrusted text on one line at (y, x), at most maxw columns,
 * neutralised (text.h) and in ASCII when the locale is not UTF-8.  Returns
 * the columns drawn.
 */
int tui_put(tui *t, int y, int x, int maxw, const char *s, attr_t a);
/* Same, shortened with an ellipsis when it does not fit. */
int tui_put_ell(tui *t, int y, int x, int maxw, const char *s, attr_t a);
/*
 * Draw a paragraph wrapped to w columns from row y, skipping its first
 * `skip` lines and drawing at most maxrows.  Returns the total number of
 * wrapped lines (drawn or not), so callers can scroll.
 */
int tui_para(tui *t, int y, int x, int w, int skip, int maxrows, const char *s, attr_t a);
/* A paragraph of a document drawn with tui_doc. */
typedef struct tui_par {
	const char *text;    /* untrusted text; NULL or "" is skipped */
	attr_t attr;
} tui_par;
/*
 * Draw paragraphs separated by blank lines inside rows y .. y+h-1, wrapped
 * to w columns, starting from wrapped line `top`.  Returns the total
 * number of lines, so callers can scroll and show "more" marks.
 */
int tui_doc(tui *t, int y, int x, int w, int h, int top, const tui_par *p, size_t n);
/* Text prepared for display: cleaned (one line or not) and transliterated as needed; free it. */
char *tui_text(const tui *t, const char *s, int one_line);
/*
 * Draw a key reminder line at (y, x) within w columns: the hints laid out
 * by priority to fit (hints.h), gap spaces between them.  Every screen's
 * footer goes through here.  Returns the columns drawn.
 */
int tui_hints(tui *t, int y, int x, int w, const hints_item *h, size_t n, int gap, attr_t a);
/* Fill w cells of row y from x with spaces in attribute a. */
void tui_fill(tui *t, int y, int x, int w, attr_t a);
/* A box (frame) with its inside cleared. */
void tui_box(tui *t, int y, int x, int h, int w);
/* A progress bar of w cells. */
void tui_bar(tui *t, int y, int x, int w, size_t done, size_t total);
/* A button "[ label ]"; returns its width. */
int tui_button(tui *t, int y, int x, const char *label, int focused);
/* Width a button for label would take. */
int tui_button_width(const tui *t, const char *label);

#endif
