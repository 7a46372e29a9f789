/* score.c - scoring answers against a bank (SPEC section 3); see score.h. */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/*
 * Floating-point slack for the comparisons the spec states in exact terms
 * (near the boundary within 0.5 inclusive, ties).  Scores are means of
 * small integers, so true differences are either 0 or far above this.
 */
#define SCORE_EPS 1e-9

void
score_result_init(score_result *r, const bank *b)
{
	memset(r, 0, sizeof *r);
	r->nscales = b->nscales;
	r->scales = xcalloc(b->nscales ? b->nscales : 1, sizeof *r->scales);
}

void
score_result_free(score_result *r)
{
	if (!r)
		return;
	free(r->scales);
	r->scales = NULL;
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

/* Sum keyed values and count answered items per scale (SPEC 3.1). */
static void
accumulate(const bank *b, const int *answers, score_result *r)
{
	for (size_t s = 0; s < r->nscales; s++) {
		r->scales[s].score = 0;
		r->scales[s].answered = 0;
	}
	for (size_t i = 0; i < b->nitems; i++) {
		const bank_item *it = &b->items[i];
		int v = answers[i];

		if (it->type != ITEM_LIKERT || v == BANK_NO_ANSWER ||
		    v < it->range->min || v > it->range->max)
			continue;
		for (size_t k = 0; k < it->nkeys; k++) {
			score_scale *sc = &r->scales[it->keys[k].scale];
			/* Integer sums stay exact in a double up to 2^53. */
			sc->score += score_keyed_value(it->range, it->keys[k].sign, v);
			sc->answered++;
		}
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
	accumulate(b, answers, r);
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
