/* text.c - neutralising untrusted text, display width and word wrap. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "xmalloc.h"

size_t
text_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = p[0], lo = 0x80, hi = 0xBF;
	size_t need;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1, v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2, v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;   /* no overlong forms */
		hi = c == 0xED ? 0x9F : 0xBF;   /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3, v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;   /* nothing above U+10FFFF */
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i <= need; i++) {
		if (i >= n || p[i] < lo || p[i] > hi) {
			*cp = 0xFFFD;
			return i;
		}
		lo = 0x80, hi = 0xBF;
		v = (v << 6) | (p[i] & 0x3F);
	}
	*cp = v;
	return need + 1;
}

size_t
text_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
text_next(const char *s, size_t len, size_t off)
{
	uint32_t cp;

	if (off >= len)
		return len;
	return off + text_utf8_decode(s + off, len - off, &cp);
}

size_t
text_prev(const char *s, size_t off)
{
	size_t k = off;

	/* Step back over at most three continuation bytes to a lead byte. */
	while (k > 0 && off - k < 4) {
		k--;
		if (((unsigned char)s[k] & 0xC0) != 0x80)
			break;
	}
	if (k == off)
		return off;
	/* If that lead byte does not decode up to off, the last byte stands alone. */
	uint32_t cp;
	if (k + text_utf8_decode(s + k, off - k, &cp) != off)
		return off - 1;
	return k;
}

/* --- Neutralising ------------------------------------------------------ */

/* End of a CSI sequence whose parameters start at i. */
static size_t
skip_csi(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && s[i] >= 0x30 && s[i] <= 0x3F)
		i++;
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
		i++;
	if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
		i++;
	return i;
}

/* End of an OSC/DCS/SOS/PM/APC string starting at i: BEL, ST, or before a line end. */
static size_t
skip_string(const unsigned char *s, size_t n, size_t i)
{
	for (; i < n; i++) {
		if (s[i] == 0x07)
			return i + 1;
		if (s[i] == '\n' || s[i] == '\r')
			return i;
		if (s[i] == 0x1B)
			return (i + 1 < n && s[i + 1] == '\\') ? i + 2 : i;
		if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0x9C)
			return i + 2;
	}
	return n;
}

/* End of the escape sequence whose ESC is at i. */
static size_t
skip_escape(const unsigned char *s, size_t n, size_t i)
{
	unsigned c;

	if (++i >= n)
		return i;
	c = s[i];
	if (c == '[')
		return skip_csi(s, n, i + 1);
	if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
		return skip_string(s, n, i + 1);
	if (c >= 0x20 && c <= 0x2F) {   /* nF: intermediates, then a final byte */
		while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
			i++;
		if (i < n && s[i] >= 0x30 && s[i] <= 0x7E)
			i++;
		return i;
	}
	if (c >= 0x30 && c <= 0x7E)
		return i + 1;
	return i;   /* ESC before a control or non-ASCII: drop the ESC alone */
}

/* Bidirectional formatting controls and the BOM: removed from display text. */
static int
is_invisible_format(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0xFEFF;
}

/* Append the replacement character. */
static char *
put_repl(char *o)
{
	/* Three bytes into the middle of the output; the caller ends it with a NUL.
	 * NOLINTNEXTLINE(bugprone-not-null-terminated-result) */
	memcpy(o, TEXT_REPLACEMENT, 3);
	return o + 3;
}

char *
text_clean_n(const char *s, size_t n, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)s;
	char *out = xmalloc(n * 3 + 1), *o = out;
	char brk = (flags & TEXT_ONE_LINE) ? ' ' : '\n';
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);

		if (cp == 0x1B) {
			i = skip_escape(u, n, i);
		} else if (cp == 0x9B) {
			i = skip_csi(u, n, i + k);
		} else if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F) {
			i = skip_string(u, n, i + k);
		} else {
			i += k;
			if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
				*o++ = brk;
			else if (cp == '\r') {
				if (i < n && s[i] == '\n')
					i++;
				*o++ = brk;
			} else if (cp == '\t')
				*o++ = (flags & TEXT_KEEP_TAB) && !(flags & TEXT_ONE_LINE) ? '\t' : ' ';
			else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
				o = put_repl(o);
			else if (!is_invisible_format(cp))
				o += text_utf8_encode(cp, o);
		}
	}
	*o = '\0';
	return out;
}

