/*
 * bank_items.c - the loader's items.  Items are loaded one by one while the
 * YAML is read (ytree_parse_stream), so a bank of many items never holds its
 * whole tree; the scales they name are resolved once the file is read.
 */
#include <stdlib.h>
#include <string.h>

#include "bank_int.h"
#include "xmalloc.h"

static const ld_key item_keys[] = {
	{ "id", 1 }, { "text", 0 }, { "type", 0 }, { "scale", 0 }, { "reverse", 0 },
	{ "keys", 0 }, { "response_scale", 0 },
};
enum { I_ID, I_TEXT, I_TYPE, I_SCALE, I_REVERSE, I_KEYS, I_RANGE, I_NKEYS };

/* Index of scale name v in l->names, adding it the first time. */
static uint32_t
intern_name(ld *l, const yt_node *v)
{
	long k = idtab_find(&l->names_tab, v->str, v->len, l->names, sizeof *l->names);

	if (k >= 0)
		return (uint32_t)k;
	if (l->nnames == l->names_cap)
		l->names = xreallocarray(l->names, l->names_cap = ld_grow(l->names_cap, 16),
		                         sizeof *l->names);
	l->names[l->nnames] = arena_strndup(&l->tmp, v->str, v->len);
	idtab_put(&l->names_tab, l->nnames, l->names, sizeof *l->names);
	return (uint32_t)l->nnames++;
}

/* Remember that item i names the scale in scalar v (resolved by resolve_refs). */
static void
defer_ref(ld *l, size_t i, const yt_node *v, int sign, int quiet)
{
	ld_ref *r;

	if (v->kind != YT_SCALAR || yt_is_null(v) || memchr(v->str, '\0', v->len)) {
		if (!quiet)
			ld_err(l, v, "expected a scale id, found %s", v->kind == YT_SCALAR &&
			       !yt_is_null(v) ? "text with a NUL character" : yt_kind_name(v));
		return;
	}
	if (l->nrefs == l->refs_cap)
		l->refs = xreallocarray(l->refs, l->refs_cap = ld_grow(l->refs_cap, 256),
		                        sizeof *l->refs);
	r = &l->refs[l->nrefs++];
	r->item = (uint32_t)i;
	r->name = intern_name(l, v);
	r->line = v->line;
	r->col = v->col;
	r->sign = (signed char)sign;
	r->quiet = (unsigned char)quiet;
}

/* An item's `keys` mapping: scale id -> 1 or -1. */
static void
ld_item_keys(ld *l, const yt_node *m, size_t i)
{
	bank_item *it = &l->b->items[i];

	if (m->kind != YT_MAP || m->n == 0) {
		ld_err(l, m, "'keys' must map scale ids to 1 or -1, e.g. {anxiety: 1}, found %s",
		       m->kind == YT_MAP ? "an empty mapping" : yt_kind_name(m));
		return;
	}
	it->keys = arena_calloc(&l->p->mem, m->n, sizeof *it->keys);
	for (size_t k = 0; k < m->n; k++) {
		const yt_node *key = yt_key(m, k), *w = yt_val(m, k);
		int sign;
		if (key->kind != YT_SCALAR)
			continue;
		if (ld_int(l, w, "key weight", -BANK_INT_LIMIT, BANK_INT_LIMIT, &sign) < 0) {
			sign = 0;
		} else if (sign != 1 && sign != -1) {
			ld_err(l, w, "a key weight must be 1 or -1 (-1 = reverse-keyed), found %d",
			       sign);
			sign = 0;
		}
		defer_ref(l, i, key, sign, 0);
	}
}

/* The scoring part of a likert item: scale/reverse or keys, and its range. */
static void
ld_likert(ld *l, const yt_node *m, size_t i, const yt_node **val, const yt_node **key)
{
	bank_item *it = &l->b->items[i];
	int rev = 0;

	if (val[I_RANGE]) {
		bank_range *r = arena_calloc(&l->p->mem, 1, sizeof *r);
		ld_range(l, val[I_RANGE], r, "response_scale");
		it->range = r;
	}
	if (val[I_REVERSE] && ld_bool(l, val[I_REVERSE], "reverse", &rev) == 0 && !val[I_SCALE])
		ld_err(l, key[I_REVERSE], val[I_KEYS]
		       ? "'reverse' goes with 'scale'; with 'keys' give the sign as -1 instead"
		       : "'reverse' needs 'scale' (the scale the item is reverse-keyed on)");
	if (val[I_SCALE] && val[I_KEYS]) {
		ld_err(l, key[I_KEYS], "give either 'scale' (with 'reverse') or 'keys', not both");
		defer_ref(l, i, val[I_SCALE], 0, 1);
		for (size_t k = 0; val[I_KEYS]->kind == YT_MAP && k < val[I_KEYS]->n; k++)
			defer_ref(l, i, yt_key(val[I_KEYS], k), 0, 1);
		return;
	}
	if (val[I_SCALE]) {
		it->keys = arena_calloc(&l->p->mem, 1, sizeof *it->keys);
		defer_ref(l, i, val[I_SCALE], rev ? -1 : 1, 0);
	} else if (val[I_KEYS]) {
		ld_item_keys(l, val[I_KEYS], i);
	} else {
		ld_err(l, m, "a likert item must be keyed to a scale: give 'scale' (or "
		       "'keys'), or make it 'type: text'");
	}
}

