/* test_results.c - the results screen's layout, tabs and scrolling, without a terminal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banks.h"
#include "results.h"
#include "text.h"

typedef struct fx {
	bank *b;
	content *c;
	int *answers;
	report r;
} fx;

/* Open bank `name` and answer every likert item with v (reverse items with 8 - v for core). */
static void
fx_open(fx *f, const char *name, int anx, int avo)
{
	errlist e;
	errlist_init(&e);
	assert_int_equal(banks_open(&f->b, name, &e), 0);
	assert_int_equal(content_load(&f->c, &e), 0);
	errlist_free(&e);
	f->answers = malloc(f->b->nitems * sizeof *f->answers);
	for (size_t i = 0; i < f->b->nitems; i++) {
		const bank_item *it = &f->b->items[i];
		int v = strncmp(it->id, "anx", 3) == 0 ? anx : avo;
		f->answers[i] = it->type != ITEM_LIKERT ? BANK_NO_ANSWER
		                : it->keys[0].sign < 0 ? it->range->min + it->range->max - v : v;
	}
	report_init(&f->r, f->b, f->c, f->answers, NULL, NULL);
}

static void
fx_close(fx *f)
{
	report_free(&f->r);
	content_free(f->c);
	bank_free(f->b);
	free(f->answers);
}

/* Rows of the layout are in order, inside the window, and do not overlap. */
static void
check_rows(const results_layout *L, int rows)
{
	int last = -1;
	int ys[] = { L->title_y, L->head_y, L->sum_y };
	for (size_t i = 0; i < 3; i++) {
		if (ys[i] < 0)
			continue;
		assert_true(ys[i] > last);
		last = ys[i];
	}
	if (L->sum_y >= 0)
		last = L->sum_y + L->sum_h - 1;
	if (L->plane_w > 0) {
		assert_true(L->plane_y > last);
		assert_true(L->plane_y + L->plane_h <= L->tabs_y);
	}
	if (L->bars_head_y >= 0) {
		assert_true(L->bars_head_y > last);
		assert_int_equal(L->bars_y, L->bars_head_y + 1);
	}
	if (L->bars_h > 0) {
		assert_true(L->bars_y > last);
		assert_true(L->bars_y + L->bars_h <= L->tabs_y);
	}
	assert_true(L->tabs_y > last);
	if (L->body_h > 0) {
		assert_int_equal(L->body_y, L->tabs_y + 1);
		int end = L->body_y + L->body_h;
		assert_true(end <= (L->note_y >= 0 ? L->note_y : L->keys_y));
	}
	assert_int_equal(L->keys_y, rows - 1);
}

/* Every body line fits the body width; ASCII only when not UTF-8. */
static void
check_lines(const results_view *v, int ascii)
{
	int bw = v->L.w < 76 ? v->L.w : 76;
	for (size_t i = 0; i < v->nlines; i++) {
		assert_true(text_width(v->lines[i].text) <= bw);
		if (ascii)
			for (const char *p = v->lines[i].text; *p; p++)
				assert_true((unsigned char)*p < 0x80);
	}
}

static void
test_layout_80x24(void **state)
{
	(void)state;
	fx f;
	fx_open(&f, "core", 6, 2);
	results_view v;
	results_init(&v, &f.r, 1);
	results_layout_compute(&v, 80, 24);
	const results_layout *L = &v.L;
	assert_true(L->fits);
	check_rows(L, 24);
	/* The plane, big enough to read, with the bars beside it. */
	assert_true(L->plane_w >= 30);
	assert_true(L->plane_h >= 9);
	assert_true(L->bars_x >= L->plane_x + L->plane_w + 1);
	assert_true(L->bars_x + L->bars_w <= L->x + L->w);
	assert_int_equal(L->bar_rows, 3);
	assert_int_equal(L->bars_h, 6);
	assert_int_equal(L->bars_head_y, L->plane_y);
	assert_string_equal(results_bars_title(&v), "Your scores");
	assert_true(L->body_h >= 5);
	assert_true(L->note_y > 0);
	assert_string_equal(v.headline, "Anxious-preoccupied");
	assert_non_null(strstr(v.summary, "You want to be close"));
	assert_int_equal(v.nbars, 2);
	assert_string_equal(v.bars[0].value, "6.00");
	assert_string_equal(v.bars[0].detail, "cutoff 4, high");
	assert_true(v.bars[1].score == 2);
	/* The plane spec carries the point. */
	assert_true(v.plane.has_point);
	assert_true(v.plane.y == 6 && v.plane.x == 2);
	/* The first tab starts with the meaning of the style. */
	assert_true(v.nlines > 10);
	assert_string_equal(v.lines[0].text, "In close relationships");
	assert_int_equal(v.lines[0].kind, RL_SUB);
	check_lines(&v, 0);
	results_free(&v);
	fx_close(&f);
}

