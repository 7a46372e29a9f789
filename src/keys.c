/* keys.c - THE key binding table: every key of every screen (see keys.h). */
#include "keys.h"

#include <stdio.h>
#include <string.h>

/* The scope tree: each scope's parent, its name, and what the mouse does there. */
static const struct scope_info {
	keys_scope parent;
	const char *name;
	const char *mouse;
} scopes[KEYS_SCOPE_COUNT] = {
	[KEYS_SCOPE_ANY] = { KEYS_SCOPE_ANY, "any", NULL },
	[KEYS_SCOPE_SCREEN] = { KEYS_SCOPE_ANY, "screen", NULL },
	[KEYS_SCOPE_EDIT] = { KEYS_SCOPE_ANY, "edit", NULL },
	[KEYS_SCOPE_SMALL] = { KEYS_SCOPE_ANY, "too-small", NULL },
	[KEYS_SCOPE_HELP] = { KEYS_SCOPE_ANY, "help", NULL },
	[KEYS_SCOPE_CONFIRM] = { KEYS_SCOPE_ANY, "confirm", "click a button" },
	[KEYS_SCOPE_WELCOME] = { KEYS_SCOPE_SCREEN, "welcome", "click a button; the wheel scrolls" },
	[KEYS_SCOPE_ITEM] = { KEYS_SCOPE_SCREEN, "item", "click an option to answer" },
	[KEYS_SCOPE_ITEM_TEXT] = { KEYS_SCOPE_EDIT, "item-text", NULL },
	[KEYS_SCOPE_REVIEW] = { KEYS_SCOPE_SCREEN, "review", "click a row; the wheel scrolls" },
	[KEYS_SCOPE_RESULTS] = { KEYS_SCOPE_SCREEN, "results",
	                         "click a section's name; the wheel scrolls" },
	[KEYS_SCOPE_SAVE_PATH] = { KEYS_SCOPE_EDIT, "save-path", NULL },
	[KEYS_SCOPE_SAVE_QUESTION] = { KEYS_SCOPE_ANY, "save-question", NULL },
	[KEYS_SCOPE_LEARN] = { KEYS_SCOPE_SCREEN, "learn",
	                       "the wheel scrolls; click a chapter to open it" },
	[KEYS_SCOPE_LEARN_EXAMPLE] = { KEYS_SCOPE_LEARN, "learn-example",
	                               "the wheel scrolls; click a chapter to open it" },
	[KEYS_SCOPE_SEARCH] = { KEYS_SCOPE_EDIT, "search", NULL },
	[KEYS_SCOPE_EXPLORE] = { KEYS_SCOPE_SCREEN, "explore",
	                         "click the plane to move the point there" },
	[KEYS_SCOPE_REPORT_PATH] = { KEYS_SCOPE_EDIT, "report-path", NULL },
};

/*
 * Every key the interface knows.  A row's help text describes its command
 * in its scope; the other rows of that command there leave it NULL.  The
 * help lists commands in this order.
 */
