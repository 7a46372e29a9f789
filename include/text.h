/*
 * text.h - safe display of untrusted text: neutralising, width, wrapping.
 *
 * Every text that comes from a bank or a CSV file must go through
 * text_clean (or text_clean_n) before it reaches a terminal or a report
 * (SPEC section 5: a bank cannot drive the terminal).  The cleaned text is
 * valid UTF-8 and contains no control character except '\n' (and '\t' with
 * TEXT_KEEP_TAB):
 *
 *   - escape sequences are removed whole: CSI (ESC [ ... final, and the C1
 *     CSI U+009B), OSC / DCS / SOS / PM / APC strings (ESC ] P X ^ _ and
 *     their C1 forms) up to BEL, ST or the end of the line, and the two- or
 *     three-byte ESC sequences (ESC c, ESC ( B, ...);
 *   - every other C0 control (except newline and tab), DEL and C1 control
 *     becomes U+FFFD, the visible replacement character;
 *   - "\r\n" and a lone "\r" become "\n"; U+2028 / U+2029 become "\n";
 *   - bidirectional embedding / override / isolate controls (U+202A-U+202E,
 *     U+2066-U+2069) and U+FEFF are removed, so text cannot be reordered;
 *   - invalid UTF-8 (stray continuation bytes, overlong forms, surrogates,
 *     code points above U+10FFFF, truncated sequences) becomes U+FFFD, one
 *     per maximal invalid subpart.
 *
 * Widths are terminal columns as wcwidth(3) reports them in the current
 * locale (the program calls setlocale(LC_ALL, "")); a printable character
 * that wcwidth does not know counts as 1, combining marks as 0.
 *
 * Ownership: functions returning char * return a new string from xmalloc
 * that the caller frees.  Nothing here fails except by dying on
 * out-of-memory.  No function keeps state between calls.
 */
#ifndef SB_TEXT_H
#define SB_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Flags for text_clean_n. */
enum {
	TEXT_KEEP_TAB = 1 << 0,   /* keep '\t' (default: a tab becomes one space) */
	TEXT_ONE_LINE = 1 << 1    /* newlines (and tabs) become single spaces */
};

/* The replacement character U+FFFD, UTF-8 encoded. */
#define TEXT_REPLACEMENT "\xEF\xBF\xBD"

/*
 * Neutralise n bytes of s (which may contain NUL bytes; they become U+FFFD).
 * Returns a new NUL-terminated string.  s may be NULL only when n is 0.
 */
char *text_clean_n(const char *s, size_t n, unsigned flags);

/* text_clean_n(s, strlen(s), 0); s NULL gives an empty string. */
char *text_clean(const char *s);

/* text_clean_n(s, strlen(s), TEXT_ONE_LINE); for labels, names, list rows. */
char *text_clean_line(const char *s);

/* True when the n bytes of s are valid UTF-8 without any character that
 * text_clean would change (so cleaning is the identity). */
int text_is_clean(const char *s, size_t n);

/*
 * Transliterate cleaned UTF-8 to printable ASCII for terminals whose locale
 * is not UTF-8: typographic quotes, dashes, ellipsis, bullets, spaces and
 * U+FFFD get ASCII look-alikes, any other non-ASCII character becomes '?'.
 * Returns a new string whose width equals its length.
 */
char *text_ascii(const char *s);

/* --- UTF-8 ------------------------------------------------------------- */

/*
 * Decode one character from the n > 0 bytes at s.  Returns the number of
 * bytes it takes (1..4) and sets *cp; an invalid sequence sets *cp to
 * 0xFFFD and returns the length of its maximal invalid subpart (>= 1).
 */
size_t text_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp (<= 0x10FFFF, not a surrogate) into out; returns 1..4. */
size_t text_utf8_encode(uint32_t cp, char out[4]);

/* Byte offset of the character after the one at off (off < len), or len. */
size_t text_next(const char *s, size_t len, size_t off);

/* Byte offset of the character before off (0 when off is 0). */
size_t text_prev(const char *s, size_t off);

/* --- Width ------------------------------------------------------------- */

/* Columns taken by one code point: 0 (combining, zero width), 1 or 2. */
int text_cp_width(uint32_t cp);

/* Columns taken by the n bytes of cleaned text s (newlines count 0). */
int text_width_n(const char *s, size_t n);

/* text_width_n(s, strlen(s)). */
int text_width(const char *s);

/*
 * Length in bytes of the longest prefix of s[0..n) that fits in `width`
 * columns, ending on a character boundary (combining marks stay with their
 * base).  *used (may be NULL) receives the columns that prefix takes.
 */
size_t text_fit(const char *s, size_t n, int width, int *used);

/*
 * A copy of one-line text s shortened to at most `width` columns: when it
 * does not fit, it is cut and ends in an ellipsis ("\u2026" when utf8,
 * "..." otherwise; only as much as fits when width < 3).
 */
char *text_ellipsize(const char *s, int width, int utf8);

/*
 * The same, cut at the start instead: the ellipsis first, then the end of
 * s that fits ("\u2026ame.txt").
 */
char *text_ellipsize_start(const char *s, int width, int utf8);

/*
 * A copy of one-line path shortened to at most `width` columns so that the
 * file name stays readable: the ellipsis goes in the middle, between the
 * start of the directory part and the last "/name" kept whole
 * ("/home/u/\u2026/report.txt"); when even "/name" leaves no room, the
 * start is cut instead (text_ellipsize_start).
 */
char *text_ellipsize_path(const char *path, int width, int utf8);

/* --- Wrapping ---------------------------------------------------------- */

/* One display line: bytes [off, off+len) of the wrapped text, `width` columns. */
typedef struct text_line {
	size_t off, len;
	int width;
} text_line;

typedef struct text_lines {
	text_line *v;
	size_t n, cap;
} text_lines;

/*
 * Word-wrap cleaned text s to `width` columns (width < 1 counts as 1) into
 * *out, replacing its previous contents (out must be zero-initialised or
 * used before).  Newlines are hard breaks (an empty line stays an empty
 * line; a trailing newline adds none).  Lines break at spaces, which are
 * not part of either line; indentation at the start of a paragraph is
 * kept.  A word wider than the width is split at a character boundary.  No
 * line is wider than `width`, except that a double-width character always
 * takes a line of its own when width is 1.  Tabs count as one column; clean
 * with the default flags first.  Returns the number of lines (0 for "").
 */
size_t text_wrap(const char *s, int width, text_lines *out);

/* Release the lines' memory; *l is zeroed and reusable. */
void text_lines_free(text_lines *l);

#endif
