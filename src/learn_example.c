/*
 * learn_example.c - the live worked example of `securebase learn`: one item,
 * its answer, the keyed value, the scale's mean, the high/low decision and
 * the style, all computed with score.h (never written down by hand).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "learn.h"
#include "learn_int.h"
#include "score.h"
#include "text.h"
#include "xmalloc.h"

/* The key of item it on one of the two axes (the first such key), or NULL. */
static const bank_key *
axis_key(const bank *b, const bank_item *it)
{
	for (size_t k = 0; k < it->nkeys; k++)
		if (it->keys[k].scale == b->anxiety || it->keys[k].scale == b->avoidance)
			return &it->keys[k];
	return NULL;
}

/* The middle answer of an item's scale (rounded down). */
static int
middle(const bank_item *it)
{
	return it->range->min + (it->range->max - it->range->min) / 2;
}

/* Every answer at the middle; the first reverse-keyed item selected, answered max - 1. */
static void
example_start(learn *g)
{
	const bank *b = g->b;
	learn_example *ex = &g->ex;

	for (size_t i = 0; i < b->nitems; i++)
		ex->answers[i] = b->items[i].type == ITEM_LIKERT ? middle(&b->items[i]) : BANK_NO_ANSWER;
	ex->sel = 0;
	for (size_t i = 0; i < ex->nitems; i++)
		if (axis_key(b, &b->items[ex->items[i]])->sign < 0) {
			ex->sel = i;
			break;
		}
	{
		const bank_item *it = &b->items[ex->items[ex->sel]];
		ex->answers[ex->items[ex->sel]] = it->range->max - 1 >= it->range->min ?
		                                  it->range->max - 1 : it->range->max;
	}
}

int
learn_example_init(learn *g)
{
	const bank *b = g->b;
	learn_example *ex = &g->ex;

	if (b->method != CLASSIFY_QUADRANT)
		return -1;
	ex->items = xcalloc(b->nitems ? b->nitems : 1, sizeof *ex->items);
	ex->nitems = 0;
	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].type == ITEM_LIKERT && axis_key(b, &b->items[i]))
			ex->items[ex->nitems++] = i;
	if (ex->nitems == 0) {
		free(ex->items);
		ex->items = NULL;
		return -1;
	}
	ex->answers = xcalloc(b->nitems, sizeof *ex->answers);
	example_start(g);
	return 0;
}

void
learn_example_free(learn *g)
{
	free(g->ex.items);
	free(g->ex.answers);
	g->ex.items = NULL;
	g->ex.answers = NULL;
	g->ex.nitems = 0;
}

/* A number with two decimals. */
static char *
num(double v)
{
	return xasprintf("%.2f", v);
}

/* A neutralised one-line copy of a bank string (NULL gives ""). */
static char *
clean(const char *s)
{
	return text_clean_line(s ? s : "");
}

/* Append a formatted block. */
static void
addf(learn_chapter *c, learn_kind k, char *owned)
{
	char *t = text_clean_line(owned);

	free(owned);
	learn_add_block_owned(c, k, t);
}

/* The introduction: what the example is and, on screen, which keys change it. */
static void
build_intro(learn *g, learn_chapter *c, int mid)
{
	char *title = clean(g->b->title);

	if (g->ex.interactive)
		addf(c, LEARN_PARA, xasprintf(
		     "This example is live. It uses the items of the bank \"%s\". Every "
		     "item starts answered %d, the middle of the scale, except the one "
		     "shown below. Change its answer with the Left and Right arrow keys "
		     "or a number key, choose another item with < and >, skip an item "
		     "with x, and start again with r. Every number below follows.",
		     title, mid));
	else
		addf(c, LEARN_PARA, xasprintf(
		     "This example uses the items of the bank \"%s\". Every item is "
		     "answered %d, the middle of the scale, except the one shown below. "
		     "In `securebase learn` on a terminal you can change the item and "
		     "its answer and watch every number below follow.", title, mid));
	free(title);
}