const keys_binding keys_table[] = {
	/* everywhere, even while typing */
	{ KEYS_SCOPE_ANY, KEYS_CTRL('l'), KEYS_CMD_REDRAW, 0, "redraw the screen" },

	/* every full screen */
	{ KEYS_SCOPE_SCREEN, '?', KEYS_CMD_HELP, 0, "this help" },
	{ KEYS_SCOPE_SCREEN, KEYS_F(1), KEYS_CMD_HELP, 0, NULL },

	/* typing a line of text: printable characters are the text */
	{ KEYS_SCOPE_EDIT, KEYS_LEFT, KEYS_CMD_EDIT_LEFT, 0, "move left in the text" },
	{ KEYS_SCOPE_EDIT, KEYS_RIGHT, KEYS_CMD_EDIT_RIGHT, 0, "move right in the text" },
	{ KEYS_SCOPE_EDIT, KEYS_HOME, KEYS_CMD_EDIT_HOME, 0, "start of the text" },
	{ KEYS_SCOPE_EDIT, KEYS_CTRL('a'), KEYS_CMD_EDIT_HOME, 0, NULL },
	{ KEYS_SCOPE_EDIT, KEYS_END, KEYS_CMD_EDIT_END, 0, "end of the text" },
	{ KEYS_SCOPE_EDIT, KEYS_CTRL('e'), KEYS_CMD_EDIT_END, 0, NULL },
	{ KEYS_SCOPE_EDIT, KEYS_BACKSPACE, KEYS_CMD_EDIT_BACKSPACE, 0, "delete the character "
	                                                               "before the cursor" },
	{ KEYS_SCOPE_EDIT, KEYS_DELETE, KEYS_CMD_EDIT_DELETE, 0, "delete the character under the "
	                                                         "cursor" },
	{ KEYS_SCOPE_EDIT, KEYS_CTRL('d'), KEYS_CMD_EDIT_DELETE, 0, NULL },
	{ KEYS_SCOPE_EDIT, KEYS_CTRL('w'), KEYS_CMD_EDIT_KILL_WORD, 0, "delete the word before the "
	                                                               "cursor" },
	{ KEYS_SCOPE_EDIT, KEYS_CTRL('u'), KEYS_CMD_EDIT_KILL_START, 0, "delete to the start" },
	{ KEYS_SCOPE_EDIT, KEYS_CTRL('k'), KEYS_CMD_EDIT_KILL_END, 0, "delete to the end" },

	/* the window is too small */
	{ KEYS_SCOPE_SMALL, 'q', KEYS_CMD_QUIT, 0, "stop (what there is to keep is kept)" },
	{ KEYS_SCOPE_SMALL, KEYS_F(10), KEYS_CMD_QUIT, 0, NULL },
	{ KEYS_SCOPE_SMALL, KEYS_ESC, KEYS_CMD_QUIT, 0, NULL },

	/* the help overlay: these scroll, any other key closes it */
	{ KEYS_SCOPE_HELP, KEYS_UP, KEYS_CMD_LINE_UP, 0, "scroll the help up" },
	{ KEYS_SCOPE_HELP, 'k', KEYS_CMD_LINE_UP, 0, NULL },
	{ KEYS_SCOPE_HELP, KEYS_DOWN, KEYS_CMD_LINE_DOWN, 0, "scroll the help down" },
	{ KEYS_SCOPE_HELP, 'j', KEYS_CMD_LINE_DOWN, 0, NULL },
	{ KEYS_SCOPE_HELP, KEYS_PAGE_UP, KEYS_CMD_PAGE_UP, 0, "scroll the help up a page" },
	{ KEYS_SCOPE_HELP, KEYS_PAGE_DOWN, KEYS_CMD_PAGE_DOWN, 0, "scroll the help down a page" },
	{ KEYS_SCOPE_HELP, KEYS_ESC, KEYS_CMD_CANCEL, 0, "close the help (so does any other key)" },
	{ KEYS_SCOPE_HELP, 'q', KEYS_CMD_CANCEL, 0, NULL },
	{ KEYS_SCOPE_HELP, '?', KEYS_CMD_CANCEL, 0, NULL },
	{ KEYS_SCOPE_HELP, KEYS_ENTER, KEYS_CMD_CANCEL, 0, NULL },

	/* a yes/no dialog; it opens on the safe button */
	{ KEYS_SCOPE_CONFIRM, 'y', KEYS_CMD_YES, 0, "yes" },
	{ KEYS_SCOPE_CONFIRM, 'Y', KEYS_CMD_YES, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, 'q', KEYS_CMD_YES, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, 'n', KEYS_CMD_NO, 0, "no" },
	{ KEYS_SCOPE_CONFIRM, 'N', KEYS_CMD_NO, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, KEYS_ESC, KEYS_CMD_NO, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "the chosen button" },
	{ KEYS_SCOPE_CONFIRM, KEYS_LEFT, KEYS_CMD_SWITCH_BUTTON, 0, "the other button" },
	{ KEYS_SCOPE_CONFIRM, 'h', KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, KEYS_RIGHT, KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, 'l', KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, KEYS_TAB, KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_CONFIRM, KEYS_BACKTAB, KEYS_CMD_SWITCH_BUTTON, 0, NULL },

	/* run: welcome */
	{ KEYS_SCOPE_WELCOME, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "begin (or the chosen button)" },
	{ KEYS_SCOPE_WELCOME, KEYS_LEFT, KEYS_CMD_SWITCH_BUTTON, 0, "continue or start again" },
	{ KEYS_SCOPE_WELCOME, 'h', KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_RIGHT, KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_WELCOME, 'l', KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_TAB, KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_BACKTAB, KEYS_CMD_SWITCH_BUTTON, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_DOWN, KEYS_CMD_LINE_DOWN, 0, "scroll the text down" },
	{ KEYS_SCOPE_WELCOME, 'j', KEYS_CMD_LINE_DOWN, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_UP, KEYS_CMD_LINE_UP, 0, "scroll the text up" },
	{ KEYS_SCOPE_WELCOME, 'k', KEYS_CMD_LINE_UP, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_PAGE_DOWN, KEYS_CMD_PAGE_DOWN, 0, "scroll the text down a "
	                                                             "screenful" },
	{ KEYS_SCOPE_WELCOME, KEYS_PAGE_UP, KEYS_CMD_PAGE_UP, 0, "scroll the text up a screenful" },
	{ KEYS_SCOPE_WELCOME, KEYS_HOME, KEYS_CMD_TOP, 0, "the top of the text" },
	{ KEYS_SCOPE_WELCOME, 'g', KEYS_CMD_TOP, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_END, KEYS_CMD_BOTTOM, 0, "the end of the text" },
	{ KEYS_SCOPE_WELCOME, 'G', KEYS_CMD_BOTTOM, 0, NULL },
	{ KEYS_SCOPE_WELCOME, 'q', KEYS_CMD_QUIT, 0, "quit" },
	{ KEYS_SCOPE_WELCOME, KEYS_F(10), KEYS_CMD_QUIT, 0, NULL },
	{ KEYS_SCOPE_WELCOME, KEYS_ESC, KEYS_CMD_QUIT, 0, NULL },

	/* run: a question with options */
	{ KEYS_SCOPE_ITEM, '0', KEYS_CMD_NUMBER, '0', "answer by number; Enter ends a longer number" },
	{ KEYS_SCOPE_ITEM, '1', KEYS_CMD_NUMBER, '1', NULL },
	{ KEYS_SCOPE_ITEM, '2', KEYS_CMD_NUMBER, '2', NULL },
	{ KEYS_SCOPE_ITEM, '3', KEYS_CMD_NUMBER, '3', NULL },
	{ KEYS_SCOPE_ITEM, '4', KEYS_CMD_NUMBER, '4', NULL },
	{ KEYS_SCOPE_ITEM, '5', KEYS_CMD_NUMBER, '5', NULL },
	{ KEYS_SCOPE_ITEM, '6', KEYS_CMD_NUMBER, '6', NULL },
	{ KEYS_SCOPE_ITEM, '7', KEYS_CMD_NUMBER, '7', NULL },
	{ KEYS_SCOPE_ITEM, '8', KEYS_CMD_NUMBER, '8', NULL },
	{ KEYS_SCOPE_ITEM, '9', KEYS_CMD_NUMBER, '9', NULL },
	{ KEYS_SCOPE_ITEM, '-', KEYS_CMD_NUMBER, '-', NULL },
	{ KEYS_SCOPE_ITEM, KEYS_LEFT, KEYS_CMD_OPTION_PREV, 0, "choose the previous option" },
	{ KEYS_SCOPE_ITEM, 'h', KEYS_CMD_OPTION_PREV, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_RIGHT, KEYS_CMD_OPTION_NEXT, 0, "choose the next option" },
	{ KEYS_SCOPE_ITEM, 'l', KEYS_CMD_OPTION_NEXT, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "answer with the chosen option" },
	{ KEYS_SCOPE_ITEM, KEYS_UP, KEYS_CMD_ITEM_PREV, 0, "go back one question" },
	{ KEYS_SCOPE_ITEM, 'k', KEYS_CMD_ITEM_PREV, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_PAGE_UP, KEYS_CMD_ITEM_PREV, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_BACKSPACE, KEYS_CMD_ITEM_ERASE, 0, "erase a digit typed, or go "
	                                                           "back one question" },
	{ KEYS_SCOPE_ITEM, KEYS_DOWN, KEYS_CMD_ITEM_NEXT, 0, "go forward (over questions already "
	                                                     "answered)" },
	{ KEYS_SCOPE_ITEM, 'j', KEYS_CMD_ITEM_NEXT, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_PAGE_DOWN, KEYS_CMD_ITEM_NEXT, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_HOME, KEYS_CMD_ITEM_FIRST, 0, "first question" },
	{ KEYS_SCOPE_ITEM, 'g', KEYS_CMD_ITEM_FIRST, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_END, KEYS_CMD_ITEM_UNANSWERED, 0, "first unanswered question" },
	{ KEYS_SCOPE_ITEM, 'G', KEYS_CMD_ITEM_UNANSWERED, 0, NULL },
	{ KEYS_SCOPE_ITEM, 's', KEYS_CMD_SKIP, 0, "skip this question" },
	{ KEYS_SCOPE_ITEM, 'q', KEYS_CMD_QUIT, 0, "stop for now (your answers are kept)" },
	{ KEYS_SCOPE_ITEM, KEYS_F(10), KEYS_CMD_QUIT, 0, NULL },
	{ KEYS_SCOPE_ITEM, KEYS_ESC, KEYS_CMD_QUIT, 0, NULL },

	/* run: a free-text question (editing keys: KEYS_SCOPE_EDIT) */
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "save it and go on (empty: skip)" },
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_DOWN, KEYS_CMD_CONFIRM, 0, NULL },
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_PAGE_DOWN, KEYS_CMD_CONFIRM, 0, NULL },
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_UP, KEYS_CMD_ITEM_PREV, 0, "go back one question (what you "
	                                                        "typed is kept)" },
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_PAGE_UP, KEYS_CMD_ITEM_PREV, 0, NULL },
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_F(1), KEYS_CMD_HELP, 0, "this help" },
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_F(10), KEYS_CMD_QUIT, 0, "stop for now (your answers are "
	                                                      "kept)" },
	{ KEYS_SCOPE_ITEM_TEXT, KEYS_ESC, KEYS_CMD_QUIT, 0, NULL },

	/* run: the review list */
	{ KEYS_SCOPE_REVIEW, KEYS_DOWN, KEYS_CMD_LINE_DOWN, 0, "next question in the list" },
	{ KEYS_SCOPE_REVIEW, 'j', KEYS_CMD_LINE_DOWN, 0, NULL },
	{ KEYS_SCOPE_REVIEW, KEYS_UP, KEYS_CMD_LINE_UP, 0, "previous question in the list" },
	{ KEYS_SCOPE_REVIEW, 'k', KEYS_CMD_LINE_UP, 0, NULL },
	{ KEYS_SCOPE_REVIEW, KEYS_BACKSPACE, KEYS_CMD_LINE_UP, 0, NULL },
	{ KEYS_SCOPE_REVIEW, KEYS_PAGE_DOWN, KEYS_CMD_PAGE_DOWN, 0, "a screenful down the list" },
	{ KEYS_SCOPE_REVIEW, KEYS_PAGE_UP, KEYS_CMD_PAGE_UP, 0, "a screenful up the list" },
	{ KEYS_SCOPE_REVIEW, KEYS_HOME, KEYS_CMD_TOP, 0, "first question" },
	{ KEYS_SCOPE_REVIEW, 'g', KEYS_CMD_TOP, 0, NULL },
	{ KEYS_SCOPE_REVIEW, KEYS_END, KEYS_CMD_BOTTOM, 0, "\"See my results\"" },
	{ KEYS_SCOPE_REVIEW, 'G', KEYS_CMD_BOTTOM, 0, NULL },
	{ KEYS_SCOPE_REVIEW, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "change the chosen answer, or see "
	                                                      "the results" },
	{ KEYS_SCOPE_REVIEW, 'q', KEYS_CMD_QUIT, 0, "stop for now (your answers are kept)" },
	{ KEYS_SCOPE_REVIEW, KEYS_F(10), KEYS_CMD_QUIT, 0, NULL },
	{ KEYS_SCOPE_REVIEW, KEYS_ESC, KEYS_CMD_QUIT, 0, NULL },

	/* run: the results (six sections: results.h RESULTS_TABS) */
	{ KEYS_SCOPE_RESULTS, KEYS_TAB, KEYS_CMD_SECTION_NEXT, 0, "the next section" },
	{ KEYS_SCOPE_RESULTS, KEYS_RIGHT, KEYS_CMD_SECTION_NEXT, 0, NULL },
	{ KEYS_SCOPE_RESULTS, 'l', KEYS_CMD_SECTION_NEXT, 0, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_BACKTAB, KEYS_CMD_SECTION_PREV, 0, "the previous section" },
	{ KEYS_SCOPE_RESULTS, KEYS_LEFT, KEYS_CMD_SECTION_PREV, 0, NULL },
	{ KEYS_SCOPE_RESULTS, 'h', KEYS_CMD_SECTION_PREV, 0, NULL },
	{ KEYS_SCOPE_RESULTS, '1', KEYS_CMD_SECTION_GOTO, 0, "go straight to a section" },
	{ KEYS_SCOPE_RESULTS, '2', KEYS_CMD_SECTION_GOTO, 1, NULL },
	{ KEYS_SCOPE_RESULTS, '3', KEYS_CMD_SECTION_GOTO, 2, NULL },
	{ KEYS_SCOPE_RESULTS, '4', KEYS_CMD_SECTION_GOTO, 3, NULL },
	{ KEYS_SCOPE_RESULTS, '5', KEYS_CMD_SECTION_GOTO, 4, NULL },
	{ KEYS_SCOPE_RESULTS, '6', KEYS_CMD_SECTION_GOTO, 5, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_DOWN, KEYS_CMD_LINE_DOWN, 0, "scroll down a line" },
	{ KEYS_SCOPE_RESULTS, 'j', KEYS_CMD_LINE_DOWN, 0, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_UP, KEYS_CMD_LINE_UP, 0, "scroll up a line" },
	{ KEYS_SCOPE_RESULTS, 'k', KEYS_CMD_LINE_UP, 0, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_PAGE_DOWN, KEYS_CMD_PAGE_DOWN, 0, "scroll down a page" },
	{ KEYS_SCOPE_RESULTS, ' ', KEYS_CMD_PAGE_DOWN, 0, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_PAGE_UP, KEYS_CMD_PAGE_UP, 0, "scroll up a page" },
	{ KEYS_SCOPE_RESULTS, KEYS_HOME, KEYS_CMD_TOP, 0, "the top of the section" },
	{ KEYS_SCOPE_RESULTS, 'g', KEYS_CMD_TOP, 0, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_END, KEYS_CMD_BOTTOM, 0, "the end of the section" },
	{ KEYS_SCOPE_RESULTS, 'G', KEYS_CMD_BOTTOM, 0, NULL },
	{ KEYS_SCOPE_RESULTS, 's', KEYS_CMD_SAVE_REPORT, 0, "save a report to a file (you choose "
	                                                    "where)" },
	{ KEYS_SCOPE_RESULTS, 'b', KEYS_CMD_REVIEW, 0, "back to your answers (to change one)" },
	{ KEYS_SCOPE_RESULTS, KEYS_BACKSPACE, KEYS_CMD_REVIEW, 0, NULL },
	{ KEYS_SCOPE_RESULTS, 'q', KEYS_CMD_QUIT, 0, "finish; the summary stays in your terminal" },
	{ KEYS_SCOPE_RESULTS, KEYS_ENTER, KEYS_CMD_QUIT, 0, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_ESC, KEYS_CMD_QUIT, 0, NULL },
	{ KEYS_SCOPE_RESULTS, KEYS_F(10), KEYS_CMD_QUIT, 0, NULL },

	/* results: where to save (editing keys: KEYS_SCOPE_EDIT) */
	{ KEYS_SCOPE_SAVE_PATH, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "save the report there" },
	{ KEYS_SCOPE_SAVE_PATH, KEYS_ESC, KEYS_CMD_CANCEL, 0, "back to the results, nothing saved" },

	/* results: include the reflections? replace the file? */
	{ KEYS_SCOPE_SAVE_QUESTION, 'y', KEYS_CMD_YES, 0, "yes" },
	{ KEYS_SCOPE_SAVE_QUESTION, 'Y', KEYS_CMD_YES, 0, NULL },
	{ KEYS_SCOPE_SAVE_QUESTION, 'n', KEYS_CMD_NO, 0, "no" },
	{ KEYS_SCOPE_SAVE_QUESTION, 'N', KEYS_CMD_NO, 0, NULL },
	{ KEYS_SCOPE_SAVE_QUESTION, KEYS_ENTER, KEYS_CMD_NO, 0, NULL },
	{ KEYS_SCOPE_SAVE_QUESTION, KEYS_ESC, KEYS_CMD_CANCEL, 0, "cancel (or choose another name)" },

	/* learn: the contents and every chapter */
	{ KEYS_SCOPE_LEARN, KEYS_UP, KEYS_CMD_LINE_UP, 0, "a line up (in the contents: the "
	                                                  "chapter above)" },
	{ KEYS_SCOPE_LEARN, 'k', KEYS_CMD_LINE_UP, 0, NULL },
	{ KEYS_SCOPE_LEARN, KEYS_DOWN, KEYS_CMD_LINE_DOWN, 0, "a line down (in the contents: "
	                                                      "the chapter below)" },
	{ KEYS_SCOPE_LEARN, 'j', KEYS_CMD_LINE_DOWN, 0, NULL },
	{ KEYS_SCOPE_LEARN, KEYS_PAGE_UP, KEYS_CMD_PAGE_UP, 0, "a screenful up; at the top, the "
	                                                       "previous chapter" },
	{ KEYS_SCOPE_LEARN, 'b', KEYS_CMD_PAGE_UP, 0, NULL },
	{ KEYS_SCOPE_LEARN, KEYS_PAGE_DOWN, KEYS_CMD_PAGE_DOWN, 0, "a screenful down; past the "
	                                                           "end, the next chapter" },
	{ KEYS_SCOPE_LEARN, ' ', KEYS_CMD_PAGE_DOWN, 0, NULL },
	{ KEYS_SCOPE_LEARN, 'f', KEYS_CMD_PAGE_DOWN, 0, NULL },
	{ KEYS_SCOPE_LEARN, 'u', KEYS_CMD_HALF_UP, 0, "half a screenful up" },
	{ KEYS_SCOPE_LEARN, 'd', KEYS_CMD_HALF_DOWN, 0, "half a screenful down" },
	{ KEYS_SCOPE_LEARN, KEYS_HOME, KEYS_CMD_TOP, 0, "the top" },
	{ KEYS_SCOPE_LEARN, 'g', KEYS_CMD_TOP, 0, NULL },
	{ KEYS_SCOPE_LEARN, KEYS_END, KEYS_CMD_BOTTOM, 0, "the end" },
	{ KEYS_SCOPE_LEARN, 'G', KEYS_CMD_BOTTOM, 0, NULL },
	{ KEYS_SCOPE_LEARN, KEYS_ENTER, KEYS_CMD_OPEN, 0, "read the chapter chosen in the contents" },
	{ KEYS_SCOPE_LEARN, KEYS_RIGHT, KEYS_CMD_OPEN, 0, NULL },
	{ KEYS_SCOPE_LEARN, 'l', KEYS_CMD_OPEN, 0, NULL },
	{ KEYS_SCOPE_LEARN, KEYS_TAB, KEYS_CMD_TOGGLE_CONTENTS, 0, "to the contents and back to "
	                                                           "the chapter" },
	{ KEYS_SCOPE_LEARN, KEYS_BACKTAB, KEYS_CMD_TOGGLE_CONTENTS, 0, NULL },
	{ KEYS_SCOPE_LEARN, KEYS_BACKSPACE, KEYS_CMD_CONTENTS, 0, "back to the contents" },
	{ KEYS_SCOPE_LEARN, '[', KEYS_CMD_CHAPTER_PREV, 0, "the previous chapter" },
	{ KEYS_SCOPE_LEARN, ']', KEYS_CMD_CHAPTER_NEXT, 0, "the next chapter" },
	{ KEYS_SCOPE_LEARN, '/', KEYS_CMD_SEARCH, 0, "search the whole guide (type, then "
	                                             "Enter)" },
	{ KEYS_SCOPE_LEARN, 'n', KEYS_CMD_MATCH_NEXT, 0, "the next match" },
	{ KEYS_SCOPE_LEARN, 'N', KEYS_CMD_MATCH_PREV, 0, "the previous match" },
	{ KEYS_SCOPE_LEARN, KEYS_ESC, KEYS_CMD_CLEAR_MATCH, 0, "clear the match shown" },
	{ KEYS_SCOPE_LEARN, 'q', KEYS_CMD_QUIT, 0, "quit" },
	{ KEYS_SCOPE_LEARN, KEYS_F(10), KEYS_CMD_QUIT, 0, NULL },

	/* learn: the chapter with the live worked example */
	{ KEYS_SCOPE_LEARN_EXAMPLE, KEYS_LEFT, KEYS_CMD_EX_LESS, 0, "worked example: change the "
	                                                            "answer, one down" },
	{ KEYS_SCOPE_LEARN_EXAMPLE, 'h', KEYS_CMD_EX_LESS, 0, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, KEYS_RIGHT, KEYS_CMD_EX_MORE, 0, "worked example: change the "
	                                                             "answer, one up" },
	{ KEYS_SCOPE_LEARN_EXAMPLE, 'l', KEYS_CMD_EX_MORE, 0, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '0', KEYS_CMD_EX_ANSWER, 0, "worked example: answer with that "
	                                                        "number" },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '1', KEYS_CMD_EX_ANSWER, 1, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '2', KEYS_CMD_EX_ANSWER, 2, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '3', KEYS_CMD_EX_ANSWER, 3, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '4', KEYS_CMD_EX_ANSWER, 4, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '5', KEYS_CMD_EX_ANSWER, 5, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '6', KEYS_CMD_EX_ANSWER, 6, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '7', KEYS_CMD_EX_ANSWER, 7, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '8', KEYS_CMD_EX_ANSWER, 8, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '9', KEYS_CMD_EX_ANSWER, 9, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '<', KEYS_CMD_EX_ITEM_PREV, 0, "worked example: the previous "
	                                                           "item" },
	{ KEYS_SCOPE_LEARN_EXAMPLE, ',', KEYS_CMD_EX_ITEM_PREV, 0, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '>', KEYS_CMD_EX_ITEM_NEXT, 0, "worked example: the next item" },
	{ KEYS_SCOPE_LEARN_EXAMPLE, '.', KEYS_CMD_EX_ITEM_NEXT, 0, NULL },
	{ KEYS_SCOPE_LEARN_EXAMPLE, 'x', KEYS_CMD_EX_SKIP, 0, "worked example: skip the item" },
	{ KEYS_SCOPE_LEARN_EXAMPLE, 'r', KEYS_CMD_EX_RESET, 0, "worked example: start again" },

	/* learn: typing a search (editing keys: KEYS_SCOPE_EDIT) */
	{ KEYS_SCOPE_SEARCH, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "search for the text typed" },
	{ KEYS_SCOPE_SEARCH, KEYS_ESC, KEYS_CMD_CANCEL, 0, "cancel the search (so does Backspace "
	                                                   "when nothing is typed)" },

	/* explore: the plane */
	{ KEYS_SCOPE_EXPLORE, KEYS_UP, KEYS_CMD_MOVE_UP, 0, "anxiety up a small step (0.1)" },
	{ KEYS_SCOPE_EXPLORE, 'k', KEYS_CMD_MOVE_UP, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, KEYS_DOWN, KEYS_CMD_MOVE_DOWN, 0, "anxiety down a small step (0.1)" },
	{ KEYS_SCOPE_EXPLORE, 'j', KEYS_CMD_MOVE_DOWN, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, KEYS_LEFT, KEYS_CMD_MOVE_LEFT, 0, "avoidance down a small step (0.1)" },
	{ KEYS_SCOPE_EXPLORE, 'h', KEYS_CMD_MOVE_LEFT, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, KEYS_RIGHT, KEYS_CMD_MOVE_RIGHT, 0, "avoidance up a small step (0.1)" },
	{ KEYS_SCOPE_EXPLORE, 'l', KEYS_CMD_MOVE_RIGHT, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, 'K', KEYS_CMD_BIG_UP, 0, "anxiety up a big step (0.5)" },
	{ KEYS_SCOPE_EXPLORE, KEYS_SHIFT_UP, KEYS_CMD_BIG_UP, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, KEYS_PAGE_UP, KEYS_CMD_BIG_UP, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, 'J', KEYS_CMD_BIG_DOWN, 0, "anxiety down a big step (0.5)" },
	{ KEYS_SCOPE_EXPLORE, KEYS_SHIFT_DOWN, KEYS_CMD_BIG_DOWN, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, KEYS_PAGE_DOWN, KEYS_CMD_BIG_DOWN, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, 'H', KEYS_CMD_BIG_LEFT, 0, "avoidance down a big step (0.5)" },
	{ KEYS_SCOPE_EXPLORE, KEYS_SHIFT_LEFT, KEYS_CMD_BIG_LEFT, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, KEYS_HOME, KEYS_CMD_BIG_LEFT, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, 'L', KEYS_CMD_BIG_RIGHT, 0, "avoidance up a big step (0.5)" },
	{ KEYS_SCOPE_EXPLORE, KEYS_SHIFT_RIGHT, KEYS_CMD_BIG_RIGHT, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, KEYS_END, KEYS_CMD_BIG_RIGHT, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, '1', KEYS_CMD_JUMP_STYLE, 0, "a typical point: Secure, Anxious, "
	                                                   "Dismissive, Fearful" },
	{ KEYS_SCOPE_EXPLORE, '2', KEYS_CMD_JUMP_STYLE, 1, NULL },
	{ KEYS_SCOPE_EXPLORE, '3', KEYS_CMD_JUMP_STYLE, 2, NULL },
	{ KEYS_SCOPE_EXPLORE, '4', KEYS_CMD_JUMP_STYLE, 3, NULL },
	{ KEYS_SCOPE_EXPLORE, 'c', KEYS_CMD_CENTRE, 0, "the centre, where the two cutoffs cross" },
	{ KEYS_SCOPE_EXPLORE, '0', KEYS_CMD_CENTRE, 0, NULL },
	{ KEYS_SCOPE_EXPLORE, 'r', KEYS_CMD_LOAD_REPORT, 0, "start from a saved JSON report (type "
	                                                    "its path, Enter)" },
	{ KEYS_SCOPE_EXPLORE, KEYS_ESC, KEYS_CMD_CLEAR_NOTE, 0, "clear the report note" },
	{ KEYS_SCOPE_EXPLORE, 'q', KEYS_CMD_QUIT, 0, "quit (nothing is ever saved)" },
	{ KEYS_SCOPE_EXPLORE, KEYS_F(10), KEYS_CMD_QUIT, 0, NULL },

	/* explore: typing a report's path (editing keys: KEYS_SCOPE_EDIT) */
	{ KEYS_SCOPE_REPORT_PATH, KEYS_ENTER, KEYS_CMD_CONFIRM, 0, "load the report" },
	{ KEYS_SCOPE_REPORT_PATH, KEYS_ESC, KEYS_CMD_CANCEL, 0, "cancel" },
};
const size_t keys_count = sizeof keys_table / sizeof *keys_table;

