/* test_score.c - SPEC section 3 scoring rules, table-driven, on banks built in code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "bank.h"
#include "score.h"

#define NA BANK_NO_ANSWER
#define NONE (-1e300)               /* "no score" in the tables */
#define S(x) (1u << (x))

enum { SEC = STYLE_SECURE, ANX = STYLE_ANXIOUS, DIS = STYLE_DISMISSIVE, FEA = STYLE_FEARFUL };

/*
 * Quadrant bank Q: default range 1..7, a per-item range 1..5.
 *   scale 0 anxiety  (cutoff 4, min_answered 2): a1 +, a2 -, a3 + (1..5), both +
 *   scale 1 avoidance(cutoff 4, min_answered 2): v1 +, v2 - (1..5), both -
 *   item 6 is a text item.
 */
static bank_range r17 = { 1, 7, NULL, 0 }, r15 = { 1, 5, NULL, 0 };
static bank_key k_anx_p[] = { { 0, 1 } }, k_anx_m[] = { { 0, -1 } };
static bank_key k_avo_p[] = { { 1, 1 } }, k_avo_m[] = { { 1, -1 } };
static bank_key k_both[] = { { 0, 1 }, { 1, -1 } };
enum { A1, A2, A3, V1, V2, BOTH, TXT, QN };

/* Build bank Q with the given cutoffs and min_answered. */
static void
make_q(bank *b, bank_scale *sc, bank_item *it, double cx, double cv, int minx, int minv)
{
	memset(b, 0, sizeof *b);
	memset(sc, 0, 2 * sizeof *sc);
	memset(it, 0, QN * sizeof *it);
	sc[0] = (bank_scale){ .id = "anxiety", .cutoff = cx, .min_answered = minx, .nitems = 4 };
	sc[1] = (bank_scale){ .id = "avoidance", .cutoff = cv, .min_answered = minv, .nitems = 3 };
	it[A1] = (bank_item){ .id = "a1", .range = &r17, .keys = k_anx_p, .nkeys = 1 };
	it[A2] = (bank_item){ .id = "a2", .range = &r17, .keys = k_anx_m, .nkeys = 1 };
	it[A3] = (bank_item){ .id = "a3", .range = &r15, .keys = k_anx_p, .nkeys = 1 };
	it[V1] = (bank_item){ .id = "v1", .range = &r17, .keys = k_avo_p, .nkeys = 1 };
	it[V2] = (bank_item){ .id = "v2", .range = &r15, .keys = k_avo_m, .nkeys = 1 };
	it[BOTH] = (bank_item){ .id = "both", .range = &r17, .keys = k_both, .nkeys = 2 };
	it[TXT] = (bank_item){ .id = "t", .type = ITEM_TEXT };
	b->id = "q";
	b->range = r17;
	b->scales = sc;
	b->nscales = 2;
	b->items = it;
	b->nitems = QN;
	b->nlikert = QN - 1;
	b->method = CLASSIFY_QUADRANT;
	b->anxiety = 0;
	b->avoidance = 1;
}

typedef struct qcase {
	const char *name;
	int ans[QN];
	double anx, avo;                 /* expected score or NONE */
	int nanx, navo;                  /* expected answered counts */
	unsigned style;                  /* expected mask, 0 = none */
	double margin;                   /* when style */
	int near;
	unsigned near_mask;
} qcase;

