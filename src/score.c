/* score.c - scoring answers against a bank (SPEC section 3); see score.h. */
#include "score.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/*
 * The scoring plan: one entry per (likert item, key), in item order, with
 * everything score_compute needs in one place.  The batch scorer calls
 * score_compute for every row; walking the bank's items through their
 * pointers costs twice as much.
 */
typedef struct plan_entry {
	uint32_t item, scale;
	int lo;                          /* the item's range: lo .. lo + span */
	unsigned span;
	int sign;                        /* value = sign * r + flip */
	int flip;                        /* min + max when reversed, else 0 */
} plan_entry;

typedef struct score_plan {
	size_t n;
	plan_entry e[];
} score_plan;

/* Build the plan for bank b. */
static score_plan *
plan_build(const bank *b)
{
	size_t n = 0, k = 0;
	score_plan *p;

	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].type == ITEM_LIKERT)
			n += b->items[i].nkeys;
	p = xmalloc(sizeof *p + n * sizeof p->e[0]);
	p->n = n;
	for (size_t i = 0; i < b->nitems; i++) {
		const bank_item *it = &b->items[i];

		if (it->type != ITEM_LIKERT)
			continue;
		for (size_t j = 0; j < it->nkeys; j++, k++) {
			p->e[k].item = (uint32_t)i;
			p->e[k].scale = (uint32_t)it->keys[j].scale;
			p->e[k].lo = it->range->min;
			p->e[k].span = (unsigned)it->range->max - (unsigned)it->range->min;
			p->e[k].sign = it->keys[j].sign < 0 ? -1 : 1;
			p->e[k].flip = it->keys[j].sign < 0 ? it->range->min + it->range->max : 0;
		}
	}
	return p;
}

void
score_result_init(score_result *r, const bank *b)
{
	memset(r, 0, sizeof *r);
	r->nscales = b->nscales;
	r->scales = xcalloc(b->nscales ? b->nscales : 1, sizeof *r->scales);
	r->plan_ = plan_build(b);
}

void
score_result_free(score_result *r)
{
	if (!r)
		return;
	free(r->scales);
	free(r->plan_);
	r->scales = NULL;
	r->plan_ = NULL;
	r->nscales = 0;
}

int
score_keyed_value(const bank_range *rng, int sign, int v)
{
	return sign < 0 ? rng->min + rng->max - v : v;
}

int
score_quadrant_style(int anxiety_high, int avoidance_high)
{
	if (anxiety_high)
		return avoidance_high ? STYLE_FEARFUL : STYLE_ANXIOUS;
	return avoidance_high ? STYLE_DISMISSIVE : STYLE_SECURE;
}

double
score_phi(double z)
{
	/* Phi(z) = erfc(-z / sqrt 2) / 2: accurate in both tails. */
	return 0.5 * erfc(-z * 0.70710678118654752440);
}

/*
 * Sum keyed values (SPEC 3.1: r, or min + max - r when reversed) and count
 * answered items per scale.  Answers outside the item's range count as
 * unanswered (BANK_NO_ANSWER is outside every range).  Entries usually
 * come in runs keyed to one scale, so a run is summed in locals and added
 * to the result when the scale changes, saving a store-to-load round trip
 * per item.  Sums are of integers, exact in any order.
 */
static void
accumulate(const score_plan *p, const int *answers, score_result *r)
{
	uint32_t run = UINT32_MAX;
	long sum = 0;
	int count = 0;

	for (size_t s = 0; s < r->nscales; s++) {
		r->scales[s].score = 0;
		r->scales[s].answered = 0;
	}
	for (size_t k = 0; k < p->n; k++) {
		const plan_entry *e = &p->e[k];
		int v = answers[e->item];

		if ((unsigned)v - (unsigned)e->lo > e->span)
			continue;
		if (e->scale != run) {
			if (run != UINT32_MAX) {
				r->scales[run].score += (double)sum;
				r->scales[run].answered += count;
			}
			run = e->scale;
			sum = count = 0;
		}
		sum += e->sign * v + e->flip;
		count++;
	}
	if (run != UINT32_MAX) {
		/* Integer sums stay exact in a double up to 2^53. */
		r->scales[run].score += (double)sum;
		r->scales[run].answered += count;
	}
}

