/*
 * lineedit.h - a one-paragraph UTF-8 text editor for free-text answers,
 * without a terminal: the buffer, the cursor, the usual editing keys, and
 * how the text wraps into a field so that the cursor can be placed.
 *
 * The buffer is always valid UTF-8 without control characters: insertion
 * refuses C0/C1 controls, DEL, bidirectional controls and invalid code
 * points.  The cursor is a byte offset on a character boundary.
 *
 * Ownership: lineedit_init allocates, lineedit_free releases.  Nothing
 * fails except by dying on out-of-memory.
 */
#ifndef SB_LINEEDIT_H
#define SB_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

typedef struct lineedit {
	char *buf;          /* NUL-terminated */
	size_t len, cap;
	size_t cur;         /* cursor: byte offset */
	size_t max;         /* most bytes accepted */
} lineedit;

/* Start with `initial` (cleaned to one line; may be NULL), cursor at its end. */
void lineedit_init(lineedit *e, const char *initial, size_t max);
void lineedit_free(lineedit *e);

/* Insert one character at the cursor.  Returns 0, or -1 when refused
 * (a control character, or the buffer is full). */
int lineedit_insert(lineedit *e, uint32_t cp);

void lineedit_left(lineedit *e);
void lineedit_right(lineedit *e);
void lineedit_home(lineedit *e);
void lineedit_end(lineedit *e);
void lineedit_word_left(lineedit *e);
void lineedit_word_right(lineedit *e);
/* Delete the character before / at the cursor. */
void lineedit_backspace(lineedit *e);
void lineedit_delete(lineedit *e);
/* Delete the word before the cursor (Ctrl-W), to the start (Ctrl-U), to the end (Ctrl-K). */
void lineedit_kill_word(lineedit *e);
void lineedit_kill_start(lineedit *e);
void lineedit_kill_end(lineedit *e);

/*
 * Wrap the text into rows of `width` columns, breaking anywhere between
 * characters (a field, not a paragraph), into *rows (replacing its
 * contents; zero-initialise it first).  Always at least one row.  *crow and
 * *ccol receive the cursor's row and column: after a full row the cursor
 * moves to the start of the next one.  Returns the number of rows.
 */
size_t lineedit_wrap(const lineedit *e, int width, text_lines *rows, int *crow, int *ccol);

#endif