/* One entry of `items`: b->items[i]. */
static void
ld_item(ld *l, const yt_node *m, size_t i)
{
	static const char *const unscored[] = { [I_SCALE] = "scale", [I_REVERSE] = "reverse",
	                                        [I_KEYS] = "keys", [I_RANGE] = "response_scale" };
	bank_item *it = &l->b->items[i];
	const yt_node *val[I_NKEYS], *key[I_NKEYS];
	uint32_t h = 0;

	it->line = m->line;
	it->col = m->col;
	it->range = &l->b->range;
	ld_ctx_id(l, m);
	if (ld_keys(l, m, "an item", item_keys, I_NKEYS, val, key) < 0)
		return;
	/* The id's table slot is fetched now and filled last, after the other keys. */
	if (val[I_ID] && (it->id = ld_id(l, val[I_ID], "id", 0))) {
		h = idtab_hash(it->id, strlen(it->id));
		idtab_prefetch(&l->p->items, h);
	}
	if (val[I_TEXT])
		it->text = ld_text(l, val[I_TEXT], "text");
	if (val[I_TYPE]) {
		const yt_node *t = val[I_TYPE];
		char q[80];
		if (t->kind == YT_SCALAR && strcmp(t->str, "text") == 0 && t->len == 4)
			it->type = ITEM_TEXT;
		else if (!(t->kind == YT_SCALAR && strcmp(t->str, "likert") == 0 && t->len == 6))
			ld_err(l, t, "'type' must be likert or text, found '%s'", ld_q(t, q, sizeof q));
	}
	if (it->type == ITEM_TEXT) {
		for (size_t k = I_SCALE; k <= I_RANGE; k++)
			if (val[k])
				ld_err(l, key[k], "text items are not scored: remove '%s'", unscored[k]);
	} else {
		l->b->nlikert++;
		ld_likert(l, m, i, val, key);
	}
	if (it->id && ld_unique_item(l, val[I_ID], i, h) < 0)
		it->id = NULL;
}

void
ld_item_entry(void *ctx, const yt_node *seq, size_t index, const yt_node *entry)
{
	ld *l = ctx;
	bank *b = l->b;

	if (l->items_seq && l->items_seq != seq)
		return;                        /* a repeated `items` key (reported by ytree) */
	l->items_seq = seq;
	if (index >= l->items_cap) {
		l->items_cap = ld_grow(l->items_cap, 64);
		b->items = xreallocarray(b->items, l->items_cap, sizeof *b->items);
	}
	memset(&b->items[index], 0, sizeof *b->items);  /* only what is used gets touched */
	b->nitems = index + 1;
	l->ctx = (ld_ctx){ "item", index + 1, NULL, 0 };
	ld_item(l, entry, index);
	l->ctx = (ld_ctx){ 0 };
}

/* Add key (scale, sign) to item it, once per scale; counts the item for the scale. */
static void
add_key(ld *l, bank_item *it, size_t scale, int sign)
{
	struct ld_scale *sx = &l->sx[scale];

	for (size_t k = 0; k < it->nkeys; k++)
		if (it->keys[k].scale == scale)
			return;
	it->keys[it->nkeys].scale = scale;
	it->keys[it->nkeys++].sign = sign;
	l->b->scales[scale].nitems++;
	if (it->range->min < sx->rmin)
		sx->rmin = it->range->min;
	if (it->range->max > sx->rmax)
		sx->rmax = it->range->max;
}

/* Resolve the items' scale references now that the scales are known. */
static void
resolve_refs(ld *l)
{
	bank *b = l->b;
	char q[80], list[400];
	long *scale;

	if (!l->scales_ok)
		return;
	scale = xcalloc(l->nnames ? l->nnames : 1, sizeof *scale);
	for (size_t k = 0; k < l->nnames; k++)
		scale[k] = idtab_find(&l->p->scales, l->names[k], strlen(l->names[k]), b->scales,
		                      sizeof *b->scales);
	for (size_t r = 0; r < l->nrefs; r++) {
		const ld_ref *ref = &l->refs[r];
		bank_item *it = &b->items[ref->item];
		long s = scale[ref->name];
		if (s >= 0) {
			l->sx[s].referenced = 1;
			if (ref->sign)
				add_key(l, it, (size_t)s, ref->sign);
			continue;
		}
		if (ref->quiet)
			continue;
		l->ctx = (ld_ctx){ "item", ref->item + 1, it->id, it->id ? strlen(it->id) : 0 };
		ld_errp(l, ref->line, ref->col, "scale '%s' is not defined (scales: %s)",
		        yt_quote(l->names[ref->name], strlen(l->names[ref->name]), q, sizeof q),
		        ld_scale_list(l, list, sizeof list));
	}
	l->ctx = (ld_ctx){ 0 };
	free(scale);
}

void
ld_items(ld *l, const yt_node *v)
{
	if (v->kind != YT_SEQ) {
		ld_err(l, v, "'items' must be a list of items (- id: ..., text: ...), found %s",
		       yt_kind_name(v));
		return;
	}
	if (v != l->items_seq) {
		/* An empty list (nothing streamed), or entries of a repeated key: none count. */
		l->b->nitems = 0;
		l->b->nlikert = 0;
		l->nrefs = 0;
	}
	resolve_refs(l);
	l->items_ok = 1;
	if (l->b->nlikert == 0)
		ld_err(l, v, "a bank needs at least one likert (scored) item");
}
