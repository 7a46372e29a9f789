/* test_hints.c - the key reminder line (hints.h): full, tighter, short forms, by priority. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hints.h"
#include "text.h"

#define N(a) (sizeof(a) / sizeof *(a))

/* The worked example's keys in the guide (learn): 81 columns with 3 spaces. */
static const hints_item learn_example[] = {
	{ "Left/Right answer", NULL, 1 }, { "< > item", NULL, 2 }, { "x skip", NULL, 3 },
	{ "r reset", NULL, 3 }, { "Tab contents", NULL, 2 }, { "? help", NULL, 0 },
	{ "q quit", NULL, 0 },
};

/* Check hints_line(h, n, gap, width) is want, and never wider than width. */
static void
check(const hints_item *h, size_t n, int gap, int width, const char *want)
{
	char *got = hints_line(h, n, gap, width, 1);

	assert_string_equal(got, want);
	assert_true(text_width(got) <= (width > 0 ? width : 0));
	free(got);
}

/* Everything fits: the hints in order with the gap asked for. */
static void
test_fits(void **state)
{
	(void)state;
	check(learn_example, N(learn_example), 3, 200,
	      "Left/Right answer   < > item   x skip   r reset   Tab contents   ? help   q quit");
	check(learn_example, 0, 3, 80, "");
	check(learn_example, N(learn_example), 3, 0, "");
}

/* Too wide with 3 spaces: 2 spaces first, nothing left out (the 80-column guide). */
static void
test_tighter_gap(void **state)
{
	(void)state;
	check(learn_example, N(learn_example), 3, 78,
	      "Left/Right answer  < > item  x skip  r reset  Tab contents  ? help  q quit");
}

/* Then hints go, highest number first and the later of equals; order kept. */
static void
test_drop_by_priority(void **state)
{
	(void)state;
	/* 74 columns with all; without "r reset" (the later 3) 65 */
	check(learn_example, N(learn_example), 3, 70,
	      "Left/Right answer  < > item  x skip  Tab contents  ? help  q quit");
	check(learn_example, N(learn_example), 3, 50,
	      "Left/Right answer  < > item  ? help  q quit");
	check(learn_example, N(learn_example), 3, 33, "Left/Right answer  ? help  q quit");
	check(learn_example, N(learn_example), 3, 30, "? help  q quit");
	check(learn_example, N(learn_example), 3, 16, "? help  q quit");
	/* the last one left is cut with an ellipsis */
	check(learn_example, N(learn_example), 3, 4, "? h\xE2\x80\xA6");
	char *a = hints_line(learn_example, N(learn_example), 3, 4, 0);
	assert_string_equal(a, "?...");
	free(a);
}

/* Short forms come before leaving anything out, all of them at once. */
static void
test_brief(void **state)
{
	(void)state;
	static const hints_item results[] = {
		{ "Tab: section", "Tab section", 1 }, { "PgDn/PgUp: scroll", "PgDn more", 2 },
		{ "s: save", "s save", 1 }, { "b: answers", "b answers", 3 },
		{ "?: help", "? help", 0 }, { "q: finish", "q finish", 0 },
	};
	check(results, N(results), 2, 76,
	      "Tab: section  PgDn/PgUp: scroll  s: save  b: answers  ?: help  q: finish");
	check(results, N(results), 2, 60,
	      "Tab section  PgDn more  s save  b answers  ? help  q finish");
	check(results, N(results), 2, 45, "Tab section  s save  ? help  q finish");
}

/* Every width: never wider, and "? help" stays while anything does (it has priority 0). */
static void
test_every_width(void **state)
{
	(void)state;
	for (int w = 6; w < 100; w++) {
		char *s = hints_line(learn_example, N(learn_example), 3, w, 1);
		assert_true(text_width(s) <= w);
		assert_non_null(strstr(s, "? help"));
		if (w >= 14)
			assert_non_null(strstr(s, "q quit"));
		free(s);
	}
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fits),
		cmocka_unit_test(test_tighter_gap),
		cmocka_unit_test(test_drop_by_priority),
		cmocka_unit_test(test_brief),
		cmocka_unit_test(test_every_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
