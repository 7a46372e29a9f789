/* explore_plain.c - `securebase explore` without a screen: points in, styles out (explore.h). */
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "text.h"
#include "xmalloc.h"

/* A neutralised one-line copy of s, in ASCII when ascii. */
static char *
clean(const char *s, int ascii)
{
	char *t = text_clean_line(s), *a;

	if (!ascii)
		return t;
	a = text_ascii(t);
	free(t);
	return a;
}

/* A style's display name, neutralised (the bank's own preferred). */
static char *
name_of(const explore *e, const content *c, int s, int ascii)
{
	return clean(content_style_name_for(c, e->bank, s), ascii);
}

char *
explore_names(const explore *e, const content *c, unsigned mask, int first, int ascii)
{
	char *out = name_of(e, c, first, ascii);
	unsigned rest = mask & ~(1u << first);

	for (int s = 0; s < STYLE_COUNT; s++) {
		char *n, *t;
		if (!(rest & (1u << s)))
			continue;
		rest &= ~(1u << s);
		n = name_of(e, c, s, ascii);
		t = xasprintf("%s%s%s", out, rest ? ", " : " and ", n);
		free(out);
		free(n);
		out = t;
	}
	return out;
}

char *
explore_headline(const explore *e, const content *c, const explore_class *k, int ascii)
{
	char *names, *h;

	if (!k->near)
		return name_of(e, c, k->style, ascii);
	names = explore_names(e, c, k->near_mask, k->style, ascii);
	h = xasprintf("Between %s", names);
	free(names);
	return h;
}

/* "  Name: summary" for style s. */
static void
write_summary(const explore *e, const content *c, int s, FILE *out, int ascii)
{
	char *name = name_of(e, c, s, ascii);
	char *summary = clean(content_style_text_for(c, e->bank, s, CONTENT_SUMMARY), ascii);

	fprintf(out, "  %s: %s\n", name, summary);
	free(name);
	free(summary);
}

/* "a+b": the ids of the styles of the mask other than the point's. */
static char *
neighbour_ids(const explore_class *k)
{
	char *ids = xstrdup("");

	for (int s = 0; s < STYLE_COUNT; s++) {
		char *t;
		if (s == k->style || !(k->near_mask & (1u << s)))
			continue;
		t = xasprintf("%s%s%s", ids, *ids ? "+" : "", bank_style_id(s));
		free(ids);
		ids = t;
	}
	return ids;
}

/* One record for the point (a, v): near a boundary, every neighbouring style. */
static void
write_record(const explore *e, const content *c, double a, double v, FILE *out, int ascii)
{
	explore_class k;

	explore_classify_at(e, a, v, &k);
	fprintf(out, "%.2f %.2f %s", a, v, bank_style_id(k.style));
	if (k.near) {
		char *ids = neighbour_ids(&k), *head = explore_headline(e, c, &k, ascii);
		fprintf(out, " near %s\n  %s: near the boundary (margin %.2f).\n", ids, head, k.margin);
		free(ids);
		free(head);
		write_summary(e, c, k.style, out, ascii);
		for (int s = 0; s < STYLE_COUNT; s++)
			if (s != k.style && (k.near_mask & (1u << s)))
				write_summary(e, c, s, out, ascii);
		fputc('\n', out);
	} else {
		fputc('\n', out);
		write_summary(e, c, k.style, out, ascii);
		fprintf(out, "  Clear of the boundaries (margin %.2f).\n\n", k.margin);
	}
}

/* Check that both scores lie in their ranges; message in msg otherwise. */
static int
in_ranges(const explore *e, double a, double v, char *msg, size_t size)
{
	const explore_axis *ax = !explore_in_range(&e->anx, a) ? &e->anx :
	                         !explore_in_range(&e->avo, v) ? &e->avo : NULL;

	if (!ax)
		return 1;
	snprintf(msg, size, "%s %.2f is outside its range %g to %g",
	         ax == &e->anx ? "anxiety" : "avoidance", ax == &e->anx ? a : v, ax->min, ax->max);
	return 0;
}

int
explore_plain(const explore *e, const content *c, FILE *in, FILE *out, FILE *err,
              const char *name, int ascii)
{
	char *line = NULL, msg[160];
	size_t cap = 0;
	unsigned long lineno = 0;
	int status = 0;

	while (getline(&line, &cap, in) >= 0) {
		double a, v;
		int r = explore_parse_pair(line, &a, &v, msg, sizeof msg);

		lineno++;
		if (r == 0)
			continue;
		if (r > 0 && in_ranges(e, a, v, msg, sizeof msg)) {
			write_record(e, c, a, v, out, ascii);
			(void)fflush(out);    /* errors stay on out, checked below */
			continue;
		}
		fprintf(err, "%s:%lu: %s\n", name, lineno, msg);
		status = 65;
	}
	free(line);
	if (ferror(in)) {
		fprintf(err, "securebase: %s: read error\n", name);
		return 74;
	}
	if (fflush(out) != 0 || ferror(out)) {
		fputs("securebase: cannot write the output (disk full or closed pipe?)\n", err);
		return 74;
	}
	return status;
}
