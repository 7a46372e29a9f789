/* test_explore.c - the what-if point: moving, clamping, and point -> style (SPEC 3.4). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "banks.h"
#include "content.h"
#include "explore.h"
#include "report.h"
#include "score.h"

#define BIT(s) (1u << (s))
/* cmocka 1.1 has no double assertion; compare within eps. */
#define assert_double_equal(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

/* The default bank and an explorer on it. */
typedef struct fixture {
	bank *b;
	explore e;
} fixture;

static int
setup_core(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	errlist errs;

	errlist_init(&errs);
	assert_int_equal(banks_open(&f->b, NULL, &errs), 0);
	assert_int_equal(explore_init(&f->e, f->b, &errs), 0);
	assert_int_equal(errs.n, 0);
	errlist_free(&errs);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;

	bank_free(f->b);
	free(f);
	return 0;
}

static void
test_init_core(void **state)
{
	fixture *f = *state;

	assert_double_equal(f->e.anx.min, 1.0, 0);
	assert_double_equal(f->e.anx.max, 7.0, 0);
	assert_double_equal(f->e.avo.min, 1.0, 0);
	assert_double_equal(f->e.avo.max, 7.0, 0);
	assert_double_equal(f->e.anx.cutoff, 4.0, 0);
	assert_double_equal(f->e.avo.cutoff, 4.0, 0);
	assert_double_equal(explore_step(&f->e, 0), 0.1, 1e-12);
	assert_double_equal(explore_step(&f->e, 1), 0.5, 1e-12);
	/* Starts on the secure typical point. */
	assert_true(f->e.anxiety == 2.5 && f->e.avoidance == 2.5);
}

static void
test_highest_bank_refused(void **state)
{
	bank *b;
	explore e;
	errlist errs;

	(void)state;
	errlist_init(&errs);
	assert_int_equal(banks_open(&b, "prototypes", &errs), 0);
	assert_int_equal(explore_init(&e, b, &errs), 65);
	assert_int_equal(errs.n, 1);
	assert_non_null(strstr(errs.v[0].msg, "highest"));
	errlist_free(&errs);
	bank_free(b);
}

static void
test_exactly_on_both_cutoffs(void **state)
{
	fixture *f = *state;
	explore_class c;

	explore_classify_at(&f->e, 4.0, 4.0, &c);
	assert_int_equal(c.style, STYLE_SECURE);         /* equal is LOW */
	assert_false(c.anxiety_high);
	assert_false(c.avoidance_high);
	assert_double_equal(c.margin, 0.0, 0);
	assert_true(c.near);
	assert_int_equal(c.across_anx, STYLE_ANXIOUS);
	assert_int_equal(c.across_avo, STYLE_DISMISSIVE);
	assert_int_equal(c.near_mask, BIT(STYLE_SECURE) | BIT(STYLE_ANXIOUS) | BIT(STYLE_DISMISSIVE));
}

static void
test_just_above_cutoffs(void **state)
{
	fixture *f = *state;
	explore_class c;

	explore_classify_at(&f->e, 4.1, 4.0, &c);
	assert_int_equal(c.style, STYLE_ANXIOUS);
	explore_classify_at(&f->e, 4.0, 4.1, &c);
	assert_int_equal(c.style, STYLE_DISMISSIVE);
	explore_classify_at(&f->e, 4.1, 4.1, &c);
	assert_int_equal(c.style, STYLE_FEARFUL);
	assert_true(c.near);
	assert_int_equal(c.across_anx, STYLE_DISMISSIVE);
	assert_int_equal(c.across_avo, STYLE_ANXIOUS);
	/* A hair above still counts as high: strict comparison, no rounding. */
	explore_classify_at(&f->e, nextafter(4.0, 5.0), 1.0, &c);
	assert_int_equal(c.style, STYLE_ANXIOUS);
}

