/* test_plane.c - attachment plane geometry: quadrants, cutoffs, extremes, sizes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plane.h"

/* A spec on 1..7 with cutoffs at 4 and the point (x, y). */
static plane_spec
spec_at(double x, double y)
{
	plane_spec s;
	plane_spec_init(&s);
	s.has_point = 1;
	s.x = x;
	s.y = y;
	return s;
}

/* Row y of a grid as a string (caller frees). */
static char *
row_text(const plane_cell *c, int w, int y)
{
	char *s = calloc((size_t)w * 4 + 1, 1);
	for (int x = 0; x < w; x++)
		strcat(s, c[(size_t)y * (size_t)w + (size_t)x].ch);
	return s;
}

/* True when some row of the grid contains needle. */
static int
grid_has(const plane_cell *c, int w, int h, const char *needle)
{
	for (int y = 0; y < h; y++) {
		char *r = row_text(c, w, y);
		int found = strstr(r, needle) != NULL;
		free(r);
		if (found)
			return 1;
	}
	return 0;
}

/* Render (x, y) on a w x h grid and check the point cell; returns the layout. */
static plane_layout
render_check(plane_spec *s, int w, int h, plane_cell **out)
{
	plane_layout L;
	plane_cell *c = plane_cells_new(w, h);
	assert_non_null(c);
	plane_render(s, &plane_glyphs_utf8, c, w, h, &L);
	if (L.has_point) {
		const plane_cell *p = &c[(size_t)L.py * (size_t)w + (size_t)L.px];
		assert_int_equal(p->role, PLANE_POINT);
		assert_string_equal(p->ch, plane_glyphs_utf8.point);
	}
	if (out)
		*out = c;
	else
		free(c);
	return L;
}

static void
test_every_quadrant(void **state)
{
	(void)state;
	static const struct { double x, y; int style; } cases[] = {
		{ 2, 2, STYLE_SECURE }, { 2, 6, STYLE_ANXIOUS },
		{ 6, 2, STYLE_DISMISSIVE }, { 6, 6, STYLE_FEARFUL },
	};
	for (size_t i = 0; i < 4; i++) {
		plane_spec s = spec_at(cases[i].x, cases[i].y);
		plane_layout L = render_check(&s, 45, 15, NULL);
		assert_true(L.ok);
		assert_int_equal(L.quadrant, cases[i].style);
		int right = cases[i].style == STYLE_DISMISSIVE || cases[i].style == STYLE_FEARFUL;
		int up = cases[i].style == STYLE_ANXIOUS || cases[i].style == STYLE_FEARFUL;
		assert_true(right ? L.px > L.cut_x : L.px < L.cut_x);
		assert_true(up ? L.py < L.cut_y : L.py > L.cut_y);
	}
}

static void
test_labels_and_frame(void **state)
{
	(void)state;
	plane_spec s = spec_at(2, 6);
	plane_cell *c;
	plane_layout L = render_check(&s, 45, 15, &c);
	assert_true(L.ticks && L.titles);
	/* Every quadrant labelled: full names, possibly wrapped at the hyphen. */
	assert_true(grid_has(c, 45, 15, "Secure"));
	assert_true(grid_has(c, 45, 15, "Anxious-"));
	assert_true(grid_has(c, 45, 15, "preoccupied"));
	assert_true(grid_has(c, 45, 15, "Fearful-"));
	assert_true(grid_has(c, 45, 15, "Dismissive-"));
	assert_true(grid_has(c, 45, 15, "anxiety"));
	assert_true(grid_has(c, 45, 15, "avoidance"));
	/* The anxious label is the one marked as holding the point. */
	int here = 0;
	for (size_t i = 0; i < 45 * 15; i++)
		if (c[i].role == PLANE_LABEL_HERE)
			here++;
	assert_int_equal(here, (int)strlen("Anxious-preoccupied"));
	/* Corners, tees and the crossing. */
	const plane_glyphs *g = &plane_glyphs_utf8;
	int r = L.fx + L.fw - 1, b = L.fy + L.fh - 1;
	assert_string_equal(c[L.fy * 45 + L.fx].ch, g->tl);
	assert_string_equal(c[L.fy * 45 + r].ch, g->tr);
	assert_string_equal(c[b * 45 + L.fx].ch, g->bl);
	assert_string_equal(c[b * 45 + r].ch, g->br);
	assert_string_equal(c[L.fy * 45 + L.cut_x].ch, g->tee_down);
	assert_string_equal(c[b * 45 + L.cut_x].ch, g->tee_up);
	assert_string_equal(c[L.cut_y * 45 + L.fx].ch, g->tee_right);
	assert_string_equal(c[L.cut_y * 45 + r].ch, g->tee_left);
	assert_string_equal(c[L.cut_y * 45 + L.cut_x].ch, g->cross);
	/* The cutoff sits in the middle of a symmetric range. */
	assert_int_equal(L.cut_x - (L.fx + 1), (L.fx + L.fw - 2) - L.cut_x);
	free(c);
}

