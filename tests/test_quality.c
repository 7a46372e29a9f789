/* test_quality.c - answer-quality notes: same answer, acquiescence, fast answers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "quality.h"

/*
 * Ten items on two scales, 1..7: a scale has f1..f3 (+1) and r1, r2 (-1);
 * b scale likewise.  Item texts have 10 words each.
 */
static const char bank_yaml[] =
	"securebase: 1\n"
	"id: q\n"
	"title: Quality\n"
	"response_scale: {min: 1, max: 7, labels: {4: \"Neither \\e[31m\"}}\n"
	"scales:\n"
	"  - {id: a, name: Scale A}\n"
	"  - {id: b, name: Scale B}\n"
	"classification: {method: quadrant, anxiety: a, avoidance: b}\n"
	"items:\n"
	"  - {id: af1, scale: a, text: one two three four five six seven eight nine ten}\n"
	"  - {id: af2, scale: a, text: one two three four five six seven eight nine ten}\n"
	"  - {id: af3, scale: a, text: one two three four five six seven eight nine ten}\n"
	"  - {id: ar1, scale: a, reverse: true, text: one two three four five six seven eight nine ten}\n"
	"  - {id: ar2, scale: a, reverse: true, text: one two three four five six seven eight nine ten}\n"
	"  - {id: bf1, scale: b, text: one two three four five six seven eight nine ten}\n"
	"  - {id: bf2, scale: b, text: one two three four five six seven eight nine ten}\n"
	"  - {id: bf3, scale: b, text: one two three four five six seven eight nine ten}\n"
	"  - {id: br1, scale: b, reverse: true, text: one two three four five six seven eight nine ten}\n"
	"  - {id: br2, scale: b, reverse: true, text: one two three four five six seven eight nine ten}\n"
	"  - {id: t, type: text, text: Anything else?}\n";

static bank *
load(void)
{
	bank *b = NULL;
	errlist e;
	errlist_init(&e);
	int rc = bank_load_mem(&b, "q.yaml", bank_yaml, sizeof bank_yaml - 1, &e);
	if (rc)
		errlist_print(&e, stderr);
	assert_int_equal(rc, 0);
	errlist_free(&e);
	return b;
}

/* Answers in item order: af1 af2 af3 ar1 ar2 bf1 bf2 bf3 br1 br2 t. */
static quality_notes
check(const bank *b, const int a[10], const double *secs)
{
	int ans[11];
	memcpy(ans, a, 10 * sizeof *ans);
	ans[10] = BANK_NO_ANSWER;
	quality_notes q;
	quality_check(b, ans, secs, &q);
	return q;
}

static void
test_varied_answers_no_note(void **state)
{
	(void)state;
	bank *b = load();
	int a[10] = { 6, 7, 5, 2, 1, 3, 2, 3, 5, 6 };
	quality_notes q = check(b, a, NULL);
	assert_int_equal(q.n, 0);
	quality_notes_free(&q);
	bank_free(b);
}

static void
test_same_answer(void **state)
{
	(void)state;
	bank *b = load();
	/* 9 of 10 identical: exactly 90%, noted; label quoted, neutralised. */
	int a[10] = { 4, 4, 4, 4, 4, 4, 4, 4, 4, 5 };
	quality_notes q = check(b, a, NULL);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.v[0].kind, QUALITY_SAME_ANSWER);
	assert_int_equal(q.v[0].count, 9);
	assert_int_equal(q.v[0].total, 10);
	assert_non_null(strstr(q.v[0].text, "9 of 10"));
	assert_non_null(strstr(q.v[0].text, "4, \"Neither"));
	assert_null(strchr(q.v[0].text, '\033'));
	quality_notes_free(&q);
	/* 8 of 10: not noted. */
	int c[10] = { 4, 4, 4, 4, 4, 4, 4, 4, 3, 5 };
	q = check(b, c, NULL);
	assert_int_equal(q.n, 0);
	quality_notes_free(&q);
	/* All 7s: same answer, and acquiescence is not added on top. */
	int d[10] = { 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 };
	q = check(b, d, NULL);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.v[0].kind, QUALITY_SAME_ANSWER);
	quality_notes_free(&q);
	/* Fewer than QUALITY_MIN_ITEMS answered: never noted. */
	int e[10] = { 4, 4, 4, 4, 4, 4, 4, BANK_NO_ANSWER, BANK_NO_ANSWER, BANK_NO_ANSWER };
	q = check(b, e, NULL);
	assert_int_equal(q.n, 0);
	quality_notes_free(&q);
	bank_free(b);
}

