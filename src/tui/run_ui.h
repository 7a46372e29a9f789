/*
 * run_ui.h - the `securebase run` app on the screen framework (tui.h): its
 * screens, its actions and its state.  Screens read the run (run.h) and ask
 * for changes with tui_app(RUN_ACT_..., val, ptr); run_app.c applies them
 * to the session, saves after every answer and picks the next screen.
 */
#ifndef SB_RUN_UI_H
#define SB_RUN_UI_H

#include "report.h"
#include "run.h"
#include "screen_results.h"
#include "tui.h"

/* Screen ids: indexes into the app's screen table. */
enum {
	RUN_SCREEN_WELCOME,
	RUN_SCREEN_ITEM,
	RUN_SCREEN_REVIEW,
	RUN_SCREEN_RESULTS,
	RUN_NSCREENS
};

/* App actions (tui_app(code, val, ptr)). */
enum {
	RUN_ACT_BEGIN,        /* val: 1 continue the saved session, 0 start again */
	RUN_ACT_ANSWER,       /* val: the likert value for the current item */
	RUN_ACT_ANSWER_TEXT,  /* ptr: the text for the current (text) item */
	RUN_ACT_KEEP_TEXT,    /* ptr: store the text without moving, then apply action val */
	RUN_ACT_SKIP,
	RUN_ACT_BACK,
	RUN_ACT_FORWARD,
	RUN_ACT_HOME,
	RUN_ACT_END,
	RUN_ACT_GOTO,         /* val: item index, from the review */
	RUN_ACT_RESULTS,      /* from the review */
	RUN_ACT_REVIEW,       /* back from the results to the review */
	RUN_ACT_ASK_QUIT,     /* the "stop for now?" confirmation */
	RUN_ACT_STOP,         /* stop now, progress kept: exit 130 */
	RUN_ACT_DONE          /* leave the results: exit 0 (the results screen may also
	                         return tui_exit(0) itself) */
};

typedef struct run_ui {
	run *r;
	int begun;            /* the person chose to begin (or --resume) */
	int reached_results;  /* the results screen was shown */
	long review_sel;      /* row the review opens on: the item last opened from it, or -1 */
	tui_confirm quit;     /* the quit question */
	char quit_text[512];
	report rep;           /* for the results screen (borrowed by it) */
	double *secs;         /* answer times the report borrows */
	int have_rep;
} run_ui;

/* The screens (src/tui/screen_*.c). */
extern const tui_screen screen_welcome;
extern const tui_screen screen_item;
extern const tui_screen screen_review;
/* screen_results: screen_results.h (param: const report *, built here) */

/*
 * Administer r in the terminal.  Returns the exit status; *fallback is
 * set (and nothing else done) when the terminal cannot be used, so that
 * the caller runs plain mode instead.  After the results it finishes the
 * run (removes progress, writes --report, prints the summary unless
 * --quiet).
 */
int run_ui_main(run *r, int *fallback);

#endif