static void
test_point_on_cutoffs(void **state)
{
	(void)state;
	plane_spec s = spec_at(4, 4);
	plane_layout L = render_check(&s, 45, 15, NULL);
	assert_int_equal(L.px, L.cut_x);
	assert_int_equal(L.py, L.cut_y);
	/* Equal to the cutoff is low on both axes (SPEC 3.4). */
	assert_int_equal(L.quadrant, STYLE_SECURE);

	/* A hair either side lands on that side, even where rounding would not. */
	double eps = 1e-9;
	s = spec_at(4 + eps, 4 - eps);
	L = render_check(&s, 45, 15, NULL);
	assert_true(L.px > L.cut_x);
	assert_true(L.py > L.cut_y);
	assert_int_equal(L.quadrant, STYLE_DISMISSIVE);
	s = spec_at(4 - eps, 4 + eps);
	L = render_check(&s, 45, 15, NULL);
	assert_true(L.px < L.cut_x);
	assert_true(L.py < L.cut_y);
	assert_int_equal(L.quadrant, STYLE_ANXIOUS);
	/* Same at the smallest frame with a cell on each side. */
	s = spec_at(4 + eps, 4 + eps);
	s.decorate = 0;
	L = render_check(&s, 5, 5, NULL);
	assert_int_equal(L.cut_x, 2);
	assert_int_equal(L.px, 3);
	assert_int_equal(L.py, 1);
}

static void
test_extremes(void **state)
{
	(void)state;
	plane_spec s = spec_at(1, 7);
	plane_layout L = render_check(&s, 60, 20, NULL);
	assert_int_equal(L.px, L.fx + 1);
	assert_int_equal(L.py, L.fy + 1);
	s = spec_at(7, 1);
	L = render_check(&s, 60, 20, NULL);
	assert_int_equal(L.px, L.fx + L.fw - 2);
	assert_int_equal(L.py, L.fy + L.fh - 2);
	/* Out of range is clamped, never outside the frame. */
	s = spec_at(-100, 1e9);
	L = render_check(&s, 60, 20, NULL);
	assert_int_equal(L.px, L.fx + 1);
	assert_int_equal(L.py, L.fy + 1);
	assert_int_equal(L.quadrant, STYLE_ANXIOUS);
	/* NaN: no point. */
	s = spec_at(NAN, 3);
	L = render_check(&s, 60, 20, NULL);
	assert_false(L.has_point);
	/* A degenerate range and a cutoff at the range edge still draw. */
	s = spec_at(3, 3);
	s.x_min = s.x_max = s.x_cut = 3;
	s.y_cut = s.y_min;
	L = render_check(&s, 30, 12, NULL);
	assert_true(L.ok);
	assert_int_equal(L.cut_y, L.fy + L.fh - 2);
}