static void
test_near_limit_inclusive(void **state)
{
	fixture *f = *state;
	explore_class c;

	/* Margin exactly 0.5 is near (<=), on one axis only. */
	explore_classify_at(&f->e, 4.5, 2.5, &c);
	assert_int_equal(c.style, STYLE_ANXIOUS);
	assert_double_equal(c.margin, 0.5, 0);
	assert_true(c.near);
	assert_int_equal(c.across_anx, STYLE_SECURE);
	assert_int_equal(c.across_avo, -1);
	assert_int_equal(c.near_mask, BIT(STYLE_ANXIOUS) | BIT(STYLE_SECURE));

	explore_classify_at(&f->e, 3.5, 5.0, &c);
	assert_int_equal(c.style, STYLE_DISMISSIVE);
	assert_true(c.near);
	assert_int_equal(c.across_anx, STYLE_FEARFUL);

	/* 0.6 away on both axes is a confident result. */
	explore_classify_at(&f->e, 4.6, 3.4, &c);
	assert_int_equal(c.style, STYLE_ANXIOUS);
	assert_double_equal(c.margin, 0.6, 1e-12);
	assert_false(c.near);
	assert_int_equal(c.across_anx, -1);
	assert_int_equal(c.across_avo, -1);
	assert_int_equal(c.near_mask, BIT(STYLE_ANXIOUS));
}

/* Stepping lands exactly on the cutoff, which is low; one more step is high. */
static void
test_steps_reach_cutoff_exactly(void **state)
{
	fixture *f = *state;
	explore_class c;

	explore_set(&f->e, 2.5, 2.5);
	for (int i = 0; i < 15; i++)
		explore_move(&f->e, 1, 0, 0);
	assert_true(f->e.anxiety == 4.0);
	explore_classify(&f->e, &c);
	assert_int_equal(c.style, STYLE_SECURE);
	explore_move(&f->e, 1, 0, 0);
	explore_classify(&f->e, &c);
	assert_int_equal(c.style, STYLE_ANXIOUS);
	assert_true(f->e.anxiety == 4.1);
	/* Walk back down from far above with small steps: still exact. */
	explore_set(&f->e, 7.0, 2.5);
	for (int i = 0; i < 30; i++)
		explore_move(&f->e, -1, 0, 0);
	assert_true(f->e.anxiety == 4.0);
	/* Big steps: 2.5 + 3 * 0.5 = 4.0 along avoidance. */
	explore_set(&f->e, 2.5, 2.5);
	explore_move(&f->e, 0, 3, 1);
	assert_true(f->e.avoidance == 4.0);
	explore_move(&f->e, 0, 1, 0);
	explore_classify(&f->e, &c);
	assert_int_equal(c.style, STYLE_DISMISSIVE);
}

static void
test_clamped(void **state)
{
	fixture *f = *state;

	explore_set(&f->e, 2.5, 2.5);
	for (int i = 0; i < 100; i++)
		explore_move(&f->e, 1, -1, 1);
	assert_true(f->e.anxiety == 7.0);
	assert_true(f->e.avoidance == 1.0);
	explore_set(&f->e, -3, 99);
	assert_true(f->e.anxiety == 1.0);
	assert_true(f->e.avoidance == 7.0);
	explore_set(&f->e, NAN, 3.0);        /* NaN leaves that axis alone */
	assert_true(f->e.anxiety == 1.0);
	assert_true(f->e.avoidance == 3.0);
	explore_end(&f->e, 'a', 1);
	explore_end(&f->e, 'v', 0);
	assert_true(f->e.anxiety == 7.0 && f->e.avoidance == 1.0);
}

/* A point off the grid (from a report) snaps to the next line in the direction moved. */
static void
test_snap_off_grid(void **state)
{
	fixture *f = *state;

	explore_set(&f->e, 4.0 + 1.0 / 3.0, 60.0 / 15.0);
	explore_move(&f->e, 1, 0, 0);
	assert_true(f->e.anxiety == 4.4);
	explore_set(&f->e, 4.0 + 1.0 / 3.0, 4.0);
	explore_move(&f->e, -1, 0, 0);
	assert_true(f->e.anxiety == 4.3);
	explore_set(&f->e, 4.0 + 1.0 / 3.0, 4.0);
	explore_move(&f->e, -1, 0, 1);
	assert_true(f->e.anxiety == 4.0);
	explore_set(&f->e, 4.3, 4.0);          /* on the grid: a whole step */
	explore_move(&f->e, 1, 0, 0);
	assert_true(f->e.anxiety == 4.4);
}