/* True when s is a valid scope. */
static int
valid(keys_scope s)
{
	return (int)s >= 0 && s < KEYS_SCOPE_COUNT;
}

keys_scope
keys_parent(keys_scope s)
{
	return valid(s) ? scopes[s].parent : KEYS_SCOPE_ANY;
}

const char *
keys_scope_name(keys_scope s)
{
	return valid(s) ? scopes[s].name : "?";
}

const char *
keys_scope_mouse(keys_scope s)
{
	return valid(s) ? scopes[s].mouse : NULL;
}

int
keys_text_entry(keys_scope s)
{
	for (int depth = 0; valid(s) && depth < KEYS_SCOPE_COUNT; depth++) {
		if (s == KEYS_SCOPE_EDIT)
			return 1;
		if (s == KEYS_SCOPE_ANY)
			break;
		s = scopes[s].parent;
	}
	return 0;
}

/* The row of key in scope s itself (not its parents), or NULL. */
static const keys_binding *
own_row(keys_scope s, int key)
{
	for (size_t i = 0; i < keys_count; i++)
		if (keys_table[i].scope == s && keys_table[i].key == key)
			return &keys_table[i];
	return NULL;
}

const keys_binding *
keys_lookup(keys_scope s, int key)
{
	for (int depth = 0; valid(s) && depth < KEYS_SCOPE_COUNT; depth++) {
		const keys_binding *b = own_row(s, key);
		if (b)
			return b;
		if (s == KEYS_SCOPE_ANY)
			break;
		s = scopes[s].parent;
	}
	return NULL;
}