/* Section 1: which item, on which scale, which way it is keyed, its text. */
static void
build_item(learn *g, learn_chapter *c, const bank_item *it, const bank_key *key)
{
	const bank *b = g->b;
	char *id = clean(it->id), *scale = clean(b->scales[key->scale].name);

	learn_add_text(c, LEARN_HEADING, "1. The item");
	addf(c, LEARN_PARA, xasprintf("Item %s (%zu of %zu scored items) belongs to the scale "
	     "%s. %s", id, g->ex.sel + 1, g->ex.nitems, scale, key->sign < 0 ?
	     "It is reverse-keyed: it is worded the other way, so agreeing with it "
	     "means LESS of the scale." :
	     "It is keyed straight: agreeing with it means more of the scale."));
	learn_add_text(c, LEARN_QUOTE, it->text ? it->text : "(this bank gives no wording for it)");
	free(id);
	free(scale);
}

/* Section 2: the answer and the value it counts as. */
static void
build_value(learn_chapter *c, const bank_item *it, const bank_key *key, int answer)
{
	const bank_range *r = it->range;
	const char *lab = answer == BANK_NO_ANSWER ? NULL : bank_range_label(r, answer);
	char *label = lab ? xasprintf(" (%s)", lab) : xstrdup("");
	int v;

	learn_add_text(c, LEARN_HEADING, "2. The answer becomes a value");
	if (answer == BANK_NO_ANSWER) {
		learn_add_text(c, LEARN_STRONG, "Skipped: this item is left out of the average.");
		free(label);
		return;
	}
	v = score_keyed_value(r, key->sign, answer);
	if (key->sign < 0) {
		addf(c, LEARN_STRONG, xasprintf("Answer %d%s counts as %d + %d - %d = %d.",
		     answer, label, r->min, r->max, answer, v));
		addf(c, LEARN_PARA, xasprintf("On a scale of %d to %d a reverse-keyed answer r "
		     "counts as %d + %d - r: %d counts as %d, the middle %d stays %d, and %d "
		     "counts as %d.", r->min, r->max, r->min, r->max, r->max,
		     score_keyed_value(r, -1, r->max), middle(it),
		     score_keyed_value(r, -1, middle(it)), r->min, score_keyed_value(r, -1, r->min)));
	} else {
		addf(c, LEARN_STRONG, xasprintf("Answer %d%s counts as it is: %d.", answer, label, v));
	}
	free(label);
}

/* One table row per item keyed to the scale: answer, keying and value. */
static void
build_rows(learn *g, learn_chapter *c, size_t scale, size_t sel_item, int *sum, int *n)
{
	const bank *b = g->b;
	int idw = 0;

	for (size_t i = 0; i < g->ex.nitems; i++) {
		const bank_item *it = &b->items[g->ex.items[i]];
		char *id = clean(it->id);
		if (axis_key(b, it)->scale == scale && text_width(id) > idw)
			idw = text_width(id);
		free(id);
	}
	*sum = *n = 0;
	for (size_t i = 0; i < g->ex.nitems; i++) {
		size_t ix = g->ex.items[i];
		const bank_item *it = &b->items[ix];
		const bank_key *key = axis_key(b, it);
		int a = g->ex.answers[ix];
		char *id;

		if (key->scale != scale)
			continue;
		id = clean(it->id);
		if (a == BANK_NO_ANSWER) {
			addf(c, ix == sel_item ? LEARN_MARK : LEARN_ROW,
			     xasprintf("%s%*s  skipped", id, idw - text_width(id), ""));
		} else {
			int v = score_keyed_value(it->range, key->sign, a);
			addf(c, ix == sel_item ? LEARN_MARK : LEARN_ROW,
			     xasprintf("%s%*s  answer %d  %s  counts %d", id, idw - text_width(id), "",
			               a, key->sign < 0 ? "reversed" : "straight", v));
			*sum += v;
			++*n;
		}
		free(id);
	}
}