char *
text_clean(const char *s)
{
	return s ? text_clean_n(s, strlen(s), 0) : xstrdup("");
}

char *
text_clean_line(const char *s)
{
	return s ? text_clean_n(s, strlen(s), TEXT_ONE_LINE) : xstrdup("");
}

int
text_is_clean(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);

		if (cp == 0xFFFD && k != 3)
			return 0;
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
		    cp == 0x2028 || cp == 0x2029 || is_invisible_format(cp))
			return 0;
		i += k;
	}
	return 1;
}

/* --- ASCII transliteration --------------------------------------------- */

/* ASCII look-alike of a non-ASCII code point outside Latin-1 letters. */
static const char *
ascii_of(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212: case 0x00AD:
		return "-";
	case 0x2026:
		return "...";
	case 0x2022: case 0x2027: case 0x25CF: case 0x25CB: case 0x00B7:
		return "*";
	case 0x00A0: case 0x202F: case 0x205F: case 0x3000:
		return " ";
	case 0x2190: return "<-";
	case 0x2192: return "->";
	case 0x2191: return "^";
	case 0x2193: return "v";
	case 0x00D7: return "x";
	default:
		if (cp >= 0x2000 && cp <= 0x200A)
			return " ";
		return "?";
	}
}

char *
text_ascii(const char *s)
{
	static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTs"
	                             "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	size_t n = strlen(s), i = 0;
	char *out = xmalloc(n * 3 + 1), *o = out;

	while (i < n) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);

		i += k;
		if (cp < 0x80) {
			*o++ = (char)cp;
		} else if (cp >= 0xC0 && cp <= 0xFF) {
			*o++ = latin1[cp - 0xC0];
		} else if (text_cp_width(cp) == 0 && cp != 0xFFFD) {
			continue;   /* combining marks and zero-width characters */
		} else {
			const char *a = ascii_of(cp);
			size_t al = strlen(a);
			memcpy(o, a, al);
			o += al;
		}
	}
	*o = '\0';
	return out;
}

/* --- Width ------------------------------------------------------------- */

int
text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x80)
		return (cp >= 0x20 && cp < 0x7F) || cp == '\t' ? 1 : 0;
	if (cp == 0xFFFD)
		return 1;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

int
text_width_n(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		i += text_utf8_decode(s + i, n - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

int
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t
text_fit(const char *s, size_t n, int width, int *used)
{
	size_t i = 0;
	int u = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);
		int w = text_cp_width(cp);

		if (w > 0 && u + w > width)
			break;
		u += w;
		i += k;
	}
	if (used)
		*used = u;
	return i;
}

/* The ellipsis for a terminal, and its width in *w. */
static const char *
ellipsis(int utf8, int *w)
{
	*w = utf8 ? 1 : 3;
	return utf8 ? "\xE2\x80\xA6" : "...";
}

/* Offset of the longest suffix of s[0..n) that fits in width columns, starting on a base character. */
static size_t
fit_tail(const char *s, size_t n, int width)
{
	size_t i = n;
	int u = 0;

	while (i > 0) {
		size_t p = text_prev(s, i);
		uint32_t cp;
		int w;

		text_utf8_decode(s + p, i - p, &cp);
		w = text_cp_width(cp);
		if (u + w > width)
			break;
		u += w;
		i = p;
	}
	while (i < n) {                /* combining marks whose base was left out go too */
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);
		if (text_cp_width(cp) > 0)
			break;
		i += k;
	}
	return i;
}

/* The cases every ellipsizer shares: s fits, no room, or room for less than
 * the ellipsis.  Returns the result, or NULL when the caller must cut s. */
static char *
ellipsize_easy(const char *s, size_t n, int width, const char *ell, int ew)
{
	if (text_width_n(s, n) <= width)
		return xstrdup(s);
	if (width <= 0)
		return xstrdup("");
	if (width < ew)
		return xstrndup(ell, (size_t)width);
	return NULL;
}

