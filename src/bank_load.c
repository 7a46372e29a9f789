/* bank_load.c - the loader's response scales and scales, and the per-scale rules. */
#include <stdlib.h>
#include <string.h>

#include "bank_int.h"
#include "xmalloc.h"

static const ld_key range_keys[] = { { "min", 1 }, { "max", 1 }, { "labels", 0 } };

/* A label with the key node it came from, while sorting. */
typedef struct label_at {
	bank_label label;
	const yt_node *key;
} label_at;

/* Order labels by value. */
static int
label_cmp(const void *a, const void *b)
{
	const label_at *x = a, *y = b;

	return (x->label.value > y->label.value) - (x->label.value < y->label.value);
}

/* The labels of range r; with ok == 0 its min..max is unknown and not checked. */
static void
ld_labels(ld *l, const yt_node *m, bank_range *r, int ok)
{
	label_at *v;
	size_t n = 0;

	if (m->kind != YT_MAP) {
		ld_err(l, m, "'labels' must be a mapping of values to texts, e.g. "
		       "{1: Disagree, 7: Agree}, found %s", yt_kind_name(m));
		return;
	}
	v = xcalloc(m->n ? m->n : 1, sizeof *v);
	for (size_t i = 0; i < m->n; i++) {
		const yt_node *k = yt_key(m, i);
		bank_label *lb = &v[n].label;
		if (k->kind != YT_SCALAR || ld_int(l, k, "label value", -BANK_INT_LIMIT,
		                                    BANK_INT_LIMIT, &lb->value) < 0)
			continue;
		if (ok && (lb->value < r->min || lb->value > r->max)) {
			ld_err(l, k, "label %d is outside the response scale %d..%d",
			       lb->value, r->min, r->max);
			continue;
		}
		if ((lb->text = ld_text(l, yt_val(m, i), "label")))
			v[n++].key = k;
	}
	qsort(v, n, sizeof *v, label_cmp);
	r->labels = arena_calloc(&l->p->mem, n ? n : 1, sizeof *r->labels);
	for (size_t i = 0; i < n; i++) {
		const yt_node *a = i ? v[i - 1].key : NULL, *b = v[i].key;
		/* Repeats written alike are reported by ytree; this catches 1 and +1. */
		if (a && v[i].label.value == v[i - 1].label.value) {
			if (a->len != b->len || memcmp(a->str, b->str, a->len) != 0)
				ld_err(l, b->line > a->line || (b->line == a->line && b->col > a->col)
				       ? b : a, "two labels for the value %d", v[i].label.value);
			continue;
		}
		r->labels[r->nlabels++] = v[i].label;
	}
	free(v);
}

void
ld_range(ld *l, const yt_node *v, bank_range *r, const char *key)
{
	const yt_node *val[3];
	int min = 0, max = 0, ok;
	char what[40];

	*r = l->any;
	snprintf(what, sizeof what, "'%s'", key);
	if (ld_keys(l, v, what, range_keys, 3, val, NULL) < 0)
		return;
	ok = val[0] && val[1];
	if (val[0] && ld_int(l, val[0], "min", -BANK_INT_LIMIT, BANK_INT_LIMIT, &min) < 0)
		ok = 0;
	if (val[1] && ld_int(l, val[1], "max", -BANK_INT_LIMIT, BANK_INT_LIMIT, &max) < 0)
		ok = 0;
	if (ok && min >= max) {
		ld_err(l, val[1], "'%s': max (%d) must be greater than min (%d)", key, max, min);
		ok = 0;
	}
	if (ok) {
		r->min = min;
		r->max = max;
	}
	if (val[2])
		ld_labels(l, val[2], r, ok);
}

static const ld_key scale_keys[] = {
	{ "id", 1 }, { "name", 1 }, { "description", 0 }, { "cutoff", 0 }, { "norm", 0 },
	{ "min_answered", 0 },
};
enum { S_ID, S_NAME, S_DESC, S_CUTOFF, S_NORM, S_MINANS, S_NKEYS };