/* Section 3: the scale's mean of the keyed values. */
static void
build_mean(learn *g, learn_chapter *c, size_t scale, size_t sel_item, const score_result *r)
{
	const bank_scale *sc = &g->b->scales[scale];
	char *name = clean(sc->name);
	int sum, n;

	learn_add_text(c, LEARN_HEADING, "3. The values become a score");
	addf(c, LEARN_PARA, xasprintf("Every item of %s, with the value it counts as:", name));
	build_rows(g, c, scale, sel_item, &sum, &n);
	if (!r->scales[scale].has_score) {
		addf(c, LEARN_STRONG, xasprintf("Only %d of %zu items are answered. %s needs at "
		     "least %d, so it has no score, and no style can be given.",
		     n, sc->nitems, name, sc->min_answered));
	} else {
		char *m = num(r->scales[scale].score);
		double exact = (double)sum / n;
		int rounded = fabs(exact * 100 - nearbyint(exact * 100)) > 1e-9;
		addf(c, LEARN_STRONG, xasprintf("%s = %d / %d = %s%s", name, sum, n,
		     rounded ? "about " : "", m));
		addf(c, LEARN_PARA, xasprintf("The score is the average: the sum of the %d "
		     "counted values divided by the number of answered items.%s", n,
		     (size_t)n < sc->nitems ? " Skipped items are left out." : ""));
		free(m);
	}
	free(name);
}

/* The high/low sentence for one axis. */
static char *
axis_sentence(const bank *b, size_t scale, const score_scale *s)
{
	char *name = clean(b->scales[scale].name), *v = num(s->score);
	char *cut = num(b->scales[scale].cutoff), *out;
	double c = b->scales[scale].cutoff;

	if (!s->has_score)
		out = xasprintf("%s has no score.", name);
	else if (s->score > c)
		out = xasprintf("%s %s is greater than its cutoff %s: high.", name, v, cut);
	else if (s->score == c)
		out = xasprintf("%s %s is equal to its cutoff %s. Only a score strictly greater "
		                "counts as high, so it is low.", name, v, cut);
	else
		out = xasprintf("%s %s is below its cutoff %s: low.", name, v, cut);
	free(name);
	free(v);
	free(cut);
	return out;
}

/* A style's display name (the bank's own, else the built-in one), neutralised. */
static char *
style_name(const learn *g, int s)
{
	return clean(content_style_name_for(g->c, g->b, s));
}

/* The styles of a near-boundary mask, the person's first: "A, B and C". */
static char *
between(const learn *g, unsigned mask, int style)
{
	char *out = style_name(g, style);
	unsigned rest = mask & ~(1u << style);

	for (int s = 0; s < STYLE_COUNT; s++) {
		char *name, *t;
		if (!(rest & (1u << s)))
			continue;
		rest &= ~(1u << s);
		name = style_name(g, s);
		t = xasprintf("%s%s%s", out, rest ? ", " : " and ", name);
		free(out);
		free(name);
		out = t;
	}
	return out;
}

/* Section 4: both axes against their cutoffs, the style and the margin. */
static void
build_style(learn *g, learn_chapter *c, const score_result *r)
{
	const bank *b = g->b;
	int style;
	char *name, *m, *nb;

	learn_add_text(c, LEARN_HEADING, "4. The scores become a style");
	addf(c, LEARN_PARA, axis_sentence(b, b->anxiety, &r->scales[b->anxiety]));
	addf(c, LEARN_PARA, axis_sentence(b, b->avoidance, &r->scales[b->avoidance]));
	if (r->style_mask == 0) {
		learn_add_text(c, LEARN_STRONG, "Without both scores there is no style.");
		return;
	}
	style = score_quadrant_style(r->anxiety_high, r->avoidance_high);
	name = style_name(g, style);
	addf(c, LEARN_STRONG, xasprintf("Anxiety %s and avoidance %s: %s.",
	     r->anxiety_high ? "high" : "low", r->avoidance_high ? "high" : "low", name));
	m = num(r->margin);
	nb = between(g, r->near_mask, style);
	if (r->near_boundary)
		addf(c, LEARN_PARA, xasprintf("The margin, the smaller distance of the two scores "
		     "from their cutoffs, is %s. That is %.1f or less, so securebase reports this "
		     "result as near the boundary, between %s, not as a confident type.",
		     m, SCORE_NEAR, nb));
	else
		addf(c, LEARN_PARA, xasprintf("The margin, the smaller distance of the two scores "
		     "from their cutoffs, is %s. That is more than %.1f, so the result is clear "
		     "of the boundaries.", m, SCORE_NEAR));
	free(m);
	free(nb);
	free(name);
}

