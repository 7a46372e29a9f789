/* batch_header.c - batch scoring: the header row mapped to the bank's items (batch.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_int.h"
#include "xmalloc.h"

#define WARN_NAMES 20                     /* column names listed in one warning */

/* Order header cells by bytes (for duplicate detection). */
static int
cmp_hname(const void *a, const void *b)
{
	const hname *x = *(const hname *const *)a, *y = *(const hname *const *)b;
	int d = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);

	if (!d)
		d = (x->n > y->n) - (x->n < y->n);
	return d ? d : (x > y) - (x < y);     /* equal names stay in column order */
}

/* Do two header cells have the same name? */
static int
same_name(const hname *x, const hname *y)
{
	return x->n == y->n && memcmp(x->s, y->s, x->n) == 0;
}

/* Report duplicate column names, each once; returns their number. */
static int
check_duplicates(batch *c)
{
	const hname **v = xcalloc(c->nhdr, sizeof *v);
	int ndup = 0;

	for (size_t i = 0; i < c->nhdr; i++)
		v[i] = &c->hdr[i];
	qsort(v, c->nhdr, sizeof *v, cmp_hname);
	for (size_t i = 1; i < c->nhdr; i++) {
		size_t n, a, z;
		const char *s;

		if (!same_name(v[i - 1], v[i]) || (i >= 2 && same_name(v[i - 2], v[i])))
			continue;
		a = (size_t)(v[i - 1] - c->hdr) + 1;
		z = (size_t)(v[i] - c->hdr) + 1;
		s = batch_clean(v[i]->s, v[i]->n, &n);
		batch_diag(c, c->row_line, "duplicate column name '%.*s' (columns %zu and %zu)",
		     (int)(n > 200 ? 200 : n), s, a < z ? a : z, a < z ? z : a);
		if (s != v[i]->s)
			free((char *)s);
		ndup++;
	}
	free(v);
	return ndup;
}

/* Append ", name" (cleaned) to a warning being built in buf. */
static void
list_name(char *buf, size_t size, const char *s, size_t n)
{
	size_t len = strlen(buf), cn;
	const char *t = batch_clean(s, n, &cn);

	snprintf(buf + len, size - len, "%s'%.*s'", len ? ", " : "", (int)(cn > 60 ? 60 : cn), t);
	if (t != s)
		free((char *)t);
}

/* One warning naming the ignored columns, one naming the items without a column. */
static void
warn_columns(batch *c, const unsigned char *seen)
{
	char list[2048] = "";
	size_t n = 0;

	for (size_t i = 0; i < c->ncols; i++)
		if (c->cols[i].item == COL_IGNORED && n++ < WARN_NAMES)
			list_name(list, sizeof list, c->hdr[i].s, c->hdr[i].n);
	if (n)
		batch_diag(c, c->row_line, "warning: ignoring %zu column%s that name%s no item of bank '%s': %s%s",
		     n, n == 1 ? "" : "s", n == 1 ? "s" : "", c->b->id, list,
		     n > WARN_NAMES ? ", ..." : "");
	list[0] = '\0';
	n = 0;
	for (size_t i = 0; i < c->b->nitems; i++)
		if (c->b->items[i].type == ITEM_LIKERT && !seen[i] && n++ < WARN_NAMES)
			list_name(list, sizeof list, c->b->items[i].id, strlen(c->b->items[i].id));
	if (n)
		batch_diag(c, c->row_line, "warning: %zu item%s of bank '%s' %s no column and count%s as "
		     "unanswered: %s%s", n, n == 1 ? "" : "s", c->b->id, n == 1 ? "has" : "have",
		     n == 1 ? "s" : "", list, n > WARN_NAMES ? ", ..." : "");
}

/* True when every cell of the first row reads as a value: data, not names. */
static int
looks_like_data(const batch *c)
{
	for (size_t i = 0; i < c->nhdr; i++) {
		const char *s = c->hdr[i].s;
		size_t n = c->hdr[i].n, k = n && s[0] == '-';

		if (n == k && n)
			return 0;
		for (; k < n; k++)
			if ((s[k] < '0' || s[k] > '9') && s[k] != '.')
				return 0;
	}
	return 1;
}

/* Map header cells to items; report what makes the file unusable. */
void
batch_finish_header(batch *c)
{
	unsigned char *seen = xcalloc(c->b->nitems ? c->b->nitems : 1, 1);
	size_t nitems = 0;

	c->in_header = 0;
	c->ncols = c->nhdr;
	c->cols = xcalloc(c->ncols ? c->ncols : 1, sizeof *c->cols);
	for (size_t i = 0; i < c->ncols; i++) {
		const hname *h = &c->hdr[i];
		long it = memchr(h->s, '\0', h->n) ? -1 : bank_item_index(c->b, h->s);

		c->cols[i].item = COL_IGNORED;
		if (h->n == 10 && memcmp(h->s, "respondent", 10) == 0) {
			c->cols[i].item = COL_RESPONDENT;
			c->has_respondent = 1;
		} else if (it >= 0 && c->b->items[it].type != ITEM_LIKERT) {
			c->cols[i].item = COL_TEXT;
		} else if (it >= 0) {
			c->cols[i].item = it;
			c->cols[i].lo = c->b->items[it].range->min;
			c->cols[i].hi = c->b->items[it].range->max;
			seen[it] = 1;
			nitems++;
		}
	}
	if (check_duplicates(c)) {
		c->status = 65;
	} else if (nitems == 0) {
		if (looks_like_data(c))
			batch_diag(c, c->row_line, "no header row: the first row holds values, not column "
			     "names (expected 'respondent' and item ids of bank '%s', such as '%s')",
			     c->b->id, c->b->nitems ? c->b->items[0].id : "");
		else
			batch_diag(c, c->row_line, "the header names no item of bank '%s' (expected item "
			     "ids such as '%s')", c->b->id, c->b->nitems ? c->b->items[0].id : "");
		c->status = 65;
	}
	if (c->status) {
		c->stop = 1;
	} else {
		warn_columns(c, seen);
		c->bads = xcalloc(nitems, sizeof *c->bads);
		c->badcap = nitems;
		bwriter_header(c->w);
	}
	free(seen);
}