static const ld_key norm_keys[] = { { "mean", 1 }, { "sd", 1 }, { "source", 0 } };

/* Ids that would be ambiguous in examples (style) or in CSV files (respondent). */
static int
reserved_id(const char *id, int scale)
{
	size_t n = strlen(id);

	if (strcmp(id, "respondent") == 0)
		return 1;
	if (!scale)
		return 0;
	/* Names of further columns of `securebase score`'s output (SPEC 4). */
	return strcmp(id, "style") == 0 || strcmp(id, "margin") == 0 ||
	       strcmp(id, "near_boundary") == 0 ||
	       (n > 2 && strcmp(id + n - 2, "_z") == 0) ||
	       (n > 11 && strcmp(id + n - 11, "_percentile") == 0);
}

/* Report id at idnode as reserved; returns 1 when it is. */
static int
reserved(ld *l, const yt_node *idnode, const char *id, int scale)
{
	if (!reserved_id(id, scale))
		return 0;
	ld_err(l, idnode, "'%s' is reserved and cannot be %s id%s", id, scale ? "a scale" : "an item",
	       scale ? " (it names a column of securebase score's output)" : "");
	return 1;
}

/* Report a repeated id (first used on line `first`). */
static void
duplicate(ld *l, const yt_node *idnode, const char *id, const char *kind, unsigned long first)
{
	char q[80];

	ld_err(l, idnode, "duplicate %s id '%s' (first at line %lu)", kind,
	       yt_quote(id, strlen(id), q, sizeof q), first);
}

/*
 * Record a valid id as element i of an id table, reporting reserved ids and
 * repeats.  Returns 0, or -1 when the id cannot be used (the caller drops it).
 */
int
ld_unique(ld *l, idtab *t, const yt_node *idnode, size_t i, const void *base, size_t stride,
          const char *kind, int scale)
{
	const char *id = *(char *const *)((const char *)base + i * stride);
	const bank_item *items = base;
	const bank_scale *scales = base;
	long prev;

	if (reserved(l, idnode, id, scale))
		return -1;
	prev = idtab_put(t, i, base, stride);
	if (prev >= 0) {
		duplicate(l, idnode, id, kind, scale ? scales[prev].line : items[prev].line);
		return -1;
	}
	return 0;
}

int
ld_unique_item(ld *l, const yt_node *idnode, size_t i, uint32_t h)
{
	const bank_item *items = l->b->items;
	long prev;

	if (reserved(l, idnode, items[i].id, 0))
		return -1;
	prev = idtab_put_hashed(&l->p->items, i, h, items, sizeof *items);
	if (prev >= 0) {
		duplicate(l, idnode, items[i].id, "item", items[prev].line);
		return -1;
	}
	return 0;
}

/* Name the current list entry by its id in messages, when it has a text id. */
void
ld_ctx_id(ld *l, const yt_node *m)
{
	const yt_node *id = yt_get(m, "id");

	if (id && id->kind == YT_SCALAR && !yt_is_null(id)) {
		l->ctx.id = id->str;
		l->ctx.idlen = id->len;
	}
}

/* A scale's norm: mean, sd > 0, optional source. */
static void
ld_norm(ld *l, const yt_node *v, bank_scale *s)
{
	const yt_node *val[3];
	int ok = 1;

	if (ld_keys(l, v, "'norm'", norm_keys, 3, val, NULL) < 0)
		return;
	if (!val[0] || ld_dec(l, val[0], "mean", &s->norm_mean) < 0)
		ok = 0;
	if (!val[1] || ld_dec(l, val[1], "sd", &s->norm_sd) < 0) {
		ok = 0;
	} else if (!(s->norm_sd > 0)) {
		ld_err(l, val[1], "'sd' must be greater than 0, found %g", s->norm_sd);
		ok = 0;
	}
	if (val[2])
		s->norm_source = ld_text(l, val[2], "source");
	s->has_norm = ok;
}

