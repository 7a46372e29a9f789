/* input.c - curses' key codes as keys.h codes, and keys applied to a line being typed. */
#include "tui.h"
#include "tui_int.h"

/* curses' special keys and their keys.h codes (the bindings are in src/keys.c). */
static const struct {
	int curses, code;
} special[] = {
	{ KEY_UP, KEYS_UP },             { KEY_DOWN, KEYS_DOWN },
	{ KEY_LEFT, KEYS_LEFT },         { KEY_RIGHT, KEYS_RIGHT },
	{ KEY_SR, KEYS_SHIFT_UP },       { KEY_SF, KEYS_SHIFT_DOWN },
	{ KEY_SLEFT, KEYS_SHIFT_LEFT },  { KEY_SRIGHT, KEYS_SHIFT_RIGHT },
	{ KEY_PPAGE, KEYS_PAGE_UP },     { KEY_NPAGE, KEYS_PAGE_DOWN },
	{ KEY_HOME, KEYS_HOME },         { KEY_END, KEYS_END },
	{ KEY_ENTER, KEYS_ENTER },       { KEY_BACKSPACE, KEYS_BACKSPACE },
	{ KEY_DC, KEYS_DELETE },         { KEY_BTAB, KEYS_BACKTAB },
};

int
tui_keycode(int curses_key)
{
	for (size_t i = 0; i < sizeof special / sizeof *special; i++)
		if (special[i].curses == curses_key)
			return special[i].code;
	if (curses_key > KEY_F0 && curses_key <= KEY_F(63))
		return KEYS_F(curses_key - KEY_F0);
	return 0;
}

int
tui_edit_key(lineedit *e, const tui_event *ev)
{
	if (ev->kind == TUI_EV_CHAR) {
		lineedit_insert(e, (uint32_t)ev->ch);
		return 1;
	}
	switch (ev->cmd) {
	case KEYS_CMD_EDIT_LEFT: lineedit_left(e); return 1;
	case KEYS_CMD_EDIT_RIGHT: lineedit_right(e); return 1;
	case KEYS_CMD_EDIT_HOME: lineedit_home(e); return 1;
	case KEYS_CMD_EDIT_END: lineedit_end(e); return 1;
	case KEYS_CMD_EDIT_BACKSPACE: lineedit_backspace(e); return 1;
	case KEYS_CMD_EDIT_DELETE: lineedit_delete(e); return 1;
	case KEYS_CMD_EDIT_KILL_WORD: lineedit_kill_word(e); return 1;
	case KEYS_CMD_EDIT_KILL_START: lineedit_kill_start(e); return 1;
	case KEYS_CMD_EDIT_KILL_END: lineedit_kill_end(e); return 1;
	default: return 0;
	}
}