/* The label of the point's quadrant stays whole: a shorter form moves out of its way. */
static void
test_label_avoids_point(void **state)
{
	(void)state;
	static const int sizes[][2] = { { 36, 10 }, { 45, 15 }, { 60, 20 } };
	for (size_t k = 0; k < 3; k++) {
		int w = sizes[k][0], h = sizes[k][1];
		for (double x = 1; x < 4; x += 0.1) {
			for (double y = 4.05; y <= 7; y += 0.1) {
				plane_spec s = spec_at(x, y);
				plane_cell *c;
				plane_layout L = render_check(&s, w, h, &c);
				int here = 0;
				for (int i = 0; i < w * h; i++)
					here += c[i].role == PLANE_LABEL_HERE;
				/* "Anxious-preoccupied" (19), "Anxious" (7) or "A" (1), never cut. */
				if (here != 19 && here != 7 && here != 1)
					fail_msg("%dx%d point (%.2f, %.2f) at %d,%d: %d label cells",
					         w, h, x, y, L.px, L.py, here);
				free(c);
			}
		}
	}
}

static void
test_tiny_grids(void **state)
{
	(void)state;
	for (int w = 0; w <= 14; w++) {
		for (int h = 0; h <= 10; h++) {
			for (int deco = 0; deco < 2; deco++) {
				plane_spec s = spec_at(5.5, 2.5);
				s.decorate = deco;
				plane_cell *c = w && h ? plane_cells_new(w, h) : NULL;
				plane_layout L;
				int rc = plane_render(&s, &plane_glyphs_ascii, c, w, h, &L);
				assert_int_equal(rc, w >= 3 && h >= 3 ? 0 : -1);
				assert_int_equal(L.ok, rc == 0);
				if (w && h) {
					assert_true(L.has_point);
					assert_true(L.px >= 0 && L.px < w && L.py >= 0 && L.py < h);
					assert_int_equal(c[L.py * w + L.px].role, PLANE_POINT);
				}
				if (L.ok) {
					assert_true(L.cut_x > L.fx && L.cut_x < L.fx + L.fw - 1);
					assert_true(L.cut_y > L.fy && L.cut_y < L.fy + L.fh - 1);
					assert_true(L.px > L.fx && L.px < L.fx + L.fw - 1);
					assert_true(L.py > L.fy && L.py < L.fy + L.fh - 1);
				}
				for (int i = 0; i < w * h; i++) {
					assert_true(strlen(c[i].ch) == 1);
					assert_true(c[i].role <= PLANE_TITLE);
				}
				free(c);
			}
		}
	}
}

static void
test_huge_grid(void **state)
{
	(void)state;
	int w = 3000, h = 700;
	plane_spec s = spec_at(6.9, 1.1);
	plane_cell *c;
	plane_layout L = render_check(&s, w, h, &c);
	assert_true(L.ok);
	assert_int_equal(L.quadrant, STYLE_DISMISSIVE);
	assert_true(L.px > L.cut_x && L.py > L.cut_y);
	/* 6.9 of 1..7 is 98.3% across the interior. */
	double frac = (double)(L.px - L.fx - 1) / (double)(L.fw - 3);
	assert_true(fabs(frac - 5.9 / 6) < 0.001);
	free(c);
	assert_null(plane_cells_new(1 << 16, 1 << 16));
	assert_null(plane_cells_new(0, 5));
	assert_null(plane_cells_new(5, -1));
}

static void
test_format_ascii(void **state)
{
	(void)state;
	plane_spec s = spec_at(2.5, 6);
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_int_equal(plane_format(fp, &s, &plane_glyphs_ascii, 45, 15, "  "), 0);
	fclose(fp);
	int lines = 0;
	for (const char *p = buf; *p; p++) {
		assert_true((unsigned char)*p < 0x80);
		if (*p == '\n') {
			lines++;
			assert_true(p == buf || p[-1] != ' ');
		}
	}
	assert_int_equal(lines, 15);
	assert_non_null(strstr(buf, "@"));
	assert_non_null(strstr(buf, "+---"));
	assert_non_null(strstr(buf, "^ anxiety"));
	assert_non_null(strstr(buf, "avoidance >"));
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_quadrant),
		cmocka_unit_test(test_labels_and_frame),
		cmocka_unit_test(test_point_on_cutoffs),
		cmocka_unit_test(test_extremes),
		cmocka_unit_test(test_label_avoids_point),
		cmocka_unit_test(test_tiny_grids),
		cmocka_unit_test(test_huge_grid),
		cmocka_unit_test(test_format_ascii),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
