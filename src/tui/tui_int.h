/* tui_int.h - framework internals shared by src/tui/tui.c, draw.c and dialogs.c. */
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
/* The help table of the topmost full (non-overlay) screen, or NULL. */
const tui_help *tui_stack_help(const tui *t);

/* Fill ev from a pending mouse event.  0, or -1 when there is none worth reporting. */
int tui_mouse_event(tui *t, tui_event *ev);
/* The command bound to ev's key (tui_bindings), or TUI_CMD_NONE. */
tui_cmd tui_lookup(const tui_event *ev);

#endif
