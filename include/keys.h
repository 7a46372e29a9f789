/*
 * keys.h - THE key binding table of the interface: every key of every
 * screen, what it does there, and the help line that says so.
 *
 * One table (src/keys.c, keys_table), nnn-style: each row binds a key, in a
 * scope, to a command (with an optional argument) and may carry the help
 * text of that command in that scope.  Screens never look at raw keys to
 * decide what to do: the screen framework (tui.h) looks the key up in the
 * scope the top screen is in and hands the screen the command; only text
 * entry (an answer being typed, a search, a file name) takes the printable
 * characters themselves.  The `?` help of every screen is made from the
 * same rows (keys_help), so keys and help never disagree.
 *
 * Scopes form a tree: a scope sees its own rows first, then its parent's,
 * up to KEYS_SCOPE_ANY (so Ctrl-L redraws everywhere).  A row in a scope shadows
 * a row with the same key further up; two rows with the same key in one
 * scope are a conflict (tests/test_keys.c checks there is none).  Scopes
 * under KEYS_SCOPE_EDIT are text entry: no printable character is bound there.
 *
 * Key codes are curses-free: a Unicode code point for a character (control
 * characters included: Tab is 9, Esc 27), or one of the KEYS_* codes below
 * for a special key.  src/tui translates curses' codes into these.
 *
 * Everything here is constant data and pure functions: no state, nothing
 * allocated, safe from any thread.
 */
#ifndef SB_KEYS_H
#define SB_KEYS_H

#include <stddef.h>

/* Control characters as typed: KEYS_CTRL('l') is Ctrl-L. */
#define KEYS_CTRL(c) ((c) & 0x1f)

/* Key codes beyond the characters. */
enum {
	KEYS_TAB = '\t',
	KEYS_ESC = 27,
	KEYS_SPECIAL = 0x110000,        /* first code past Unicode */
	KEYS_UP = KEYS_SPECIAL, KEYS_DOWN, KEYS_LEFT, KEYS_RIGHT,
	KEYS_SHIFT_UP, KEYS_SHIFT_DOWN, KEYS_SHIFT_LEFT, KEYS_SHIFT_RIGHT,
	KEYS_PAGE_UP, KEYS_PAGE_DOWN, KEYS_HOME, KEYS_END,
	KEYS_ENTER,                     /* Enter, Return, Ctrl-J, Ctrl-M */
	KEYS_BACKSPACE,                 /* Backspace, Ctrl-H, DEL (127) */
	KEYS_DELETE,
	KEYS_BACKTAB,                   /* Shift-Tab */
	KEYS_F0                         /* KEYS_F(1) .. KEYS_F(63) follow */
};
#define KEYS_F(n) (KEYS_F0 + (n))

/* Where a binding applies: a screen, or a mode of one (see the tree in src/keys.c). */
typedef enum keys_scope {
	KEYS_SCOPE_ANY,                /* every scope: Ctrl-L */
	KEYS_SCOPE_SCREEN,             /* every full screen: ?, F1 */
	KEYS_SCOPE_EDIT,               /* typing text: the line-editing keys */
	KEYS_SCOPE_SMALL,              /* the "please enlarge the window" screen */
	KEYS_SCOPE_HELP,               /* the help overlay */
	KEYS_SCOPE_CONFIRM,            /* a yes/no dialog with two buttons */
	KEYS_SCOPE_WELCOME,            /* run: the first screen */
	KEYS_SCOPE_ITEM,               /* run: a question with options */
	KEYS_SCOPE_ITEM_TEXT,          /* run: a free-text question (text entry) */
	KEYS_SCOPE_REVIEW,             /* run: the list of answers */
	KEYS_SCOPE_RESULTS,            /* run: the results */
	KEYS_SCOPE_SAVE_PATH,          /* results: typing where to save a report (text entry) */
	KEYS_SCOPE_SAVE_QUESTION,      /* results: include reflections? replace the file? */
	KEYS_SCOPE_LEARN,              /* learn: the contents and the chapters */
	KEYS_SCOPE_LEARN_EXAMPLE,      /* learn: the chapter with the live worked example */
	KEYS_SCOPE_SEARCH,             /* learn: typing a search (text entry) */
	KEYS_SCOPE_EXPLORE,            /* explore: the plane */
	KEYS_SCOPE_REPORT_PATH,        /* explore: typing a report's path (text entry) */
	KEYS_SCOPE_COUNT
} keys_scope;

