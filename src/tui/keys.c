/* keys.c - THE key binding table of the interface (see tui.h). */
#include <string.h>

#include "tui.h"

/* Control characters as typed. */
#define CTRL(c) ((c) & 0x1f)

/*
 * Every key the interface knows, with the command it stands for.  Screens
 * read ev->cmd; the help overlay lists keys from here.  Keep the order the
 * help should show them in.
 */
const tui_binding tui_bindings[] = {
	{ KEY_LEFT, 0, "Left", TUI_CMD_PREV },
	{ 'h', 1, "h", TUI_CMD_PREV },
	{ KEY_RIGHT, 0, "Right", TUI_CMD_NEXT },
	{ 'l', 1, "l", TUI_CMD_NEXT },
	{ KEY_ENTER, 0, "Enter", TUI_CMD_CONFIRM },
	{ KEY_BACKSPACE, 0, "Backspace", TUI_CMD_BACK },
	{ KEY_UP, 0, "Up", TUI_CMD_BACK },
	{ 'k', 1, "k", TUI_CMD_BACK },
	{ KEY_PPAGE, 0, "PageUp", TUI_CMD_BACK },
	{ KEY_DOWN, 0, "Down", TUI_CMD_FORWARD },
	{ 'j', 1, "j", TUI_CMD_FORWARD },
	{ KEY_NPAGE, 0, "PageDown", TUI_CMD_FORWARD },
	{ KEY_HOME, 0, "Home", TUI_CMD_HOME },
	{ 'g', 1, "g", TUI_CMD_HOME },
	{ KEY_END, 0, "End", TUI_CMD_END },
	{ 'G', 1, "G", TUI_CMD_END },
	{ 's', 1, "s", TUI_CMD_SKIP },
	{ '\t', 0, "Tab", TUI_CMD_TAB },
	{ KEY_BTAB, 0, "Shift-Tab", TUI_CMD_BACKTAB },
	{ '?', 1, "?", TUI_CMD_HELP },
	{ KEY_F(1), 0, "F1", TUI_CMD_HELP },
	{ 'q', 1, "q", TUI_CMD_QUIT },
	{ KEY_F(10), 0, "F10", TUI_CMD_QUIT },
	{ 27, 0, "Esc", TUI_CMD_CANCEL },
	{ CTRL('l'), 0, "Ctrl-L", TUI_CMD_REDRAW },
};
const size_t tui_nbindings = sizeof tui_bindings / sizeof *tui_bindings;

char *
tui_keys_for(tui_cmd cmd, char *buf, size_t size)
{
	size_t n = 0;

	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < tui_nbindings; i++) {
		const char *name = tui_bindings[i].name;
		size_t l = strlen(name);
		if (tui_bindings[i].cmd != cmd)
			continue;
		if (n && n + 2 < size) {
			memcpy(buf + n, ", ", 2);
			n += 2;
		}
		if (n + l + 1 < size) {
			memcpy(buf + n, name, l);
			n += l;
		}
		buf[n] = '\0';
	}
	return buf;
}