static const qcase qcases[] = {
	/* all minimum: anx (1 + 7 + 1 + 1)/4 = 2.5; avo (1 + 5 + 7)/3 = 13/3 > 4 */
	{ "all minimum", { 1, 1, 1, 1, 1, 1, NA }, 2.5, 13.0 / 3, 4, 3,
	  S(DIS), 1.0 / 3, 1, S(DIS) | S(SEC) },
	/* all maximum: anx (7 + 1 + 5 + 7)/4 = 5; avo (7 + 1 + 1)/3 = 3 */
	{ "all maximum", { 7, 7, 5, 7, 5, 7, NA }, 5.0, 3.0, 4, 3, S(ANX), 1.0, 0, S(ANX) },
	/* exactly on both cutoffs: 4 is not > 4, so low/low = secure, margin 0 */
	{ "on both cutoffs", { 4, 4, NA, 4, NA, 4, NA }, 4.0, 4.0, 3, 2,
	  S(SEC), 0.0, 1, S(SEC) | S(ANX) | S(DIS) },
	/* anxiety on its cutoff (low), avoidance far above: dismissive, near across anxiety */
	{ "anxiety on cutoff", { 5, 5, 4, 7, 1, NA, NA }, 4.0, 6.0, 3, 2,
	  S(DIS), 0.0, 1, S(DIS) | S(FEA) },
	/* just above both cutoffs: (4+4+5)/3 = 13/3 > 4 on anxiety; (5+3)/2 = 4 on avoidance */
	{ "just above anxiety cutoff", { 4, 4, 5, 5, 3, NA, NA }, 13.0 / 3, 4.0, 3, 2,
	  S(ANX), 0.0, 1, S(ANX) | S(SEC) | S(FEA) },
	/* one answer short of min_answered on anxiety: no score, no style */
	{ "anxiety one short", { 7, NA, NA, 1, 1, NA, NA }, NONE, 3.0, 1, 2, 0, 0, 0, 0 },
	/* one short on avoidance only (the shared item is unanswered) */
	{ "avoidance one short", { 7, 7, NA, 7, NA, NA, NA }, 4.0, NONE, 2, 1, 0, 0, 0, 0 },
	/* exactly min_answered on both */
	{ "exactly min_answered", { 7, 1, NA, 1, 5, NA, NA }, 7.0, 1.0, 2, 2, S(ANX), 3.0, 0, S(ANX) },
	/* nothing answered */
	{ "nothing answered", { NA, NA, NA, NA, NA, NA, NA }, NONE, NONE, 0, 0, 0, 0, 0, 0 },
	/* the shared item alone reaches neither minimum */
	{ "shared item alone", { NA, NA, NA, NA, NA, 6, NA }, NONE, NONE, 1, 1, 0, 0, 0, 0 },
	/* per-item range: a3 = 5 is its maximum (reverse v2 = 5 -> 1 on 1..5) */
	{ "per-item ranges", { NA, NA, 5, 2, 5, 6, NA }, 5.5, 5.0 / 3, 2, 3, S(ANX), 1.5, 0, S(ANX) },
	/* out-of-range answers count as unanswered: a3 = 6 (1..5), v2 = 0 */
	{ "out of range ignored", { 6, 2, 6, 7, 0, 7, NA }, 19.0 / 3, 4.0, 3, 2,
	  S(ANX), 0.0, 1, S(ANX) | S(FEA) },
	/* a text item never counts, whatever is in its slot */
	{ "text item ignored", { 3, 5, NA, 2, 4, NA, 7 }, 3.0, 2.0, 2, 2, S(SEC), 1.0, 0, S(SEC) },
	/* margin exactly 0.5 is near (inclusive): anx 4.5, avo 1.0 */
	{ "margin exactly 0.5", { 5, 4, NA, 1, 5, NA, NA }, 4.5, 1.0, 2, 2,
	  S(ANX), 0.5, 1, S(ANX) | S(SEC) },
	/* margin 2/3 is not near: anx (6 + 4 + 4)/3 = 14/3 */
	{ "margin above 0.5", { 6, 4, 4, 1, 5, NA, NA }, 14.0 / 3, 1.0, 3, 2,
	  S(ANX), 2.0 / 3, 0, S(ANX) },
	/* fearful, away from both cutoffs: anx (7 + 7 + 5 + 1)/4 = 5, avo (7 + 5 + 7)/3 */
	{ "fearful", { 7, 1, 5, 7, 1, 1, NA }, 5.0, 19.0 / 3, 4, 3, S(FEA), 1.0, 0, S(FEA) },
	/* both within 0.5: style plus the style across each axis, not the diagonal */
	{ "near on both axes", { 4, 3, NA, 4, 1, NA, NA }, 4.5, 4.5, 2, 2,
	  S(FEA), 0.5, 1, S(FEA) | S(DIS) | S(ANX) },
};

/* Compare a computed scale with an expected value (NONE = no score). */
static void
check_scale(const char *name, const score_scale *sc, double want, int answered)
{
	if (sc->answered != answered)
		fail_msg("%s: answered %d, want %d", name, sc->answered, answered);
	if (want == NONE) {
		if (sc->has_score)
			fail_msg("%s: score %g, want none", name, sc->score);
		return;
	}
	if (!sc->has_score)
		fail_msg("%s: no score, want %g", name, want);
	if (fabs(sc->score - want) > 1e-12)
		fail_msg("%s: score %.17g, want %.17g", name, sc->score, want);
	if (sc->has_norm)
		fail_msg("%s: norm without a bank norm", name);
}