/* One line with the whole chain, so a change and its effect are seen together. */
static void
build_glance(learn *g, learn_chapter *c, const bank_item *it, const bank_key *key,
             int answer, const score_result *r)
{
	const bank *b = g->b;
	const score_scale *ax = &r->scales[b->anxiety], *av = &r->scales[b->avoidance];
	char *id = clean(it->id), *value, *scores, *style;

	if (answer == BANK_NO_ANSWER)
		value = xasprintf("%s skipped", id);
	else
		value = xasprintf("%s answered %d counts %d", id, answer,
		                  score_keyed_value(it->range, key->sign, answer));
	if (ax->has_score && av->has_score)
		scores = xasprintf("anxiety %.2f %s, avoidance %.2f %s", ax->score,
		                   r->anxiety_high ? "high" : "low", av->score,
		                   r->avoidance_high ? "high" : "low");
	else
		scores = xstrdup("a scale without a score");
	if (r->style_mask) {
		char *name = style_name(g, score_quadrant_style(r->anxiety_high, r->avoidance_high));
		style = xasprintf("%s%s", name, r->near_boundary ? ", near a boundary" : "");
		free(name);
	} else {
		style = xstrdup("no style");
	}
	addf(c, LEARN_STRONG, xasprintf("In short: %s; %s; %s.", value, scores, style));
	free(id);
	free(value);
	free(scores);
	free(style);
}

void
learn_example_build(learn *g, learn_chapter *c)
{
	const bank *b = g->b;
	size_t ix = g->ex.items[g->ex.sel];
	const bank_item *it = &b->items[ix];
	const bank_key *key = axis_key(b, it);
	score_result r;

	/* Keep the title block, rebuild the rest. */
	for (size_t i = 1; i < c->nblocks; i++)
		free(c->blocks[i].text);
	c->nblocks = c->nblocks ? 1 : 0;
	score_result_init(&r, b);
	score_compute(b, g->ex.answers, &r);
	build_intro(g, c, middle(it));
	build_glance(g, c, it, key, g->ex.answers[ix], &r);
	build_item(g, c, it, key);
	build_value(c, it, key, g->ex.answers[ix]);
	build_mean(g, c, key->scale, ix, &r);
	build_style(g, c, &r);
	score_result_free(&r);
}

/* Rebuild and re-wrap the example chapter after a change. */
static void
refresh(learn *g)
{
	learn_chapter *c = &g->ch[g->example];

	learn_example_build(g, c);
	if (g->ascii)
		learn_chapter_ascii(c);
	learn_layout_chapter(c, g->width);
}

void
learn_example_item(learn *g, int delta)
{
	size_t n = g->ex.nitems;

	if (g->example < 0)
		return;
	g->ex.sel = (size_t)(((long)g->ex.sel + delta % (long)n + (long)n) % (long)n);
	refresh(g);
}

void
learn_example_set(learn *g, int answer)
{
	const bank_item *it;

	if (g->example < 0)
		return;
	it = &g->b->items[g->ex.items[g->ex.sel]];
	if (answer != BANK_NO_ANSWER)
		answer = answer < it->range->min ? it->range->min :
		         answer > it->range->max ? it->range->max : answer;
	g->ex.answers[g->ex.items[g->ex.sel]] = answer;
	refresh(g);
}

void
learn_example_step(learn *g, int delta)
{
	int a;

	if (g->example < 0)
		return;
	a = g->ex.answers[g->ex.items[g->ex.sel]];
	if (a == BANK_NO_ANSWER)
		a = middle(&g->b->items[g->ex.items[g->ex.sel]]);
	else
		a += delta;
	learn_example_set(g, a);
}

void
learn_example_reset(learn *g)
{
	if (g->example < 0)
		return;
	example_start(g);
	refresh(g);
}

long
learn_example_item_index(const learn *g)
{
	return g->example < 0 ? -1 : (long)g->ex.items[g->ex.sel];
}
