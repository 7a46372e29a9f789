/* test_layout.c - item screen arithmetic at every size, hit tests, bars, scrolling, field editing. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "lineedit.h"

static const char *const LABELS[7] = {
	"Strongly disagree", "Disagree", "Slightly disagree", "Neither agree nor disagree",
	"Slightly agree", "Agree", "Strongly agree",
};
static const char ITEM[] = "When someone I love seems a little distant, I start to think "
                           "they might not want me anymore.";

/* An input for a 1..7 item at cols x rows with option sel selected. */
static layout_in
in7(int cols, int rows, int sel)
{
	layout_in in = { cols, rows, ITEM, 0, 1, 7, LABELS, sel };
	return in;
}

/* Every part of a fitting layout is inside the window and nothing overlaps. */
static void
check_consistent(const layout_item *L, int cols, int rows)
{
	int used[256] = { 0 };

	assert_true(L->fits);
	assert_true(L->x >= 0 && L->x + L->w <= cols);
	for (size_t i = 0; i < L->text.n; i++)
		assert_true(L->text.v[i].width <= L->w);
	used[L->head_y]++;
	if (L->bar_y >= 0)
		used[L->bar_y]++;
	for (int y = L->text_y; y < L->text_y + (int)L->text.n; y++)
		used[y]++;
	for (int y = L->opts_y; y < L->opts_y + L->opts_h; y++)
		used[y]++;
	if (L->note_y >= 0)
		used[L->note_y]++;
	if (L->keys_y >= 0)
		used[L->keys_y]++;
	for (int y = 0; y < 256; y++) {
		assert_true(used[y] <= 1);
		if (used[y])
			assert_true(y < rows);
	}
	/* every visible option's cursor position hits that same option */
	for (int i = 0; i < L->n; i++) {
		int y, x;
		if (layout_item_option_pos(L, i, &y, &x) == 0) {
			assert_true(y >= 0 && y < rows && x >= 0 && x < cols);
			assert_int_equal(layout_item_hit(L, y, x), i);
		}
	}
}

static void
test_80x24_columns(void **state)
{
	(void)state;
	layout_item L = { 0 };
	layout_in in = in7(80, 24, 3);

	layout_item_compute(&L, &in);
	check_consistent(&L, 80, 24);
	assert_int_equal(L.mode, LAYOUT_COLUMNS);
	assert_int_equal(L.w, 76);
	assert_int_equal(L.x, 2);
	assert_int_equal(L.head_y, 0);
	assert_int_equal(L.bar_y, 1);
	assert_int_equal(L.text_y, 3);
	assert_int_equal(L.text.n, 2);
	assert_int_equal(L.opts_y, 6);
	assert_true(L.label_rows >= 2 && L.label_rows <= 3);
	assert_int_equal(L.keys_y, 23);
	assert_int_equal(L.cell_w, 10);
	/* clicks: a column, outside the block, on the text */
	assert_int_equal(layout_item_hit(&L, L.opts_y, L.cells_x), 0);
	assert_int_equal(layout_item_hit(&L, L.opts_y + 1, L.cells_x + 6 * L.cell_w + 2), 6);
	assert_int_equal(layout_item_hit(&L, L.opts_y, L.cells_x + 7 * L.cell_w), -1);
	assert_int_equal(layout_item_hit(&L, L.text_y, L.cells_x), -1);
	layout_item_free(&L);
}

static void
test_narrow_list_then_strip(void **state)
{
	(void)state;
	layout_item L = { 0 };
	layout_in in = in7(40, 24, 0);

	layout_item_compute(&L, &in);
	check_consistent(&L, 40, 24);
	assert_int_equal(L.mode, LAYOUT_LIST);
	assert_int_equal(L.visible, 7);

	in = in7(40, 12, 6);
	layout_item_compute(&L, &in);
	check_consistent(&L, 40, 12);
	assert_int_equal(L.mode, LAYOUT_STRIP);
	assert_int_equal(L.visible, 7);
	assert_int_equal(L.first, 0);
	layout_item_free(&L);
}