static void
test_quadrant_table(void **state)
{
	bank b;
	bank_scale sc[2];
	bank_item it[QN];
	score_result r;

	(void)state;
	make_q(&b, sc, it, 4.0, 4.0, 2, 2);
	score_result_init(&r, &b);
	for (size_t i = 0; i < sizeof qcases / sizeof *qcases; i++) {
		const qcase *c = &qcases[i];

		score_compute(&b, c->ans, &r);
		check_scale(c->name, &r.scales[0], c->anx, c->nanx);
		check_scale(c->name, &r.scales[1], c->avo, c->navo);
		if (r.style_mask != c->style)
			fail_msg("%s: style mask %#x, want %#x", c->name, r.style_mask, c->style);
		if (r.has_margin != (c->style != 0))
			fail_msg("%s: has_margin %d", c->name, r.has_margin);
		if (!c->style) {
			if (r.near_boundary || r.near_mask || r.margin != 0)
				fail_msg("%s: near data without a style", c->name);
			continue;
		}
		if (fabs(r.margin - c->margin) > 1e-12)
			fail_msg("%s: margin %.17g, want %.17g", c->name, r.margin, c->margin);
		if (r.near_boundary != c->near)
			fail_msg("%s: near %d, want %d", c->name, r.near_boundary, c->near);
		if (r.near_mask != c->near_mask)
			fail_msg("%s: near mask %#x, want %#x", c->name, r.near_mask, c->near_mask);
		if (r.anxiety_high != !!(c->style & (S(ANX) | S(FEA))) ||
		    r.avoidance_high != !!(c->style & (S(DIS) | S(FEA))))
			fail_msg("%s: axis highs %d/%d", c->name, r.anxiety_high, r.avoidance_high);
	}
	score_result_free(&r);
}

/* Results are independent of what the reused result held before. */
static void
test_result_reuse(void **state)
{
	bank b;
	bank_scale sc[2];
	bank_item it[QN];
	score_result r;
	int fearful[QN] = { 7, 1, 5, 7, 1, 1, NA };
	int none[QN] = { NA, NA, NA, NA, NA, NA, NA };

	(void)state;
	make_q(&b, sc, it, 4.0, 4.0, 2, 2);
	score_result_init(&r, &b);
	assert_int_equal(r.nscales, 2);
	score_compute(&b, fearful, &r);
	assert_int_equal(r.style_mask, S(FEA));
	score_compute(&b, none, &r);
	assert_int_equal(r.style_mask, 0);
	assert_int_equal(r.anxiety_high, 0);
	assert_int_equal(r.avoidance_high, 0);
	assert_int_equal(r.has_margin, 0);
	assert_false(r.scales[0].has_score);
	assert_int_equal(r.scales[0].answered, 0);
	score_result_free(&r);
	score_result_free(&r);   /* idempotent */
	assert_null(r.scales);
}

/* Decimal cutoffs: equality and the 0.5 margin survive floating error. */
static void
test_decimal_cutoffs(void **state)
{
	static const struct {
		double cx;
		int ans[6];
		unsigned style;
		int near;
	} cases[] = {
		/* 22/5 - 3.9 = 0.5000000000000004 in doubles: still near */
		{ 3.9, { 4, 4, 5, 4, 5, 1 }, S(ANX), 1 },
		/* 4.1 - 18/5 = 0.49999999999999956 in doubles */
		{ 4.1, { 3, 4, 4, 4, 3, 1 }, S(SEC), 1 },
		/* 21/5 == 4.2 exactly as doubles: on the cutoff, so low */
		{ 4.2, { 4, 4, 4, 4, 5, 1 }, S(SEC), 1 },
		/* 22/5 vs 4.2: high, margin 0.2 */
		{ 4.2, { 4, 4, 5, 4, 5, 1 }, S(ANX), 1 },
		/* 26/5 vs 4.1: margin 1.1, not near */
		{ 4.1, { 5, 5, 5, 5, 6, 1 }, S(ANX), 0 },
	};
	static bank_key kx[] = { { 0, 1 } }, ky[] = { { 1, 1 } };
	bank b;
	bank_scale sc[2];
	bank_item it[6];
	score_result r;

	(void)state;
	memset(&b, 0, sizeof b);
	memset(sc, 0, sizeof sc);
	memset(it, 0, sizeof it);
	sc[0] = (bank_scale){ .id = "anxiety", .min_answered = 1, .nitems = 5 };
	sc[1] = (bank_scale){ .id = "avoidance", .cutoff = 4, .min_answered = 1, .nitems = 1 };
	for (int i = 0; i < 6; i++)
		it[i] = (bank_item){ .id = "x", .range = &r17, .keys = i < 5 ? kx : ky, .nkeys = 1 };
	b.scales = sc;
	b.nscales = 2;
	b.items = it;
	b.nitems = b.nlikert = 6;
	b.method = CLASSIFY_QUADRANT;
	b.avoidance = 1;
	score_result_init(&r, &b);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		sc[0].cutoff = cases[i].cx;
		score_compute(&b, cases[i].ans, &r);
		if (r.style_mask != cases[i].style || r.near_boundary != cases[i].near)
			fail_msg("case %zu: anx %.17g mask %#x near %d margin %.17g", i,
			         r.scales[0].score, r.style_mask, r.near_boundary, r.margin);
	}
	score_result_free(&r);
}