static void
test_typical_points(void **state)
{
	fixture *f = *state;
	explore_class c;
	static const double want[STYLE_COUNT][2] = {
		{ 2.5, 2.5 }, { 5.5, 2.5 }, { 2.5, 5.5 }, { 5.5, 5.5 },
	};

	for (int s = 0; s < STYLE_COUNT; s++) {
		explore_typical(&f->e, s);
		assert_true(f->e.anxiety == want[s][0]);
		assert_true(f->e.avoidance == want[s][1]);
		explore_classify(&f->e, &c);
		assert_int_equal(c.style, s);
		assert_false(c.near);
	}
}

/* A tiny deterministic generator (no rand(): reproducible everywhere). */
static unsigned
lcg(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* Compare explore's classification with score.c's on the same scores. */
static void
check_same_as_score(const explore *e, const score_result *r)
{
	explore_class c;
	const bank *b = e->bank;

	if (!r->scales[b->anxiety].has_score || !r->scales[b->avoidance].has_score) {
		assert_int_equal(r->style_mask, 0);
		return;
	}
	explore_classify_at(e, r->scales[b->anxiety].score, r->scales[b->avoidance].score, &c);
	assert_int_equal(r->style_mask, BIT(c.style));
	assert_int_equal(r->anxiety_high, c.anxiety_high);
	assert_int_equal(r->avoidance_high, c.avoidance_high);
	assert_true(r->has_margin);
	assert_double_equal(r->margin, c.margin, 1e-12);
	assert_int_equal(r->near_boundary, c.near);
	assert_int_equal(r->near_mask, c.near_mask);
}

/* The explorer agrees with score_compute on many answer patterns, near cutoffs included. */
static void
test_agrees_with_score_compute(void **state)
{
	fixture *f = *state;
	const bank *b = f->b;
	int *ans = calloc(b->nitems, sizeof *ans);
	score_result r;
	unsigned seed = 7;

	score_result_init(&r, b);
	for (int round = 0; round < 3000; round++) {
		/* A third of rounds: all middle answers with a few nudged (lands on and near cutoffs). */
		int mode = round % 3;
		for (size_t i = 0; i < b->nitems; i++) {
			const bank_item *it = &b->items[i];
			if (it->type != ITEM_LIKERT) {
				ans[i] = BANK_NO_ANSWER;
				continue;
			}
			int span = it->range->max - it->range->min + 1;
			int mid = (it->range->min + it->range->max) / 2;
			if (mode == 0)
				ans[i] = it->range->min + (int)(lcg(&seed) % (unsigned)span);
			else if (mode == 1)
				ans[i] = lcg(&seed) % 5 == 0 ? it->range->min + (int)(lcg(&seed) % (unsigned)span) : mid;
			else
				ans[i] = lcg(&seed) % 4 == 0 ? BANK_NO_ANSWER : mid + (int)(lcg(&seed) % 3) - 1;
		}
		score_compute(b, ans, &r);
		check_same_as_score(&f->e, &r);
	}
	score_result_free(&r);
	free(ans);
}

static const char small_bank[] =
	"securebase: 1\n"
	"id: small\n"
	"title: Small\n"
	"response_scale: {min: 1, max: 5}\n"
	"scales:\n"
	"  - {id: anx, name: Anx, cutoff: 3.5}\n"
	"  - {id: avo, name: Avo}\n"
	"classification: {method: quadrant, anxiety: anx, avoidance: avo}\n"
	"items:\n"
	"  - {id: a1, text: A one, scale: anx}\n"
	"  - {id: a2, text: A two, scale: anx, reverse: true}\n"
	"  - {id: v1, text: V one, scale: avo, response_scale: {min: 0, max: 9}}\n"
	"  - {id: v2, text: V two, scale: avo}\n";

/* Ranges come from the items (per-item overrides widen them); cutoffs from the bank. */
static void
test_other_bank(void **state)
{
	bank *b;
	explore e;
	explore_class c;
	errlist errs;

	(void)state;
	errlist_init(&errs);
	assert_int_equal(bank_load_mem(&b, "small.yaml", small_bank, sizeof small_bank - 1, &errs), 0);
	assert_int_equal(explore_init(&e, b, &errs), 0);
	assert_true(e.anx.min == 1 && e.anx.max == 5 && e.anx.cutoff == 3.5);
	assert_true(e.avo.min == 0 && e.avo.max == 9 && e.avo.cutoff == 3.0);
	explore_classify_at(&e, 3.5, 3.0, &c);
	assert_int_equal(c.style, STYLE_SECURE);
	explore_classify_at(&e, 3.6, 3.0, &c);
	assert_int_equal(c.style, STYLE_ANXIOUS);
	for (int s = 0; s < STYLE_COUNT; s++) {
		explore_typical(&e, s);
		explore_classify(&e, &c);
		assert_int_equal(c.style, s);
		assert_true(explore_in_range(&e.anx, e.anxiety));
		assert_true(explore_in_range(&e.avo, e.avoidance));
	}
	bank_free(b);
	errlist_free(&errs);
}

static void
test_parse_pair(void **state)
{
	double a = 0, v = 0;
	char msg[128];

	(void)state;
	assert_int_equal(explore_parse_pair("4.5 2\n", &a, &v, msg, sizeof msg), 1);
	assert_true(a == 4.5 && v == 2.0);
	assert_int_equal(explore_parse_pair("  4.1,\t3.9 ", &a, &v, msg, sizeof msg), 1);
	assert_true(a == 4.1 && v == 3.9);
	assert_int_equal(explore_parse_pair("4 , 4\r\n", &a, &v, msg, sizeof msg), 1);
	assert_true(a == 4.0 && v == 4.0);
	assert_int_equal(explore_parse_pair("-1 +.5", &a, &v, msg, sizeof msg), 1);
	assert_true(a == -1.0 && v == 0.5);
	assert_int_equal(explore_parse_pair("", &a, &v, msg, sizeof msg), 0);
	assert_int_equal(explore_parse_pair("   \n", &a, &v, msg, sizeof msg), 0);
	assert_int_equal(explore_parse_pair("# anxiety avoidance", &a, &v, msg, sizeof msg), 0);
	assert_int_equal(explore_parse_pair("4.5", &a, &v, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "two numbers"));
	assert_int_equal(explore_parse_pair("abc def", &a, &v, msg, sizeof msg), -1);
	assert_int_equal(explore_parse_pair("4.5 2 3", &a, &v, msg, sizeof msg), -1);
	assert_int_equal(explore_parse_pair("4,5 2", &a, &v, msg, sizeof msg), -1);
	assert_int_equal(explore_parse_pair("1e3 2", &a, &v, msg, sizeof msg), -1);
	assert_int_equal(explore_parse_pair("nan 2", &a, &v, msg, sizeof msg), -1);
	assert_int_equal(explore_parse_pair("4..5 2", &a, &v, msg, sizeof msg), -1);
	assert_int_equal(explore_parse_pair(". 2", &a, &v, msg, sizeof msg), -1);
	assert_int_equal(explore_parse_pair("1234567890123456 2", &a, &v, msg, sizeof msg), -1);
}

/* A JSON report of bank `id`: likert items keyed to the first scale answered a, others b. */
static char *
json_report(const char *id, int a, int b, size_t *len)
{
	bank *bk;
	content *c;
	errlist errs;
	report r;
	int *ans;
	char *buf = NULL;
	FILE *fp;

	errlist_init(&errs);
	assert_int_equal(banks_open(&bk, id, &errs), 0);
	assert_int_equal(content_load(&c, &errs), 0);
	ans = calloc(bk->nitems, sizeof *ans);
	for (size_t i = 0; i < bk->nitems; i++)
		ans[i] = bk->items[i].type != ITEM_LIKERT ? BANK_NO_ANSWER :
		         bk->items[i].keys[0].scale == 0 ? a : b;
	report_init(&r, bk, c, ans, NULL, NULL);
	fp = open_memstream(&buf, len);
	assert_int_equal(report_write(fp, &r, REPORT_JSON, 0), 0);
	fclose(fp);
	report_free(&r);
	free(ans);
	content_free(c);
	bank_free(bk);
	errlist_free(&errs);
	return buf;
}

/* A saved report's scores become the point; its origin is told. */
static void
test_from_report(void **state)
{
	fixture *f = *state;
	report_data d;
	errlist errs;
	char *note, *json;
	size_t len;
	explore_class c;

	errlist_init(&errs);
	/* core: anx01..anx15 answered 6 (anx11..15 reversed: 2), avo.. answered 3 (avo11..15: 5) */
	json = json_report("core", 6, 3, &len);
	assert_int_equal(report_load_mem(&d, "r.json", json, len, &errs), 0);
	assert_int_equal(explore_from_report(&f->e, &d, "r.json", &note, &errs), 0);
	assert_true(fabs(f->e.anxiety - (10 * 6 + 5 * 2) / 15.0) < 1e-9);
	assert_true(fabs(f->e.avoidance - (10 * 3 + 5 * 5) / 15.0) < 1e-9);
	assert_non_null(strstr(note, "Report of Close relationships self-check (core)"));
	assert_non_null(strstr(note, "anxiety 4.67, avoidance 3.67."));
	assert_null(strstr(note, "another bank"));
	explore_classify(&f->e, &c);
	assert_int_equal(c.style, STYLE_ANXIOUS);
	/* Moving from a loaded point snaps onto the grid. */
	explore_move(&f->e, 1, 0, 0);
	assert_true(f->e.anxiety == 4.7);
	free(note);
	report_data_free(&d);
	free(json);

	/* Another quadrant bank: the point is shown, with a caution. */
	json = json_report("quick", 2, 6, &len);
	assert_int_equal(report_load_mem(&d, "q.json", json, len, &errs), 0);
	assert_int_equal(explore_from_report(&f->e, &d, "q.json", &note, &errs), 0);
	assert_non_null(strstr(note, "(quick)"));
	assert_non_null(strstr(note, "another bank than 'core'"));
	free(note);
	report_data_free(&d);
	free(json);

	/* A highest bank has no point: refused, point unchanged. */
	json = json_report("prototypes", 5, 3, &len);
	assert_int_equal(report_load_mem(&d, "p.json", json, len, &errs), 0);
	explore_set(&f->e, 2.0, 3.0);
	assert_int_equal(explore_from_report(&f->e, &d, "p.json", &note, &errs), 65);
	assert_null(note);
	assert_true(f->e.anxiety == 2.0 && f->e.avoidance == 3.0);
	assert_int_equal(errs.n, 1);
	assert_non_null(strstr(errs.v[0].msg, "no anxiety x avoidance plane"));
	report_data_free(&d);
	free(json);
	errlist_free(&errs);
}

/* Files that are missing or not reports: 66 and 65, nothing changed. */
static void
test_load_report_errors(void **state)
{
	fixture *f = *state;
	errlist errs;
	char *note = (char *)"x";

	errlist_init(&errs);
	explore_set(&f->e, 2.0, 3.0);
	assert_int_equal(explore_load_report(&f->e, "/nonexistent/dir/r.json", &note, &errs), 66);
	assert_null(note);
	assert_true(errs.n >= 1);
	errlist_free(&errs);
	assert_int_equal(explore_load_report(&f->e, TEST_SRCDIR "/Makefile", &note, &errs), 65);
	assert_null(note);
	assert_true(f->e.anxiety == 2.0 && f->e.avoidance == 3.0);
	errlist_free(&errs);
}

/* Plain mode: one record per point, errors with their line, exit statuses. */
static void
test_plain(void **state)
{
	fixture *f = *state;
	static const char input[] =
		"# anxiety avoidance\n"
		"4.5 2\n"
		"\n"
		"2.5,2.5\n"
		"4 4\n"
		"oops\n"
		"9 1\n"
		"5.5 5.5";                          /* no final newline */
	content *c;
	errlist errs;
	char *out = NULL, *err = NULL;
	size_t olen = 0, elen = 0;
	FILE *in, *fo, *fe;

	errlist_init(&errs);
	assert_int_equal(content_load(&c, &errs), 0);
	in = fmemopen((void *)input, sizeof input - 1, "r");
	fo = open_memstream(&out, &olen);
	fe = open_memstream(&err, &elen);
	assert_int_equal(explore_plain(&f->e, c, in, fo, fe, "stdin", 0), 65);
	fclose(in);
	fclose(fo);
	fclose(fe);
	assert_string_equal(err,
		"stdin:6: expected two numbers: ANXIETY AVOIDANCE\n"
		"stdin:7: anxiety 9.00 is outside its range 1 to 7\n");
	/* Near a boundary the first line for people names every neighbouring style (SPEC 3.4). */
	assert_non_null(strstr(out, "4.50 2.00 anxious-preoccupied near secure\n"
	                            "  Between Anxious-preoccupied and Secure: near the boundary "
	                            "(margin 0.50).\n  Anxious-preoccupied: You want"));
	assert_non_null(strstr(out, "  Secure: You mostly feel safe"));
	assert_non_null(strstr(out, "2.50 2.50 secure\n  Secure: "));
	assert_non_null(strstr(out, "  Clear of the boundaries (margin 1.50).\n"));
	assert_non_null(strstr(out, "4.00 4.00 secure near anxious-preoccupied+dismissive-avoidant\n"
	                            "  Between Secure, Anxious-preoccupied and Dismissive-avoidant: "
	                            "near the boundary (margin 0.00).\n  Secure: "));
	assert_null(strstr(out, "near secure\n  Anxious-preoccupied:"));
	assert_non_null(strstr(out, "5.50 5.50 fearful-avoidant\n"));
	assert_null(strstr(out, "9.00"));
	free(out);
	free(err);

	/* All good: status 0. */
	in = fmemopen((void *)"1 7\n", 4, "r");
	fo = open_memstream(&out, &olen);
	assert_int_equal(explore_plain(&f->e, c, in, fo, stderr, "stdin", 1), 0);
	fclose(in);
	fclose(fo);
	assert_non_null(strstr(out, "1.00 7.00 dismissive-avoidant\n"));
	free(out);
	content_free(c);
	errlist_free(&errs);
}

/* The headline: one style only when clear of every boundary, else all the neighbours. */
static void
test_headline(void **state)
{
	fixture *f = *state;
	content *c;
	errlist errs;
	explore_class k;
	char *h;

	errlist_init(&errs);
	assert_int_equal(content_load(&c, &errs), 0);
	explore_classify_at(&f->e, 5.5, 5.5, &k);
	h = explore_headline(&f->e, c, &k, 0);
	assert_string_equal(h, "Fearful-avoidant");
	free(h);
	explore_classify_at(&f->e, 4.5, 4.3, &k);      /* near both cutoffs */
	h = explore_headline(&f->e, c, &k, 0);
	assert_string_equal(h, "Between Fearful-avoidant, Anxious-preoccupied and Dismissive-avoidant");
	free(h);
	explore_classify_at(&f->e, 4.5, 2.0, &k);      /* margin exactly 0.5: still near */
	h = explore_headline(&f->e, c, &k, 1);
	assert_string_equal(h, "Between Anxious-preoccupied and Secure");
	free(h);
	content_free(c);
	errlist_free(&errs);
}

/* Every cell of the plane maps to a point that the plane draws in that same cell. */
static void
test_click_round_trip(void **state)
{
	fixture *f = *state;
	static const int sizes[][2] = { { 44, 20 }, { 15, 7 }, { 78, 17 }, { 120, 40 }, { 9, 5 } };

	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		plane_spec s;
		plane_layout L, back;
		double a, v;
		int hits = 0;

		explore_plane_spec(&f->e, &s);
		plane_layout_compute(&s, sizes[k][0], sizes[k][1], &L);
		assert_true(L.ok);
		for (int y = 0; y < sizes[k][1]; y++)
			for (int x = 0; x < sizes[k][0]; x++) {
				int inside = x > L.fx && x < L.fx + L.fw - 1 && y > L.fy && y < L.fy + L.fh - 1;
				if (explore_point_at_cell(&f->e, &L, x, y, &a, &v) < 0) {
					assert_false(inside);
					continue;
				}
				assert_true(inside);
				hits++;
				explore_set(&f->e, a, v);
				assert_true(f->e.anxiety == a && f->e.avoidance == v);   /* in range */
				explore_plane_spec(&f->e, &s);
				plane_layout_compute(&s, sizes[k][0], sizes[k][1], &back);
				assert_int_equal(back.px, x);
				assert_int_equal(back.py, y);
				/* On a cutoff line: exactly the cutoff (low); beside it: that side. */
				if (x == L.cut_x)
					assert_true(v == 4.0);
				else
					assert_int_equal(v > 4.0, x > L.cut_x);
				if (y == L.cut_y)
					assert_true(a == 4.0);
				else
					assert_int_equal(a > 4.0, y < L.cut_y);
			}
		assert_int_equal(hits, (L.fw - 2) * (L.fh - 2));
	}
}

