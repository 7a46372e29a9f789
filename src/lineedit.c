/* lineedit.c - a UTF-8 field editor for free-text answers (see lineedit.h). */
#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void
lineedit_init(lineedit *e, const char *initial, size_t max)
{
	char *c = text_clean_line(initial);
	size_t n = strlen(c);

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)c[n] & 0xC0) == 0x80)
			n--;
		c[n] = '\0';
	}
	e->buf = c;
	e->len = e->cur = n;
	e->cap = n + 1;
	e->max = max;
}

void
lineedit_free(lineedit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

/* Characters that may not go into an answer. */
static int
refused(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp > 0x10FFFF ||
	       (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029;
}

int
lineedit_insert(lineedit *e, uint32_t cp)
{
	char enc[4];
	size_t k;

	if (refused(cp))
		return -1;
	k = text_utf8_encode(cp, enc);
	if (e->len + k > e->max)
		return -1;
	if (e->len + k + 1 > e->cap) {
		e->cap = (e->len + k + 1) * 2;
		e->buf = xrealloc(e->buf, e->cap);
	}
	memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, k);
	e->len += k;
	e->cur += k;
	return 0;
}

void
lineedit_left(lineedit *e)
{
	e->cur = text_prev(e->buf, e->cur);
}

void
lineedit_right(lineedit *e)
{
	e->cur = text_next(e->buf, e->len, e->cur);
}

void
lineedit_home(lineedit *e)
{
	e->cur = 0;
}

void
lineedit_end(lineedit *e)
{
	e->cur = e->len;
}

/* Offset of the start of the word before off (skipping spaces first). */
static size_t
word_start(const lineedit *e, size_t off)
{
	while (off > 0 && e->buf[off - 1] == ' ')
		off--;
	while (off > 0 && e->buf[off - 1] != ' ')
		off = text_prev(e->buf, off);
	return off;
}

void
lineedit_word_left(lineedit *e)
{
	e->cur = word_start(e, e->cur);
}

void
lineedit_word_right(lineedit *e)
{
	while (e->cur < e->len && e->buf[e->cur] == ' ')
		e->cur++;
	while (e->cur < e->len && e->buf[e->cur] != ' ')
		e->cur = text_next(e->buf, e->len, e->cur);
}

/* Remove bytes [a, b). */
static void
cut(lineedit *e, size_t a, size_t b)
{
	memmove(e->buf + a, e->buf + b, e->len - b + 1);
	e->len -= b - a;
	e->cur = a;
}

void
lineedit_backspace(lineedit *e)
{
	if (e->cur > 0)
		cut(e, text_prev(e->buf, e->cur), e->cur);
}

void
lineedit_delete(lineedit *e)
{
	size_t saved = e->cur;

	if (e->cur < e->len) {
		cut(e, e->cur, text_next(e->buf, e->len, e->cur));
		e->cur = saved;
	}
}

void
lineedit_kill_word(lineedit *e)
{
	cut(e, word_start(e, e->cur), e->cur);
}

void
lineedit_kill_start(lineedit *e)
{
	cut(e, 0, e->cur);
}

void
lineedit_kill_end(lineedit *e)
{
	size_t saved = e->cur;

	cut(e, e->cur, e->len);
	e->cur = saved;
}

/* Append a row to the list (text_lines grows like text_wrap's). */
static void
add_row(text_lines *rows, size_t off, size_t len, int width)
{
	if (rows->n == rows->cap) {
		rows->cap = rows->cap ? rows->cap * 2 : 8;
		rows->v = xreallocarray(rows->v, rows->cap, sizeof *rows->v);
	}
	rows->v[rows->n++] = (text_line){ off, len, width };
}

size_t
lineedit_wrap(const lineedit *e, int width, text_lines *rows, int *crow, int *ccol)
{
	size_t i = 0, start = 0;
	int col = 0;

	if (width < 2)
		width = 2;
	rows->n = 0;
	*crow = 0;
	*ccol = 0;
	while (i < e->len) {
		uint32_t cp;
		size_t k = text_utf8_decode(e->buf + i, e->len - i, &cp);
		int w = text_cp_width(cp);

		if (w > 0 && col + w > width) {
			add_row(rows, start, i - start, col);
			start = i;
			col = 0;
		}
		if (i == e->cur) {
			*crow = (int)rows->n;
			*ccol = col;
		}
		col += w;
		i += k;
	}
	add_row(rows, start, i - start, col);
	if (e->cur == e->len) {
		*crow = (int)rows->n - 1;
		*ccol = col;
		if (col >= width) {   /* a full last row: the cursor starts the next */
			add_row(rows, e->len, 0, 0);
			*crow = (int)rows->n - 1;
			*ccol = 0;
		}
	}
	return rows->n;
}
