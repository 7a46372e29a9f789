/*
 * screen_explore.h - the `securebase explore` app on the screen framework (tui.h).
 *
 * One screen, "explore": the attachment plane with the point, and beside it
 * (below it in a narrow window) the two scores, the style in large clear
 * words, the near-boundary notice naming the neighbouring styles, and the
 * explanation.  The point is the app's data and changes only through the
 * app actions below; the screen's own state is the report-path prompt.
 * Nothing here writes a file.
 */
#ifndef SB_SCREEN_EXPLORE_H
#define SB_SCREEN_EXPLORE_H

#include "content.h"
#include "explore.h"
#include "tui.h"

/* The app's data. */
typedef struct explore_app {
	explore *e;                      /* borrowed */
	const content *c;                /* borrowed */
	char *note;                      /* the last report's note or error, or NULL */
	int note_error;                  /* note is an error message */
} explore_app;

/* A move, the operand of EXPLORE_APP_MOVE. */
typedef struct explore_delta {
	int d_anx, d_avo, big;
} explore_delta;

/* App actions (tui_app codes). */
enum {
	EXPLORE_APP_MOVE,                /* ptr: const explore_delta * */
	EXPLORE_APP_SET,                 /* ptr: const double[2], anxiety then avoidance */
	EXPLORE_APP_TYPICAL,             /* val: the style */
	EXPLORE_APP_LOAD,                /* ptr: the report's path (const char *) */
	EXPLORE_APP_CLEAR_NOTE
};

enum { EXPLORE_SCREEN_MAIN, EXPLORE_SCREEN_COUNT };

extern const tui_screen screen_explore;

/*
 * Run the explorer on the terminal.  mouse: allow the mouse (--no-mouse
 * turns it off).  Returns the exit status, or -1 when the terminal cannot
 * be used (the caller falls back to plain mode).
 */
int screen_explore_main(explore *e, const content *c, int mouse);

#endif