/* What a key asks for; each screen does it in its own way. */
typedef enum keys_cmd {
	KEYS_CMD_NONE,
	/* everywhere */
	KEYS_CMD_HELP, KEYS_CMD_REDRAW, KEYS_CMD_QUIT, KEYS_CMD_CANCEL, KEYS_CMD_CONFIRM,
	/* scrolling a text or moving in a list */
	KEYS_CMD_LINE_UP, KEYS_CMD_LINE_DOWN, KEYS_CMD_PAGE_UP, KEYS_CMD_PAGE_DOWN,
	KEYS_CMD_HALF_UP, KEYS_CMD_HALF_DOWN, KEYS_CMD_TOP, KEYS_CMD_BOTTOM,
	/* dialogs */
	KEYS_CMD_SWITCH_BUTTON, KEYS_CMD_YES, KEYS_CMD_NO,
	/* run: a question */
	KEYS_CMD_NUMBER,             /* arg: the character typed, '0'..'9' or '-' */
	KEYS_CMD_OPTION_PREV, KEYS_CMD_OPTION_NEXT,
	KEYS_CMD_ITEM_PREV, KEYS_CMD_ITEM_NEXT,
	KEYS_CMD_ITEM_ERASE,         /* Backspace: a digit typed, else like ITEM_PREV */
	KEYS_CMD_ITEM_FIRST, KEYS_CMD_ITEM_UNANSWERED, KEYS_CMD_SKIP,
	/* run: the results */
	KEYS_CMD_SECTION_NEXT, KEYS_CMD_SECTION_PREV,
	KEYS_CMD_SECTION_GOTO,       /* arg: the section, 0-based */
	KEYS_CMD_SAVE_REPORT, KEYS_CMD_REVIEW,
	/* learn */
	KEYS_CMD_OPEN, KEYS_CMD_CONTENTS, KEYS_CMD_TOGGLE_CONTENTS,
	KEYS_CMD_CHAPTER_PREV, KEYS_CMD_CHAPTER_NEXT,
	KEYS_CMD_SEARCH, KEYS_CMD_MATCH_NEXT, KEYS_CMD_MATCH_PREV, KEYS_CMD_CLEAR_MATCH,
	KEYS_CMD_EX_ANSWER,          /* arg: the answer, 0..9 */
	KEYS_CMD_EX_LESS, KEYS_CMD_EX_MORE, KEYS_CMD_EX_ITEM_PREV, KEYS_CMD_EX_ITEM_NEXT,
	KEYS_CMD_EX_SKIP, KEYS_CMD_EX_RESET,
	/* explore */
	KEYS_CMD_MOVE_UP, KEYS_CMD_MOVE_DOWN, KEYS_CMD_MOVE_LEFT, KEYS_CMD_MOVE_RIGHT,
	KEYS_CMD_BIG_UP, KEYS_CMD_BIG_DOWN, KEYS_CMD_BIG_LEFT, KEYS_CMD_BIG_RIGHT,
	KEYS_CMD_JUMP_STYLE,         /* arg: the style, STYLE_SECURE .. STYLE_FEARFUL */
	KEYS_CMD_CENTRE, KEYS_CMD_LOAD_REPORT, KEYS_CMD_CLEAR_NOTE,
	/* editing a line of text */
	KEYS_CMD_EDIT_LEFT, KEYS_CMD_EDIT_RIGHT, KEYS_CMD_EDIT_HOME, KEYS_CMD_EDIT_END,
	KEYS_CMD_EDIT_BACKSPACE, KEYS_CMD_EDIT_DELETE,
	KEYS_CMD_EDIT_KILL_WORD, KEYS_CMD_EDIT_KILL_START, KEYS_CMD_EDIT_KILL_END,
	KEYS_CMD_COUNT
} keys_cmd;

/* One row of the table. */
typedef struct keys_binding {
	keys_scope scope;
	int key;                 /* a character or a KEYS_* code */
	keys_cmd cmd;
	int arg;                 /* the command's operand (see keys_cmd), else 0 */
	const char *help;        /* what cmd does in this scope; NULL: said by another row */
} keys_binding;

/* The table, in the order the help lists it, and its length. */
extern const keys_binding keys_table[];
extern const size_t keys_count;

/* The scope a scope inherits from; KEYS_SCOPE_ANY's is itself. */
keys_scope keys_parent(keys_scope s);
/* A short name for a scope ("item-text"); never NULL for a valid scope. */
const char *keys_scope_name(keys_scope s);
/* What the mouse does in a scope, for its help, or NULL. */
const char *keys_scope_mouse(keys_scope s);
/* True when s is text entry (KEYS_SCOPE_EDIT or under it): printable keys are text there. */
int keys_text_entry(keys_scope s);

/* The row that key means in scope s (its own rows, then its parents'), or NULL. */
const keys_binding *keys_lookup(keys_scope s, int key);

/* The help text of cmd in scope s: the nearest row that has one, or NULL. */
const char *keys_help_text(keys_scope s, keys_cmd cmd);

/* How the help names a key ("PageUp", "Ctrl-L", "q"); writes and returns buf. */
char *keys_name(int key, char *buf, size_t size);

/* One line of a scope's help. */
typedef struct keys_help_line {
	keys_cmd cmd;
	char keys[64];           /* "Up, k" or "1-4": every key that does it here */
	const char *text;        /* keys_help_text: static, never NULL */
} keys_help_line;

/* The most lines any scope's help has. */
#define KEYS_HELP_MAX 48

/*
 * The help of scope s: one line per command that some key reaches there,
 * its own rows first, in table order.  Fills at most max lines and returns
 * how many there are.
 */
size_t keys_help(keys_scope s, keys_help_line *out, size_t max);

#endif