/* min_answered 0 in a bank still needs one answer to make a mean. */
static void
test_min_answered_zero(void **state)
{
	bank b;
	bank_scale sc[2];
	bank_item it[QN];
	score_result r;
	int none[QN] = { NA, NA, NA, NA, NA, NA, NA };
	int one[QN] = { 6, NA, NA, 2, NA, NA, NA };

	(void)state;
	make_q(&b, sc, it, 4.0, 4.0, 0, 1);
	score_result_init(&r, &b);
	score_compute(&b, none, &r);
	assert_false(r.scales[0].has_score);
	assert_false(r.scales[1].has_score);
	score_compute(&b, one, &r);
	assert_true(r.scales[0].has_score);
	assert_true(r.scales[0].score == 6.0);
	assert_int_equal(r.style_mask, S(ANX));
	score_result_free(&r);
}

/* Norms: z = (score - mean) / sd, percentile = 100 Phi(z). */
static void
test_norms(void **state)
{
	bank b;
	bank_scale sc[2];
	bank_item it[QN];
	score_result r;
	int ans[QN] = { 5, 4, NA, 1, 5, NA, NA };   /* anx 4.5, avo 1.0 */
	int short_[QN] = { 5, NA, NA, 1, 5, NA, NA };

	(void)state;
	make_q(&b, sc, it, 4.0, 4.0, 2, 2);
	sc[0].has_norm = 1;
	sc[0].norm_mean = 3.5;
	sc[0].norm_sd = 1.0;
	sc[1].has_norm = 1;
	sc[1].norm_mean = 2.96;
	sc[1].norm_sd = 1.0;
	score_result_init(&r, &b);
	score_compute(&b, ans, &r);
	assert_true(r.scales[0].has_norm);
	assert_true(fabs(r.scales[0].z - 1.0) < 1e-12);
	assert_true(fabs(r.scales[0].percentile - 84.13447460685429) < 1e-9);
	assert_true(r.scales[1].has_norm);
	assert_true(fabs(r.scales[1].z - -1.96) < 1e-12);
	assert_true(fabs(r.scales[1].percentile - 2.4997895148220435) < 1e-9);
	/* the style still follows cutoffs, not norms */
	assert_int_equal(r.style_mask, S(ANX));
	/* no score, no norm */
	score_compute(&b, short_, &r);
	assert_false(r.scales[0].has_norm);
	assert_true(r.scales[1].has_norm);
	score_result_free(&r);
}

static void
test_phi(void **state)
{
	(void)state;
	assert_true(score_phi(0) == 0.5);
	assert_true(fabs(score_phi(1) - 0.8413447460685429) < 1e-15);
	assert_true(fabs(score_phi(-1) - 0.15865525393145707) < 1e-15);
	assert_true(fabs(score_phi(1.959963984540054) - 0.975) < 1e-15);
	/* erfc keeps the lower tail accurate (1 - Phi(8) would be 0) */
	assert_true(fabs(score_phi(-8) / 6.22096057427178e-16 - 1) < 1e-9);
	assert_true(score_phi(-40) >= 0 && score_phi(-40) < 1e-300);
	assert_true(score_phi(40) == 1.0);
}