/* The screen at the sizes that matter: 80x24, projected (large font: small grids), wide. */
static void
test_screen_layout(void **state)
{
	explore_layout L;

	(void)state;
	explore_layout_compute(&L, 80, 24);
	assert_true(L.fits);
	assert_int_equal(L.title_y, 0);
	assert_int_equal(L.keys_y, 23);
	assert_int_equal(L.status_y, 22);
	assert_true(L.plane_w >= 30 && L.plane_h >= 15);          /* a real plane */
	assert_true(L.panel_x >= L.plane_x + L.plane_w);          /* beside it */
	assert_true(L.panel_x + L.panel_w <= 80);
	assert_true(L.panel_w >= 25);
	assert_true(L.plane_y + L.plane_h <= L.status_y);
	/* Narrow: plane above the panel, inside the window. */
	explore_layout_compute(&L, 50, 30);
	assert_true(L.fits && L.plane_w > 0);
	assert_true(L.panel_y >= L.plane_y + L.plane_h);
	assert_true(L.panel_y + L.panel_h <= L.status_y);
	assert_true(L.plane_x + L.plane_w <= 50);
	/* Short: no plane, the panel still there. */
	explore_layout_compute(&L, 40, 12);
	assert_true(L.fits);
	assert_int_equal(L.plane_w, 0);
	assert_true(L.panel_h >= 3);
	/* Too small. */
	explore_layout_compute(&L, 29, 24);
	assert_false(L.fits);
	explore_layout_compute(&L, 80, 7);
	assert_false(L.fits);
	/* Every size in between: parts inside the window, never overlapping. */
	for (int c = EXPLORE_MIN_COLS; c <= 200; c += 3)
		for (int r = EXPLORE_MIN_ROWS; r <= 70; r += 2) {
			explore_layout_compute(&L, c, r);
			assert_true(L.fits);
			assert_true(L.panel_w > 0 && L.panel_h > 0);
			assert_true(L.panel_x + L.panel_w <= c && L.panel_y + L.panel_h <= L.status_y);
			if (L.plane_w) {
				assert_true(L.plane_x + L.plane_w <= c && L.plane_y + L.plane_h <= L.status_y);
				assert_true(L.panel_x >= L.plane_x + L.plane_w || L.panel_y >= L.plane_y + L.plane_h);
			}
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_core, setup_core, teardown),
		cmocka_unit_test(test_highest_bank_refused),
		cmocka_unit_test_setup_teardown(test_exactly_on_both_cutoffs, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_just_above_cutoffs, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_near_limit_inclusive, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_steps_reach_cutoff_exactly, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_clamped, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_snap_off_grid, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_typical_points, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_agrees_with_score_compute, setup_core, teardown),
		cmocka_unit_test(test_other_bank),
		cmocka_unit_test(test_parse_pair),
		cmocka_unit_test_setup_teardown(test_from_report, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_plain, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_headline, setup_core, teardown),
		cmocka_unit_test_setup_teardown(test_click_round_trip, setup_core, teardown),
		cmocka_unit_test(test_screen_layout),
		cmocka_unit_test_setup_teardown(test_load_report_errors, setup_core, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