const char *
keys_help_text(keys_scope s, keys_cmd cmd)
{
	for (int depth = 0; valid(s) && depth < KEYS_SCOPE_COUNT; depth++) {
		for (size_t i = 0; i < keys_count; i++)
			if (keys_table[i].scope == s && keys_table[i].cmd == cmd && keys_table[i].help)
				return keys_table[i].help;
		if (s == KEYS_SCOPE_ANY)
			break;
		s = scopes[s].parent;
	}
	return NULL;
}

char *
keys_name(int key, char *buf, size_t size)
{
	static const char *const special[] = {
		"Up", "Down", "Left", "Right", "Shift-Up", "Shift-Down", "Shift-Left",
		"Shift-Right", "PageUp", "PageDown", "Home", "End", "Enter", "Backspace",
		"Delete", "Shift-Tab",
	};

	if (key >= KEYS_SPECIAL && key < KEYS_F0)
		snprintf(buf, size, "%s", special[key - KEYS_SPECIAL]);
	else if (key > KEYS_F0 && key <= KEYS_F(63))
		snprintf(buf, size, "F%d", key - KEYS_F0);
	else if (key == KEYS_TAB)
		snprintf(buf, size, "Tab");
	else if (key == KEYS_ESC)
		snprintf(buf, size, "Esc");
	else if (key == ' ')
		snprintf(buf, size, "Space");
	else if (key > 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
	return buf;
}

/* A key that can join a run like "1-4": a digit or a letter. */
static int
runnable(int key)
{
	return (key >= '0' && key <= '9') || (key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z');
}

/* Append s to buf (of size) at *n, with ", " first unless it is the first name. */
static void
append(char *buf, size_t size, size_t *n, const char *s)
{
	int w = snprintf(buf + *n, size - *n, "%s%s", *n ? ", " : "", s);

	if (w > 0)
		*n = *n + (size_t)w < size ? *n + (size_t)w : size - 1;
}

/* Names of keys[0..n) joined by ", ", runs of three or more like 1 2 3 4 as "1-4". */
static void
join_names(const int *keys, size_t n, char *buf, size_t size)
{
	size_t len = 0;
	char a[32], b[32], run[72];

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j + 1 < n && runnable(keys[i]) && keys[j + 1] == keys[j] + 1 &&
		       runnable(keys[j + 1]))
			j++;
		if (j - i >= 2) {
			snprintf(run, sizeof run, "%s-%s", keys_name(keys[i], a, sizeof a),
			         keys_name(keys[j], b, sizeof b));
			append(buf, size, &len, run);
			i = j;
		} else {
			append(buf, size, &len, keys_name(keys[i], a, sizeof a));
		}
	}
}