static void
test_keyed_value(void **state)
{
	static const struct { int min, max, sign, v, want; } t[] = {
		{ 1, 7, 1, 1, 1 }, { 1, 7, 1, 7, 7 }, { 1, 7, -1, 1, 7 }, { 1, 7, -1, 7, 1 },
		{ 1, 7, -1, 4, 4 }, { 1, 5, -1, 2, 4 }, { 0, 4, -1, 0, 4 }, { 0, 4, -1, 3, 1 },
		{ -3, 3, -1, -3, 3 }, { -3, 3, -1, 1, -1 }, { -3, 3, 1, -2, -2 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		bank_range rg = { t[i].min, t[i].max, NULL, 0 };
		assert_int_equal(score_keyed_value(&rg, t[i].sign, t[i].v), t[i].want);
	}
	assert_int_equal(score_quadrant_style(0, 0), STYLE_SECURE);
	assert_int_equal(score_quadrant_style(1, 0), STYLE_ANXIOUS);
	assert_int_equal(score_quadrant_style(0, 1), STYLE_DISMISSIVE);
	assert_int_equal(score_quadrant_style(1, 1), STYLE_FEARFUL);
}

/*
 * Highest bank H: scales sec, fea, pre, dis (deliberately not in canonical
 * order), two items each on 1..7, dis's second item reversed.
 */
static bank_key hk[4][2] = { { { 0, 1 } }, { { 1, 1 } }, { { 2, 1 } }, { { 3, 1 } } };
static bank_key hk_rev[] = { { 3, -1 } };

/* Build bank H. */
static void
make_h(bank *b, bank_scale *sc, bank_item *it)
{
	static const char *sid[4] = { "sec", "fea", "pre", "dis" };
	static const char *iid[8] = { "s1", "s2", "f1", "f2", "p1", "p2", "d1", "d2" };

	memset(b, 0, sizeof *b);
	memset(sc, 0, 4 * sizeof *sc);
	memset(it, 0, 8 * sizeof *it);
	for (int s = 0; s < 4; s++) {
		sc[s] = (bank_scale){ .id = (char *)sid[s], .cutoff = 4, .min_answered = 1, .nitems = 2 };
		for (int j = 0; j < 2; j++)
			it[2 * s + j] = (bank_item){ .id = (char *)iid[2 * s + j], .range = &r17,
			                             .keys = hk[s], .nkeys = 1 };
	}
	it[7].keys = hk_rev;
	b->id = "h";
	b->range = r17;
	b->scales = sc;
	b->nscales = 4;
	b->items = it;
	b->nitems = 8;
	b->nlikert = 8;
	b->method = CLASSIFY_HIGHEST;
	b->highest[STYLE_SECURE] = 0;
	b->highest[STYLE_FEARFUL] = 1;
	b->highest[STYLE_ANXIOUS] = 2;
	b->highest[STYLE_DISMISSIVE] = 3;
}

static void
test_highest_table(void **state)
{
	static const struct {
		const char *name;
		int ans[8];
		int norms;                   /* how many scales get a norm (first n) */
		unsigned style;
	} t[] = {
		{ "single highest", { 6, 6, 2, 2, 1, 1, 4, 4 }, 0, S(SEC) },
		{ "dismissing via reverse", { 3, 3, 2, 2, 1, 1, 7, 1 }, 0, S(DIS) },
		{ "tie of two", { 5, 5, 5, 5, 3, 3, 2, 6 }, 0, S(SEC) | S(FEA) },
		{ "tie order is canonical", { 1, 1, 6, 6, 6, 6, 1, 7 }, 0, S(ANX) | S(FEA) },
		{ "tie of all four", { 4, 4, 4, 4, 4, 4, 4, 4 }, 0, S(SEC) | S(ANX) | S(DIS) | S(FEA) },
		{ "all minimum", { 1, 1, 1, 1, 1, 1, 1, 7 }, 0, S(SEC) | S(ANX) | S(DIS) | S(FEA) },
		{ "all maximum", { 7, 7, 7, 7, 7, 7, 7, 1 }, 0, S(SEC) | S(ANX) | S(DIS) | S(FEA) },
		{ "one mapped scale missing", { 7, 7, 1, 1, NA, NA, 1, 7 }, 0, 0 },
		{ "partial answers suffice", { 7, NA, 1, NA, 2, NA, NA, 7 }, 0, S(SEC) },
		/* raw: sec 5 > pre 4.5; z with norms: sec (5-5)/1 = 0, pre (4.5-2)/1 = 2.5 */
		{ "z when all four normed", { 5, 5, 3, 3, 4, 5, 3, 5 }, 4, S(ANX) },
		{ "raw when only three normed", { 5, 5, 3, 3, 4, 5, 3, 5 }, 3, S(SEC) },
		/* z tie: sec (6-5)/1 = 1, fea (3-1)/2 = 1 */
		{ "z tie", { 6, 6, 3, 3, 2, 2, 4, 4 }, 4, S(SEC) | S(FEA) },
	};
	/* norms per scale index: sec, fea, pre, dis */
	static const double mean[4] = { 5, 1, 2, 4 }, sd[4] = { 1, 2, 1, 1 };
	bank b;
	bank_scale sc[4];
	bank_item it[8];
	score_result r;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		make_h(&b, sc, it);
		for (int s = 0; s < t[i].norms; s++) {
			int idx = (int[]){ 3, 1, 2, 0 }[s];   /* leave sec last to drop */
			sc[idx].has_norm = 1;
			sc[idx].norm_mean = mean[idx];
			sc[idx].norm_sd = sd[idx];
		}
		score_result_init(&r, &b);
		score_compute(&b, t[i].ans, &r);
		if (r.style_mask != t[i].style)
			fail_msg("%s: mask %#x, want %#x", t[i].name, r.style_mask, t[i].style);
		assert_int_equal(r.has_margin, 0);
		assert_int_equal(r.near_boundary, 0);
		assert_int_equal(r.near_mask, 0);
		score_result_free(&r);
	}
}