/* Turn sums into means, apply min_answered and norms (SPEC 3.2, 3.3). */
static void
finish_scales(const bank *b, score_result *r)
{
	for (size_t s = 0; s < r->nscales; s++) {
		const bank_scale *bs = &b->scales[s];
		score_scale *sc = &r->scales[s];
		int need = bs->min_answered > 0 ? bs->min_answered : 1;

		sc->has_score = sc->answered >= need;
		sc->score = sc->has_score ? sc->score / sc->answered : 0;
		sc->has_norm = sc->has_score && bs->has_norm && bs->norm_sd > 0;
		if (sc->has_norm) {
			sc->z = (sc->score - bs->norm_mean) / bs->norm_sd;
			sc->percentile = 100.0 * score_phi(sc->z);
		} else {
			sc->z = sc->percentile = 0;
		}
	}
}

/* The quadrant rule with strict '>' and the near-boundary margin (SPEC 3.4). */
static void
classify_quadrant(const bank *b, score_result *r)
{
	const score_scale *ax = &r->scales[b->anxiety], *av = &r->scales[b->avoidance];
	double cx = b->scales[b->anxiety].cutoff, cv = b->scales[b->avoidance].cutoff;
	double dx, dv;
	int style;

	if (!ax->has_score || !av->has_score)
		return;
	r->anxiety_high = ax->score > cx;
	r->avoidance_high = av->score > cv;
	style = score_quadrant_style(r->anxiety_high, r->avoidance_high);
	r->style_mask = 1u << style;
	dx = fabs(ax->score - cx);
	dv = fabs(av->score - cv);
	r->has_margin = 1;
	r->margin = dx < dv ? dx : dv;
	r->near_boundary = r->margin <= SCORE_NEAR + SCORE_EPS;
	r->near_mask = r->style_mask;
	if (dx <= SCORE_NEAR + SCORE_EPS)
		r->near_mask |= 1u << score_quadrant_style(!r->anxiety_high, r->avoidance_high);
	if (dv <= SCORE_NEAR + SCORE_EPS)
		r->near_mask |= 1u << score_quadrant_style(r->anxiety_high, !r->avoidance_high);
}

/* The highest mapped scale, z-scores when all four have norms (SPEC 3.5). */
static void
classify_highest(const bank *b, score_result *r)
{
	double v[STYLE_COUNT], best = 0;
	int use_z = 1;

	for (int s = 0; s < STYLE_COUNT; s++) {
		if (!r->scales[b->highest[s]].has_score)
			return;
		use_z &= b->scales[b->highest[s]].has_norm;
	}
	for (int s = 0; s < STYLE_COUNT; s++) {
		const score_scale *sc = &r->scales[b->highest[s]];
		v[s] = use_z ? sc->z : sc->score;
		if (s == 0 || v[s] > best)
			best = v[s];
	}
	for (int s = 0; s < STYLE_COUNT; s++)
		if (v[s] >= best - SCORE_EPS)
			r->style_mask |= 1u << s;
}

void
score_compute(const bank *b, const int *answers, score_result *r)
{
	r->style_mask = r->near_mask = 0;
	r->has_margin = r->near_boundary = 0;
	r->margin = 0;
	r->anxiety_high = r->avoidance_high = 0;
	accumulate(r->plan_, answers, r);
	finish_scales(b, r);
	if (b->method == CLASSIFY_QUADRANT)
		classify_quadrant(b, r);
	else
		classify_highest(b, r);
}

char *
score_style_string(unsigned mask, char *buf, size_t size)
{
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (int s = 0; s < STYLE_COUNT; s++) {
		const char *id = bank_style_id(s);
		size_t n = strlen(id);

		if (!(mask & (1u << s)))
			continue;
		if (len > 0 && len + 1 < size)
			buf[len++] = '+';
		if (len + n >= size)
			n = size - 1 - len;
		memcpy(buf + len, id, n);
		len += n;
		buf[len] = '\0';
	}
	return buf;
}

int
score_style_parse(const char *s, unsigned *mask)
{
	unsigned m = 0;

	*mask = 0;
	for (;;) {
		const char *end = strchr(s, '+');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		int found = -1;

		for (int st = 0; st < STYLE_COUNT; st++) {
			const char *id = bank_style_id(st);
			if (strlen(id) == n && strncmp(id, s, n) == 0)
				found = st;
		}
		if (found < 0 || (m & (1u << found)))
			return -1;
		m |= 1u << found;
		if (!end)
			break;
		s = end + 1;
	}
	*mask = m;
	return 0;
}
