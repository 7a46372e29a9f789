/*
 * screen_learn.h - the `securebase learn` app on the screen framework (tui.h).
 *
 * One screen, "learn", shows either the contents list or a chapter
 * (learn_view's mode); its own state is the reader's place and the search
 * prompt.  The guide itself (learn.h) is the app's data: the live worked
 * example changes only through the app actions below, applied by
 * learn_apply.  Keys: KEYS_SCOPE_LEARN (keys.h), KEYS_SCOPE_LEARN_EXAMPLE in
 * the worked example, KEYS_SCOPE_SEARCH while a search is typed; `?` opens
 * the framework's help overlay listing the keys of the scope in use.
 */
#ifndef SB_SCREEN_LEARN_H
#define SB_SCREEN_LEARN_H

#include "bank.h"
#include "content.h"
#include "learn.h"
#include "tui.h"

/* The app's data. */
typedef struct learn_app {
	learn g;
} learn_app;

/* App actions (tui_app codes): the worked example. */
enum {
	LEARN_APP_EX_ITEM,           /* val: -1 / +1 previous / next item */
	LEARN_APP_EX_SET,            /* val: the answer, or BANK_NO_ANSWER to skip */
	LEARN_APP_EX_STEP,           /* val: -1 / +1 */
	LEARN_APP_EX_RESET
};

/* Screen ids. */
enum { LEARN_SCREEN_MAIN, LEARN_SCREEN_COUNT };

extern const tui_screen screen_learn;

/*
 * Run the guide on the terminal: content c and the default bank b (for the
 * worked example; may be NULL).  Returns the exit status; when the terminal
 * cannot be used, prints the guide as plain text instead.
 */
int screen_learn_main(const content *c, const bank *b);

#endif