/* Raw means that differ by less than any real difference are a tie. */
static void
test_highest_float_tie(void **state)
{
	bank b;
	bank_scale sc[4];
	bank_item it[8];
	score_result r;
	/* z = 1 for all four in exact arithmetic; in doubles (4 - 3.7)/0.3 =
	 * 0.9999999999999994 and (1 - 0.7)/0.3 = 1.0000000000000002 */
	int ans[8] = { 4, NA, 3, NA, 1, NA, NA, 7 };

	(void)state;
	make_h(&b, sc, it);
	for (int s = 0; s < 4; s++) {
		sc[s].has_norm = 1;
		sc[s].norm_sd = 0.3;
	}
	sc[0].norm_mean = 3.7;
	sc[1].norm_mean = 2.7;
	sc[2].norm_mean = 0.7;
	sc[3].norm_mean = 0.7;
	score_result_init(&r, &b);
	score_compute(&b, ans, &r);
	assert_true(r.scales[0].z != r.scales[2].z);
	assert_int_equal(r.style_mask, S(SEC) | S(FEA) | S(ANX) | S(DIS));
	score_result_free(&r);
}

static void
test_style_string(void **state)
{
	char buf[128], small[10];
	unsigned m;

	(void)state;
	assert_string_equal(score_style_string(0, buf, sizeof buf), "");
	assert_string_equal(score_style_string(S(SEC), buf, sizeof buf), "secure");
	assert_string_equal(score_style_string(S(FEA) | S(SEC), buf, sizeof buf),
	                    "secure+fearful-avoidant");
	assert_string_equal(score_style_string(S(DIS) | S(ANX), buf, sizeof buf),
	                    "anxious-preoccupied+dismissive-avoidant");
	assert_string_equal(score_style_string(15, buf, sizeof buf),
	                    "secure+anxious-preoccupied+dismissive-avoidant+fearful-avoidant");
	/* truncation stays NUL-terminated */
	assert_string_equal(score_style_string(S(SEC) | S(FEA), small, sizeof small), "secure+fe");
	assert_ptr_equal(score_style_string(1, small, 0), small);

	assert_int_equal(score_style_parse("secure", &m), 0);
	assert_int_equal(m, S(SEC));
	assert_int_equal(score_style_parse("fearful-avoidant+secure", &m), 0);
	assert_int_equal(m, S(SEC) | S(FEA));
	assert_int_equal(score_style_parse("secure+anxious-preoccupied+dismissive-avoidant+fearful-avoidant", &m), 0);
	assert_int_equal(m, 15);
	static const char *bad[] = { "", "+", "secure+", "+secure", "secure+secure", "Secure",
	                             "secure ", "anxious", "secure++fearful-avoidant", "none" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		m = 99;
		if (score_style_parse(bad[i], &m) != -1 || m != 0)
			fail_msg("accepted '%s'", bad[i]);
	}
	/* round trip over every mask */
	for (unsigned mask = 1; mask < 16; mask++) {
		assert_int_equal(score_style_parse(score_style_string(mask, buf, sizeof buf), &m), 0);
		assert_int_equal(m, mask);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quadrant_table),
		cmocka_unit_test(test_result_reuse),
		cmocka_unit_test(test_decimal_cutoffs),
		cmocka_unit_test(test_min_answered_zero),
		cmocka_unit_test(test_norms),
		cmocka_unit_test(test_phi),
		cmocka_unit_test(test_keyed_value),
		cmocka_unit_test(test_highest_table),
		cmocka_unit_test(test_highest_float_tie),
		cmocka_unit_test(test_style_string),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