/* Near a boundary the headline and summary name every neighbouring style, counted right. */
static void
test_near_names(void **state)
{
	(void)state;
	static const struct { int anx, avo; const char *head, *count; } cases[] = {
		{ 4, 4, "Between Secure, Anxious-preoccupied and Dismissive-avoidant", "All three" },
		{ 6, 4, "Between Anxious-preoccupied and Fearful-avoidant", "Both" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fx f;
		results_view v;
		fx_open(&f, "core", cases[i].anx, cases[i].avo);
		results_init(&v, &f.r, 1);
		assert_string_equal(v.headline, cases[i].head);
		assert_non_null(strstr(v.summary, cases[i].count));
		if (i == 0)
			assert_null(strstr(v.summary, "Both"));
		results_free(&v);
		fx_close(&f);
	}
}

static void
test_sizes(void **state)
{
	(void)state;
	fx f;
	fx_open(&f, "core", 4, 4);
	results_view v;
	results_init(&v, &f.r, 1);
	assert_non_null(strstr(v.headline, "Between Secure"));
	assert_non_null(strstr(v.summary, "Near a boundary"));
	for (int cols = 20; cols <= 240; cols += 7) {
		for (int rows = 4; rows <= 70; rows += 3) {
			results_layout_compute(&v, cols, rows);
			if (cols < RESULTS_MIN_COLS || rows < RESULTS_MIN_ROWS) {
				assert_false(v.L.fits);
				continue;
			}
			assert_true(v.L.fits);
			check_rows(&v.L, rows);
			assert_true(v.L.x >= 0 && v.L.x + v.L.w <= cols);
			assert_true(v.L.w <= RESULTS_MAX_WIDTH);
			if (v.L.plane_w) {
				assert_true(v.L.plane_h >= 7 && v.L.plane_h <= 17);
				assert_true(v.L.plane_x + v.L.plane_w <= cols);
			}
			check_lines(&v, 0);
			assert_true(v.scroll <= results_max_scroll(&v));
		}
	}
	/* Big windows: the plane at its largest. */
	results_layout_compute(&v, 200, 60);
	assert_int_equal(v.L.plane_h, 17);
	assert_int_equal(v.L.w, RESULTS_MAX_WIDTH);
	/* A narrow tall window: plane above one-row bars. */
	results_layout_compute(&v, 50, 40);
	assert_true(v.L.plane_w > 0);
	assert_int_equal(v.L.bar_rows, 1);
	assert_int_equal(v.L.bars_y, v.L.plane_y + v.L.plane_h);
	/* A short window: no plane, bars only. */
	results_layout_compute(&v, 80, 12);
	assert_int_equal(v.L.plane_w, 0);
	assert_true(v.L.bars_h > 0);
	results_free(&v);
	fx_close(&f);
}

static void
test_highest_bank(void **state)
{
	(void)state;
	fx f;
	errlist e;
	errlist_init(&e);
	assert_int_equal(banks_open(&f.b, "prototypes", &e), 0);
	assert_int_equal(content_load(&f.c, &e), 0);
	errlist_free(&e);
	int a[4] = { 3, 6, 2, 1 };
	f.answers = malloc(f.b->nitems * sizeof *f.answers);
	for (size_t i = 0; i < f.b->nitems; i++)
		f.answers[i] = i < 4 ? a[i] : BANK_NO_ANSWER;
	report_init(&f.r, f.b, f.c, f.answers, NULL, NULL);
	results_view v;
	results_init(&v, &f.r, 0);
	results_layout_compute(&v, 80, 24);
	assert_int_equal(v.L.plane_w, 0);
	assert_int_equal(v.nbars, 4);
	/* No cutoff or norm to show: one row per style says it all. */
	assert_int_equal(v.L.bar_rows, 1);
	assert_int_equal(v.L.bars_h, 4);
	assert_true(isnan(v.bars[0].cut));
	assert_false(v.bars[0].marked);
	assert_true(v.bars[STYLE_ANXIOUS].marked);
	assert_string_equal(v.bars[STYLE_ANXIOUS].name, "Anxious-preoccupied");
	assert_string_equal(v.headline, "Anxious-preoccupied");
	check_rows(&v.L, 24);
	/* Not UTF-8: every line ASCII, in every tab. */
	for (int t = 0; t < RESULTS_TABS; t++) {
		results_tab_set(&v, t);
		check_lines(&v, 1);
	}
	results_free(&v);
	fx_close(&f);
}

static void
test_tabs_and_scroll(void **state)
{
	(void)state;
	fx f;
	fx_open(&f, "core", 2, 6);
	results_view v;
	results_init(&v, &f.r, 1);
	results_layout_compute(&v, 80, 24);
	assert_int_equal(v.tab, 0);
	results_tab_move(&v, -1);
	assert_int_equal(v.tab, RESULTS_TABS - 1);
	assert_int_equal(results_tab_section(v.tab), REPORT_SEC_HELP);
	/* Help: the disclaimer and the resources. */
	int dis = 0, l988 = 0;
	for (size_t i = 0; i < v.nlines; i++) {
		dis |= strstr(v.lines[i].text, "not a diagnosis") != NULL;
		l988 |= strstr(v.lines[i].text, "988") != NULL;
	}
	assert_true(dis && l988);
	results_tab_move(&v, 1);
	assert_int_equal(v.tab, 0);
	results_tab_move(&v, 2);
	assert_int_equal(results_tab_section(v.tab), REPORT_SEC_WHY);
	int rev = 0;
	for (size_t i = 0; i < v.nlines; i++)
		rev |= strstr(v.lines[i].text, "reverse-keyed") != NULL;
	assert_true(rev);

	/* Scrolling is clamped; paging moves body_h - 1 lines. */
	results_tab_set(&v, 0);
	int max = results_max_scroll(&v);
	assert_true(max > 0);
	results_scroll(&v, -5);
	assert_int_equal(v.scroll, 0);
	results_page(&v, 1);
	assert_int_equal(v.scroll, v.L.body_h - 1 < max ? v.L.body_h - 1 : max);
	results_end(&v);
	assert_int_equal(v.scroll, max);
	results_scroll(&v, 1000);
	assert_int_equal(v.scroll, max);
	/* Resizing keeps the tab and clamps the scroll. */
	results_tab_set(&v, 3);
	results_end(&v);
	results_layout_compute(&v, 200, 60);
	assert_int_equal(v.tab, 3);
	assert_true(v.scroll <= results_max_scroll(&v));
	results_home(&v);
	assert_int_equal(v.scroll, 0);
	/* Changing tab goes back to the top. */
	results_end(&v);
	results_tab_move(&v, 1);
	assert_int_equal(v.scroll, 0);
	assert_int_equal(results_tab_section(4), REPORT_SEC_REFLECTIONS);
	assert_string_equal(results_tab_title(0, 0), "What this means");
	assert_string_equal(results_tab_title(5, 1), "Help");
	assert_string_equal(results_tab_title(9, 0), "");
	results_free(&v);
	fx_close(&f);
}

static void
test_quality_in_first_tab(void **state)
{
	(void)state;
	fx f;
	fx_open(&f, "core", 4, 4);
	/* Same answer to everything. */
	for (size_t i = 0; i < f.b->nitems; i++)
		if (f.b->items[i].type == ITEM_LIKERT)
			f.answers[i] = 4;
	report_free(&f.r);
	report_init(&f.r, f.b, f.c, f.answers, NULL, NULL);
	results_view v;
	results_init(&v, &f.r, 1);
	results_layout_compute(&v, 80, 24);
	int about = 0, same = 0, near = 0;
	for (size_t i = 0; i < v.nlines; i++) {
		about |= strcmp(v.lines[i].text, "About your answers") == 0;
		same |= strstr(v.lines[i].text, "same answer") != NULL;
		near |= strstr(v.lines[i].text, "not a firm result") != NULL;
	}
	assert_true(about && same && near);
	results_free(&v);
	fx_close(&f);
}

static void
test_norms_on_bars(void **state)
{
	(void)state;
	static const char yaml[] =
		"securebase: 1\nid: n\ntitle: Normed\n"
		"response_scale: {min: 1, max: 7}\n"
		"scales:\n"
		"  - {id: anx, name: Anxiety, norm: {mean: 3.5, sd: 1}}\n"
		"  - {id: avo, name: Avoidance}\n"
		"classification: {method: quadrant, anxiety: anx, avoidance: avo}\n"
		"items:\n"
		"  - {id: a1, scale: anx, text: A}\n  - {id: v1, scale: avo, text: V}\n";
	fx f;
	errlist e;
	errlist_init(&e);
	assert_int_equal(bank_load_mem(&f.b, "n.yaml", yaml, sizeof yaml - 1, &e), 0);
	assert_int_equal(content_load(&f.c, &e), 0);
	errlist_free(&e);
	int a[2] = { 5, 3 };   /* anxiety 5: z = 1.5, 93rd percentile */
	f.answers = malloc(sizeof a);
	memcpy(f.answers, a, sizeof a);
	report_init(&f.r, f.b, f.c, f.answers, NULL, NULL);
	results_view v;
	results_init(&v, &f.r, 1);
	results_layout_compute(&v, 80, 24);
	assert_string_equal(v.bars[0].detail,
	                    "cutoff 4, high; z 1.5, 93rd percentile (normal approximation)");
	assert_string_equal(v.bars[1].detail, "cutoff 4, not high");
	results_free(&v);
	fx_close(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_80x24),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_near_names),
		cmocka_unit_test(test_highest_bank),
		cmocka_unit_test(test_tabs_and_scroll),
		cmocka_unit_test(test_quality_in_first_tab),
		cmocka_unit_test(test_norms_on_bars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