static void
test_every_size_is_safe(void **state)
{
	(void)state;
	layout_item L = { 0 };

	/* a resize storm: every size from 1x1 to 120x40 either fits cleanly or says what it needs */
	for (int c = 1; c <= 120; c++)
		for (int r = 1; r <= 40; r++) {
			layout_in in = in7(c, r, (c + r) % 7);
			layout_item_compute(&L, &in);
			if (L.fits) {
				assert_true(c >= LAYOUT_MIN_COLS && r >= LAYOUT_MIN_ROWS);
				check_consistent(&L, c, r);
			} else {
				assert_true(L.need_cols >= LAYOUT_MIN_COLS);
				assert_true(L.need_rows >= LAYOUT_MIN_ROWS);
				assert_true(c < L.need_cols || r < L.need_rows || c < LAYOUT_MIN_COLS);
			}
			in.is_text = 1;
			layout_item_compute(&L, &in);
			if (L.fits) {
				check_consistent(&L, c, r);
				assert_int_equal(L.mode, LAYOUT_FIELD);
				assert_true(L.opts_h >= 1 && L.opts_h <= 4);
			}
		}
	layout_item_free(&L);
}

static void
test_tiny_windows(void **state)
{
	(void)state;
	layout_item L = { 0 };
	layout_in in = in7(20, 6, 3);

	layout_item_compute(&L, &in);
	assert_false(L.fits);
	assert_int_equal(L.need_cols, LAYOUT_MIN_COLS);
	assert_true(L.need_rows >= LAYOUT_MIN_ROWS);
	assert_int_equal(layout_item_hit(&L, 0, 0), -1);

	/* the minimum size fits a 7-point item with the chrome dropped */
	in = in7(LAYOUT_MIN_COLS, 9, 3);
	in.text = "Short item.";
	layout_item_compute(&L, &in);
	check_consistent(&L, LAYOUT_MIN_COLS, 9);
	assert_int_equal(L.mode, LAYOUT_STRIP);

	/* a huge range scrolls in the strip around the selection */
	layout_in big = { 40, 12, "Rate it.", 0, 0, 100, NULL, 50 };
	layout_item_compute(&L, &big);
	check_consistent(&L, 40, 12);
	assert_int_equal(L.mode, LAYOUT_STRIP);
	assert_true(L.visible < 101);
	assert_true(L.first <= 50 && 50 < L.first + L.visible);
	big.sel = 100;
	layout_item_compute(&L, &big);
	assert_int_equal(L.first + L.visible, 101);
	layout_item_free(&L);
}

static void
test_wide_window_centres(void **state)
{
	(void)state;
	layout_item L = { 0 };
	layout_in in = in7(200, 50, 3);

	layout_item_compute(&L, &in);
	check_consistent(&L, 200, 50);
	assert_int_equal(L.w, LAYOUT_MAX_WIDTH);
	assert_int_equal(L.x, (200 - LAYOUT_MAX_WIDTH) / 2);
	assert_int_equal(L.keys_y, 49);
	layout_item_free(&L);
}

static void
test_bar_and_scroll(void **state)
{
	(void)state;
	assert_int_equal(layout_bar_fill(20, 0, 33), 0);
	assert_int_equal(layout_bar_fill(20, 1, 33), 1);      /* some progress shows */
	assert_int_equal(layout_bar_fill(20, 32, 33), 19);    /* not full until done */
	assert_int_equal(layout_bar_fill(20, 33, 33), 20);
	assert_int_equal(layout_bar_fill(20, 5, 0), 0);
	assert_int_equal(layout_bar_fill(0, 5, 10), 0);

	assert_int_equal(layout_scroll(0, 0, 10, 30), 0);
	assert_int_equal(layout_scroll(12, 0, 10, 30), 3);
	assert_int_equal(layout_scroll(5, 3, 10, 30), 3);
	assert_int_equal(layout_scroll(1, 3, 10, 30), 1);
	assert_int_equal(layout_scroll(29, 25, 10, 30), 20);
	assert_int_equal(layout_scroll(3, 20, 10, 5), 0);     /* list shorter than the view */
	assert_int_equal(layout_scroll(4, 0, 0, 5), 4);
}