/* Keys gathered for one help line. */
typedef struct gathered {
	keys_cmd cmd;
	int keys[16];
	size_t n;
} gathered;

/* Add key to the line of cmd (a new line when there is none); returns the line count. */
static size_t
gather(gathered *g, size_t n, size_t max, keys_cmd cmd, int key)
{
	size_t i = 0;

	while (i < n && g[i].cmd != cmd)
		i++;
	if (i == n) {
		if (n == max)
			return n;
		g[n].cmd = cmd;
		g[n].n = 0;
		n++;
	}
	if (g[i].n < sizeof g[i].keys / sizeof *g[i].keys)
		g[i].keys[g[i].n++] = key;
	return n;
}

size_t
keys_help(keys_scope s, keys_help_line *out, size_t max)
{
	gathered g[KEYS_HELP_MAX];
	size_t n = 0;
	keys_scope level = s;

	for (int depth = 0; valid(level) && depth < KEYS_SCOPE_COUNT; depth++) {
		for (size_t i = 0; i < keys_count; i++) {
			const keys_binding *b = &keys_table[i];
			if (b->scope == level && keys_lookup(s, b->key) == b)
				n = gather(g, n, KEYS_HELP_MAX, b->cmd, b->key);
		}
		if (level == KEYS_SCOPE_ANY)
			break;
		level = scopes[level].parent;
	}
	for (size_t i = 0; i < n && i < max; i++) {
		const char *text = keys_help_text(s, g[i].cmd);
		out[i].cmd = g[i].cmd;
		join_names(g[i].keys, g[i].n, out[i].keys, sizeof out[i].keys);
		out[i].text = text ? text : "";
	}
	return n;
}