/* One entry of `scales`. */
static void
ld_scale(ld *l, const yt_node *m, size_t i)
{
	bank_scale *s = &l->b->scales[i];
	const yt_node *val[S_NKEYS];
	int minans;

	s->line = m->line;
	s->col = m->col;
	ld_ctx_id(l, m);
	if (ld_keys(l, m, "a scale", scale_keys, S_NKEYS, val, NULL) < 0)
		return;
	if (val[S_ID] && (s->id = ld_id(l, val[S_ID], "id", 0)) &&
	    ld_unique(l, &l->p->scales, val[S_ID], i, l->b->scales, sizeof *s, "scale", 1) < 0)
		s->id = NULL;
	if (val[S_NAME] && (s->name = ld_text(l, val[S_NAME], "name")) && !*s->name)
		ld_err(l, val[S_NAME], "'name' must not be empty");
	if (val[S_DESC])
		s->description = ld_text(l, val[S_DESC], "description");
	if (val[S_CUTOFF] && ld_dec(l, val[S_CUTOFF], "cutoff", &s->cutoff) == 0)
		l->sx[i].cutoff = val[S_CUTOFF];
	if (val[S_NORM])
		ld_norm(l, val[S_NORM], s);
	if (val[S_MINANS] && ld_int(l, val[S_MINANS], "min_answered", 1, INT_MAX, &minans) == 0) {
		s->min_answered = minans;
		l->sx[i].min_answered = val[S_MINANS];
	}
}

void
ld_scales(ld *l, const yt_node *v)
{
	bank *b = l->b;

	if (v->kind != YT_SEQ) {
		ld_err(l, v, "'scales' must be a list of scales (- id: ..., name: ...), found %s",
		       yt_kind_name(v));
		return;
	}
	if (v->n == 0) {
		ld_err(l, v, "'scales' must list at least one scale");
		return;
	}
	b->nscales = v->n;
	b->scales = arena_calloc(&l->p->mem, v->n, sizeof *b->scales);
	l->sx = xcalloc(v->n, sizeof *l->sx);
	idtab_init(&l->p->scales, v->n);
	for (size_t i = 0; i < v->n; i++) {
		l->sx[i].rmin = INT_MAX;
		l->sx[i].rmax = INT_MIN;
		l->ctx = (ld_ctx){ "scale", i + 1, NULL, 0 };
		ld_scale(l, v->kids[i], i);
	}
	l->ctx = (ld_ctx){ 0 };
	l->scales_ok = 1;
}

/* Per-scale rules that need the items: keyed at all, cutoff, min_answered; defaults. */
void
ld_scale_rules(ld *l)
{
	bank *b = l->b;

	for (size_t i = 0; i < b->nscales; i++) {
		bank_scale *s = &b->scales[i];
		struct ld_scale *sx = &l->sx[i];
		l->ctx = (ld_ctx){ "scale", i + 1, s->id, s->id ? strlen(s->id) : 0 };
		if (s->id && l->items_ok && s->nitems == 0) {
			if (!sx->referenced)
				ld_errp(l, s->line, s->col, "no item is keyed to this scale");
			continue;
		}
		if (!sx->cutoff)
			s->cutoff = (b->range.min + b->range.max) / 2.0;
		else if (s->nitems && (s->cutoff < sx->rmin || s->cutoff > sx->rmax))
			ld_err(l, sx->cutoff, "'cutoff' %g is outside the scale's range %d..%d",
			       s->cutoff, sx->rmin, sx->rmax);
		if (!sx->min_answered)
			s->min_answered = (int)((s->nitems + 1) / 2);
		else if ((size_t)s->min_answered > s->nitems && l->items_ok)
			ld_err(l, sx->min_answered, "'min_answered' %d is more than the %zu item%s "
			       "keyed to this scale", s->min_answered, s->nitems,
			       s->nitems == 1 ? "" : "s");
	}
	l->ctx = (ld_ctx){ 0 };
}