static void
test_lineedit(void **state)
{
	(void)state;
	lineedit e;
	text_lines rows = { 0 };
	int r, c;

	lineedit_init(&e, "caf\xC3\xA9", 20);
	assert_int_equal(e.cur, 5);
	lineedit_left(&e);
	assert_int_equal(e.cur, 3);
	assert_int_equal(lineedit_insert(&e, 0x1B), -1);      /* no controls */
	assert_int_equal(lineedit_insert(&e, 0x202E), -1);    /* no bidi overrides */
	assert_int_equal(lineedit_insert(&e, 'X'), 0);
	assert_string_equal(e.buf, "cafX\xC3\xA9");
	lineedit_end(&e);
	lineedit_backspace(&e);
	assert_string_equal(e.buf, "cafX");
	lineedit_home(&e);
	lineedit_delete(&e);
	assert_string_equal(e.buf, "afX");
	assert_int_equal(e.cur, 0);
	lineedit_end(&e);
	for (const char *p = " two words"; *p; p++)
		lineedit_insert(&e, (unsigned char)*p);
	lineedit_kill_word(&e);
	assert_string_equal(e.buf, "afX two ");
	lineedit_word_left(&e);
	assert_int_equal(e.cur, 4);
	lineedit_word_left(&e);
	assert_int_equal(e.cur, 0);
	lineedit_word_right(&e);
	assert_int_equal(e.cur, 3);
	lineedit_kill_end(&e);
	assert_string_equal(e.buf, "afX");
	lineedit_kill_start(&e);
	assert_string_equal(e.buf, "");
	/* the byte limit holds, also for multibyte characters */
	for (int i = 0; i < 30; i++)
		lineedit_insert(&e, 0xE9);
	assert_int_equal(e.len, 20);
	lineedit_free(&e);

	/* wrapping in a field, and where the cursor goes */
	lineedit_init(&e, "abcdefghij", 100);
	assert_int_equal(lineedit_wrap(&e, 4, &rows, &r, &c), 3);
	assert_int_equal(r, 2);
	assert_int_equal(c, 2);
	e.cur = 4;
	lineedit_wrap(&e, 4, &rows, &r, &c);
	assert_int_equal(r, 1);
	assert_int_equal(c, 0);
	lineedit_free(&e);
	lineedit_init(&e, "abcd", 100);
	assert_int_equal(lineedit_wrap(&e, 4, &rows, &r, &c), 2);   /* full row: cursor below */
	assert_int_equal(r, 1);
	assert_int_equal(c, 0);
	lineedit_free(&e);
	lineedit_init(&e, NULL, 100);
	assert_int_equal(lineedit_wrap(&e, 10, &rows, &r, &c), 1);
	assert_int_equal(c, 0);
	lineedit_free(&e);
	lineedit_init(&e, "\xE6\x97\xA5\xE6\x97\xA5\xE6\x97\xA5", 100);   /* wide chars */
	assert_int_equal(lineedit_wrap(&e, 5, &rows, &r, &c), 2);
	assert_int_equal(rows.v[0].width, 4);
	lineedit_free(&e);
	text_lines_free(&rows);
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_80x24_columns),
		cmocka_unit_test(test_narrow_list_then_strip),
		cmocka_unit_test(test_every_size_is_safe),
		cmocka_unit_test(test_tiny_windows),
		cmocka_unit_test(test_wide_window_centres),
		cmocka_unit_test(test_bar_and_scroll),
		cmocka_unit_test(test_lineedit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
