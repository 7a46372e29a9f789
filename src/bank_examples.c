/* bank_examples.c - the loader's `examples`: answers and expectations (run by check.c). */
#include <stdio.h>
#include <string.h>

#include "bank_int.h"

static const ld_key example_keys[] = { { "answers", 1 }, { "expect", 1 } };

/* Record the answer v for item `it` (likert: an integer in its range, or null). */
static void
ld_answer(ld *l, const yt_node *v, const bank_item *it, int *slot)
{
	char q[80];
	int x;

	if (it->type == ITEM_TEXT) {
		if (v->kind != YT_SCALAR)
			ld_err(l, v, "the answer for text item '%s' must be text, found %s",
			       yt_quote(it->id, strlen(it->id), q, sizeof q), yt_kind_name(v));
		return;                        /* text answers are not scored */
	}
	if (yt_is_null(v))
		return;                        /* explicitly not answered */
	if (ld_int(l, v, it->id, -BANK_INT_LIMIT, BANK_INT_LIMIT, &x) < 0)
		return;
	if (x < it->range->min || x > it->range->max) {
		ld_err(l, v, "answer %d for item '%s' is outside its scale %d..%d", x,
		       yt_quote(it->id, strlen(it->id), q, sizeof q), it->range->min,
		       it->range->max);
		return;
	}
	*slot = x;
}

/* An example's `answers`: item id -> answer. */
static void
ld_answers(ld *l, const yt_node *m, bank_example *ex)
{
	const bank *b = l->b;
	char q[80];

	if (m->kind != YT_MAP) {
		ld_err(l, m, "'answers' must map item ids to answers, e.g. {a1: 7, a2: 3}, "
		       "found %s", yt_kind_name(m));
		return;
	}
	for (size_t i = 0; i < m->n; i++) {
		const yt_node *k = yt_key(m, i);
		long it;
		if (k->kind != YT_SCALAR || !l->items_ok)
			continue;
		it = idtab_find(&l->p->items, k->str, k->len, b->items, sizeof *b->items);
		if (it < 0)
			ld_err(l, k, "no item has id '%s'", ld_q(k, q, sizeof q));
		else
			ld_answer(l, yt_val(m, i), &b->items[it], &ex->answers[it]);
	}
}

/* The expected style: null, or style ids joined with '+'. */
static void
ld_expect_style(ld *l, const yt_node *v, bank_expect *e)
{
	char q[80];

	e->is_style = 1;
	if (yt_is_null(v)) {
		e->is_null = 1;
		return;
	}
	if (v->kind != YT_SCALAR) {
		ld_err(l, v, "'style' must be a style id, ids joined with '+', or null; found %s",
		       yt_kind_name(v));
		return;
	}
	for (const char *p = v->str, *end = v->str + v->len; p <= end;) {
		const char *plus = memchr(p, '+', (size_t)(end - p));
		size_t n = (size_t)((plus ? plus : end) - p);
		char part[32];
		int s = -1;
		if (n < sizeof part) {
			memcpy(part, p, n);
			part[n] = '\0';
			s = bank_style_from_id(part);
		}
		if (s < 0)
			ld_err(l, v, "unknown style '%s' in 'style' (styles: secure, anxious-preoccupied, "
			       "dismissive-avoidant, fearful-avoidant; join ties with '+')",
			       yt_quote(p, n, q, sizeof q));
		else if (e->style_mask & (1u << s))
			ld_err(l, v, "style '%s' is named twice in 'style'", bank_style_id(s));
		else
			e->style_mask |= 1u << s;
		p += n + 1;
	}
	e->style = arena_strndup(&l->p->mem, v->str, v->len);
}

/* An example's `expect`: scale id -> score or null, style -> style or null. */
static void
ld_expect(ld *l, const yt_node *m, bank_example *ex)
{
	const bank *b = l->b;
	char q[80], list[400];

	if (m->kind != YT_MAP || m->n == 0) {
		ld_err(l, m, "'expect' must map scale ids (and 'style') to expected results, "
		       "e.g. {anxiety: 5.5, style: secure}, found %s",
		       m->kind == YT_MAP ? "an empty mapping" : yt_kind_name(m));
		return;
	}
	ex->expect = arena_calloc(&l->p->mem, m->n, sizeof *ex->expect);
	for (size_t i = 0; i < m->n; i++) {
		const yt_node *k = yt_key(m, i), *v = yt_val(m, i);
		bank_expect *e = &ex->expect[ex->nexpect];
		long s;
		if (k->kind != YT_SCALAR)
			continue;
		e->line = k->line;
		e->col = k->col;
		if (k->len == 5 && strcmp(k->str, "style") == 0) {
			ld_expect_style(l, v, e);
			ex->nexpect++;
			continue;
		}
		s = idtab_find(&l->p->scales, k->str, k->len, b->scales, sizeof *b->scales);
		if (s < 0) {
			if (l->scales_ok)
				ld_err(l, k, "'%s' is not a scale (scales: %s) nor 'style'",
				       ld_q(k, q, sizeof q), ld_scale_list(l, list, sizeof list));
			continue;
		}
		e->scale = (size_t)s;
		if (yt_is_null(v))
			e->is_null = 1;
		else if (ld_dec(l, v, b->scales[s].id, &e->value) < 0)
			continue;
		ex->nexpect++;
	}
}

/* One entry of `examples`. */
static void
ld_example(ld *l, const yt_node *m, bank_example *ex)
{
	const yt_node *val[2];

	ex->line = m->line;
	ex->col = m->col;
	ex->answers = arena_alloc(&l->p->mem, (l->b->nitems ? l->b->nitems : 1) * sizeof(int));
	for (size_t i = 0; i < l->b->nitems; i++)
		ex->answers[i] = BANK_NO_ANSWER;
	if (ld_keys(l, m, "an example", example_keys, 2, val, NULL) < 0)
		return;
	if (val[0])
		ld_answers(l, val[0], ex);
	if (val[1])
		ld_expect(l, val[1], ex);
}

void
ld_examples(ld *l, const yt_node *v)
{
	bank *b = l->b;
	size_t budget = 16 * l->len + (1u << 20);

	if (v->kind != YT_SEQ) {
		ld_err(l, v, "'examples' must be a list (- answers: {...}, expect: {...}), found %s",
		       yt_kind_name(v));
		return;
	}
	/* Each example holds an answer per item: bound it by the file's size. */
	if (b->nitems && v->n > budget / sizeof(int) / b->nitems) {
		ld_err(l, v, "%u examples of %zu items each need more memory than a bank of this "
		       "size may use; split them into several banks", (unsigned)v->n, b->nitems);
		return;
	}
	b->nexamples = v->n;
	b->examples = arena_calloc(&l->p->mem, v->n ? v->n : 1, sizeof *b->examples);
	for (size_t i = 0; i < v->n; i++) {
		l->ctx = (ld_ctx){ "example", i + 1, NULL, 0 };
		ld_example(l, v->kids[i], &b->examples[i]);
	}
	l->ctx = (ld_ctx){ 0 };
}
