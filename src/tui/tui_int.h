/* tui_int.h - framework internals shared by src/tui/tui.c, draw.c, dialogs.c and input.c. */
#ifndef SB_TUI_INT_H
#define SB_TUI_INT_H

#include "tui.h"

/* Attributes and glyphs for the terminal: colour only when allowed, ASCII outside UTF-8. */
void tui_theme_init(tui_theme *th, int utf8, int color);

/* The built-in overlays (tui.h: TUI_SCREEN_HELP, TUI_SCREEN_CONFIRM). */
extern const tui_screen tui_screen_help;
extern const tui_screen tui_screen_confirm;

/* Close the top screen. */
void tui_stack_pop(tui *t);
/* The key scope of the topmost full (non-overlay) screen: what its help lists. */
keys_scope tui_stack_scope(const tui *t);

/* Fill ev from a pending mouse event.  0, or -1 when there is none worth reporting. */
int tui_mouse_event(tui *t, tui_event *ev);
/* The keys.h code of a curses key code (KEY_UP, KEY_F(1), ...), or 0 for one no binding uses. */
int tui_keycode(int curses_key);

#endif
