/* hints.c - the key reminder line laid out by priority within a width (hints.h). */
#include "hints.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

/* The text shown for hint h: its short form in compact mode when it has one. */
static const char *
shown(const hints_item *h, int brief)
{
	return brief && h->brief ? h->brief : h->text ? h->text : "";
}

/* Columns taken by the kept hints, gap spaces between them. */
static int
line_width(const hints_item *h, size_t n, const unsigned char *keep, int brief, int gap)
{
	int w = 0, any = 0;

	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		w += text_width(shown(&h[i], brief)) + (any ? gap : 0);
		any = 1;
	}
	return w;
}

/* The kept hint to leave out next: the highest priority number, the later among equals. */
static size_t
next_to_drop(const hints_item *h, size_t n, const unsigned char *keep)
{
	size_t pick = n;

	for (size_t i = 0; i < n; i++)
		if (keep[i] && (pick == n || h[i].prio >= h[pick].prio))
			pick = i;
	return pick;
}

/* The kept hints joined with gap spaces. */
static char *
join(const hints_item *h, size_t n, const unsigned char *keep, int brief, int gap)
{
	size_t len = 1;
	char *out, *p;

	for (size_t i = 0; i < n; i++)
		if (keep[i])
			len += strlen(shown(&h[i], brief)) + (size_t)gap;
	p = out = xmalloc(len);
	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		if (p != out) {
			memset(p, ' ', (size_t)gap);
			p += gap;
		}
		size_t k = strlen(shown(&h[i], brief));
		memcpy(p, shown(&h[i], brief), k);
		p += k;
	}
	*p = '\0';
	return out;
}

char *
hints_line(const hints_item *h, size_t n, int gap, int width, int utf8)
{
	unsigned char *keep;
	size_t left = n;
	int brief = 0, g = gap < 1 ? 1 : gap;
	char *line, *cut;

	if (width <= 0 || n == 0)
		return xstrdup("");
	keep = xmalloc(n);
	memset(keep, 1, n);
	if (g > 2 && line_width(h, n, keep, 0, g) > width)
		g = 2;
	if (line_width(h, n, keep, 0, g) > width)
		brief = 1;
	while (left > 1 && line_width(h, n, keep, brief, g) > width) {
		keep[next_to_drop(h, n, keep)] = 0;
		left--;
	}
	line = join(h, n, keep, brief, g);
	free(keep);
	cut = text_ellipsize(line, width, utf8);
	free(line);
	return cut;
}