static void
test_acquiescence(void **state)
{
	(void)state;
	bank *b = load();
	/* Scale A: agrees with both sides (6,7,5 and 6,5); scale B consistent. */
	int a[10] = { 6, 7, 5, 6, 5, 2, 1, 2, 6, 7 };
	quality_notes q = check(b, a, NULL);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.v[0].kind, QUALITY_ACQUIESCENCE);
	assert_int_equal(q.v[0].count, 1);
	assert_int_equal(q.v[0].total, 2);
	assert_non_null(strstr(q.v[0].text, "\"Scale A\""));
	assert_null(strstr(q.v[0].text, "Scale B"));
	quality_notes_free(&q);
	/* Exactly at the threshold: mean agreement 2/3 (answer 5) on both sides. */
	int t[10] = { 5, 5, 5, 5, 5, 1, 1, 2, 7, 7 };
	q = check(b, t, NULL);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.v[0].kind, QUALITY_ACQUIESCENCE);
	quality_notes_free(&q);
	/* Just under on the reverse side (4.5): no note. */
	int u[10] = { 5, 5, 5, 5, 4, 1, 1, 2, 7, 7 };
	q = check(b, u, NULL);
	assert_int_equal(q.n, 0);
	quality_notes_free(&q);
	/* Both scales: named together. */
	int v[10] = { 6, 6, 7, 6, 7, 7, 6, 6, 7, 5 };
	q = check(b, v, NULL);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.v[0].count, 2);
	assert_non_null(strstr(q.v[0].text, "\"Scale A\", \"Scale B\""));
	quality_notes_free(&q);
	/* One reverse item answered on a scale: not enough to judge. */
	int w[10] = { 7, 7, 7, 7, BANK_NO_ANSWER, 1, 2, 1, 7, 6 };
	q = check(b, w, NULL);
	assert_int_equal(q.n, 0);
	quality_notes_free(&q);
	bank_free(b);
}

static void
test_fast(void **state)
{
	(void)state;
	bank *b = load();
	int a[10] = { 6, 7, 5, 2, 1, 3, 2, 3, 5, 6 };
	/* 10 words: fast below 1.0 s.  Three of ten fast (>= 25%): noted. */
	double s[11] = { 0.5, 0.9, 0.99, 1.0, 2, 3, 4, 5, 6, 7, NAN };
	quality_notes q = check(b, a, s);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.v[0].kind, QUALITY_FAST);
	assert_int_equal(q.v[0].count, 3);
	assert_int_equal(q.v[0].total, 10);
	assert_non_null(strstr(q.v[0].text, "3 of your 10"));
	quality_notes_free(&q);
	/* Two fast: below QUALITY_MIN_FAST. */
	s[2] = 1.5;
	q = check(b, a, s);
	assert_int_equal(q.n, 0);
	quality_notes_free(&q);
	/* Unknown times do not count: 3 fast of 4 timed. */
	double u[11] = { 0.1, 0.2, 0.3, 5, -1, NAN, -1, -1, -1, -1, 0 };
	q = check(b, a, u);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.v[0].total, 4);
	quality_notes_free(&q);
	bank_free(b);
}

static void
test_ids_and_words(void **state)
{
	(void)state;
	for (int k = 0; k < QUALITY_KIND_COUNT; k++)
		assert_int_equal(quality_kind_from_id(quality_id(k)), k);
	assert_int_equal(quality_kind_from_id("nope"), -1);
	assert_int_equal(quality_kind_from_id(NULL), -1);
	assert_null(quality_id(QUALITY_KIND_COUNT));
	assert_int_equal(quality_words(NULL), 0);
	assert_int_equal(quality_words("  "), 0);
	assert_int_equal(quality_words(" I  like\tit.\n "), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_varied_answers_no_note),
		cmocka_unit_test(test_same_answer),
		cmocka_unit_test(test_acquiescence),
		cmocka_unit_test(test_fast),
		cmocka_unit_test(test_ids_and_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