char *
text_ellipsize_start(const char *s, int width, int utf8)
{
	int ew;
	const char *ell = ellipsis(utf8, &ew);
	size_t n = strlen(s), k;
	char *easy = ellipsize_easy(s, n, width, ell, ew);

	if (easy)
		return easy;
	k = fit_tail(s, n, width - ew);
	while (k < n && s[k] == ' ')
		k++;
	return xasprintf("%s%s", ell, s + k);
}

char *
text_ellipsize_path(const char *path, int width, int utf8)
{
	int ew, tw;
	const char *ell = ellipsis(utf8, &ew), *slash = strrchr(path, '/');
	size_t n = strlen(path), base, head;

	if (text_width_n(path, n) <= width)
		return xstrdup(path);
	base = slash ? (size_t)(slash - path) : 0;      /* "/name" from here is kept whole */
	tw = text_width_n(path + base, n - base);
	if (!slash || base == 0 || tw + ew + 1 > width)
		return text_ellipsize_start(path, width, utf8);
	head = text_fit(path, base, width - ew - tw, NULL);
	return xasprintf("%.*s%s%s", (int)head, path, ell, path + base);
}

char *
text_ellipsize(const char *s, int width, int utf8)
{
	int ew;
	const char *ell = ellipsis(utf8, &ew);
	size_t n = strlen(s), k;
	char *easy = ellipsize_easy(s, n, width, ell, ew);

	if (easy)
		return easy;
	k = text_fit(s, n, width - ew, NULL);
	while (k > 0 && s[k - 1] == ' ')
		k--;
	return xasprintf("%.*s%s", (int)k, s, ell);
}

/* --- Wrapping ---------------------------------------------------------- */

/* Append one line to l. */
static void
push_line(text_lines *l, size_t off, size_t len, int width)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = (text_line){ off, len, width };
}

/* Push [start, end) without its trailing spaces; lw is the width of all of it. */
static void
push_trimmed(text_lines *l, const char *s, size_t start, size_t end, int lw)
{
	while (end > start && s[end - 1] == ' ')
		end--, lw--;
	push_line(l, start, end - start, lw);
}

/*
 * Lay out one line starting at i (paragraph ends at b); returns where the
 * next line starts, or b when the paragraph is done.
 */
static size_t
wrap_one(const char *s, size_t i, size_t b, int width, text_lines *out)
{
	size_t start = i, brk = 0;
	int lw = 0, brk_w = 0, prev_space = 1;

	while (i < b) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, b - i, &cp);
		int w = text_cp_width(cp);

		if (s[i] == ' ' && !prev_space)
			brk = i, brk_w = lw;
		if (w > 0 && lw + w > width) {
			if (s[i] == ' ') {
				push_trimmed(out, s, start, i, lw);
				return i;
			}
			if (brk > start) {
				push_line(out, start, brk - start, brk_w);
				return brk;
			}
			if (i == start) {   /* one character wider than the line */
				push_line(out, start, k, w);
				return i + k;
			}
			push_line(out, start, i - start, lw);
			return i;
		}
		prev_space = s[i] == ' ';
		lw += w;
		i += k;
	}
	push_trimmed(out, s, start, b, lw);
	return b;
}

/* Wrap the paragraph s[a, b) (no newline inside). */
static void
wrap_para(const char *s, size_t a, size_t b, int width, text_lines *out)
{
	size_t i = a;

	if (a == b) {
		push_line(out, a, 0, 0);
		return;
	}
	i = wrap_one(s, i, b, width, out);
	for (;;) {
		while (i < b && s[i] == ' ')
			i++;
		if (i >= b)
			return;
		i = wrap_one(s, i, b, width, out);
	}
}

size_t
text_wrap(const char *s, int width, text_lines *out)
{
	size_t len = strlen(s), p = 0;

	out->n = 0;
	if (width < 1)
		width = 1;
	while (p < len) {
		size_t e = p;
		while (e < len && s[e] != '\n')
			e++;
		wrap_para(s, p, e, width, out);
		p = e + 1;
	}
	return out->n;
}

void
text_lines_free(text_lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
