/* test_learn.c - the guide: assembly, wrapping, search, the worked example, navigation, plain text. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "banks.h"
#include "content.h"
#include "learn.h"
#include "text.h"

typedef struct fixture {
	content *c;
	bank *b;
	learn g;
} fixture;

static int
setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	errlist errs;

	errlist_init(&errs);
	assert_int_equal(content_load(&f->c, &errs), 0);
	assert_int_equal(banks_open(&f->b, NULL, &errs), 0);
	errlist_free(&errs);
	learn_init(&f->g, f->c, f->b, 60, 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;

	learn_free(&f->g);
	bank_free(f->b);
	content_free(f->c);
	free(f);
	return 0;
}

/* Index of the chapter with this id, or -1. */
static long
chapter(const learn *g, const char *id)
{
	for (size_t i = 0; i < g->nch; i++)
		if (strcmp(g->ch[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* True when some block of chapter ch contains s. */
static int
chapter_has(const learn *g, long ch, const char *s)
{
	for (size_t b = 0; b < g->ch[ch].nblocks; b++)
		if (strstr(g->ch[ch].blocks[b].text, s))
			return 1;
	return 0;
}

static void
test_chapters_in_order(void **state)
{
	fixture *f = *state;
	static const char *const want[] = {
		"origins", "four-categories", "two-dimensions", "high-and-low",
		"dimensions-vs-types", "style-secure", "style-anxious-preoccupied",
		"style-dismissive-avoidant", "style-fearful-avoidant", "scoring", "example",
		"limits", "addiction", "change", "references",
	};

	assert_int_equal(f->g.nch, sizeof want / sizeof *want);
	for (size_t i = 0; i < f->g.nch; i++) {
		assert_string_equal(f->g.ch[i].id, want[i]);
		assert_true(f->g.ch[i].nblocks >= 2);
		assert_int_equal(f->g.ch[i].blocks[0].kind, LEARN_TITLE);
	}
	assert_int_equal(f->g.example, chapter(&f->g, "example"));
	assert_string_equal(f->g.ch[0].blocks[0].text, "1. Where attachment theory comes from");
	assert_string_equal(f->g.ch[0].title, "Where attachment theory comes from");
	/* The styles carry every explanation and their reflection questions. */
	long s = chapter(&f->g, "style-fearful-avoidant");
	assert_int_equal(f->g.ch[s].style, STYLE_FEARFUL);
	assert_true(chapter_has(&f->g, s, content_style_text(f->c, STYLE_FEARFUL, CONTENT_SUMMARY)));
	assert_true(chapter_has(&f->g, s, "Questions to reflect on"));
	assert_true(chapter_has(&f->g, chapter(&f->g, "references"), "Bartholomew, K., & Horowitz"));
	assert_true(chapter_has(&f->g, chapter(&f->g, "high-and-low"), "Near a boundary"));
}

/* No line is wider than the layout width, at any width; blocks are covered entirely. */
static void
test_wrap_widths(void **state)
{
	fixture *f = *state;

	for (int w = 10; w <= 120; w += 7) {
		learn_layout(&f->g, w);
		for (size_t i = 0; i < f->g.nch; i++) {
			const learn_chapter *c = &f->g.ch[i];
			for (size_t l = 0; l < c->nlines; l++) {
				const learn_line *ln = &c->lines[l];
				if (ln->kind == LEARN_BLANK)
					continue;
				assert_true(ln->indent + ln->width <= w);
				assert_int_equal(text_width_n(c->blocks[ln->block].text + ln->off, ln->len),
				                 ln->width);
			}
		}
	}
	learn_layout(&f->g, 5);
	assert_int_equal(f->g.width, 10);
}

static void
test_positions_round_trip(void **state)
{
	fixture *f = *state;
	const learn_chapter *c = &f->g.ch[0];

	for (size_t l = 0; l < c->nlines; l++) {
		learn_pos p = learn_pos_of(&f->g, 0, l);
		size_t back = learn_line_of(&f->g, 0, &p);
		if (c->lines[l].kind == LEARN_BLANK)
			assert_int_equal(back, l + 1);    /* a blank stands for what follows */
		else
			assert_int_equal(back, l);
	}
}

static void
test_search(void **state)
{
	fixture *f = *state;
	learn_pos from = { 0, 0, 0 }, at, first;
	size_t len;

	assert_true(learn_search(&f->g, "strange   SITUATION", &from, 1, 1, &at, &len));
	assert_int_equal(at.ch, 0);
	assert_int_equal(len, strlen("Strange Situation"));
	assert_memory_equal(f->g.ch[0].blocks[at.block].text + at.off, "Strange Situation", len);
	first = at;
	/* Every later match is after the previous one, until it wraps to the first again. */
	size_t n = learn_count(&f->g, "strange situation");
	assert_true(n >= 3);
	for (size_t i = 1; i < n; i++) {
		learn_pos prev = at;
		assert_true(learn_search(&f->g, "Strange Situation", &prev, 1, 0, &at, &len));
		assert_true(at.ch > prev.ch || (at.ch == prev.ch && (at.block > prev.block ||
		            (at.block == prev.block && at.off > prev.off))));
	}
	{
		learn_pos last = at;
		assert_true(learn_search(&f->g, "Strange Situation", &last, 1, 0, &at, &len));
		assert_memory_equal(&at, &first, sizeof at);
		/* Backwards from the first match wraps to the last one. */
		assert_true(learn_search(&f->g, "Strange Situation", &first, -1, 0, &at, &len));
		assert_memory_equal(&at, &last, sizeof at);
	}
	assert_false(learn_search(&f->g, "xyzzy plugh", &from, 1, 1, &at, &len));
	assert_false(learn_search(&f->g, "   ", &from, 1, 1, &at, &len));
	assert_int_equal(learn_count(&f->g, "xyzzy"), 0);
	/* A single match: found from itself only when inclusive, and again after wrapping. */
	assert_int_equal(learn_count(&f->g, "Jason Aronson"), 1);
	assert_true(learn_search(&f->g, "jason aronson", &from, -1, 0, &at, &len));
	assert_true(learn_search(&f->g, "jason aronson", &at, 1, 0, &first, &len));
	assert_memory_equal(&at, &first, sizeof at);
}

/* Search positions do not depend on the width. */
static void
test_search_survives_rewrap(void **state)
{
	fixture *f = *state;
	learn_pos from = { 0, 0, 0 }, at;
	size_t len, l20, l90;

	assert_true(learn_search(&f->g, "secure base", &from, 1, 1, &at, &len));
	learn_layout(&f->g, 20);
	l20 = learn_line_of(&f->g, at.ch, &at);
	learn_layout(&f->g, 90);
	l90 = learn_line_of(&f->g, at.ch, &at);
	assert_true(l20 > l90);
	{
		const learn_line *ln = &f->g.ch[at.ch].lines[l90];
		assert_int_equal(ln->block, at.block);
		assert_true(ln->off <= at.off && at.off < ln->off + ln->len);
	}
}

/* The text of the worked example, joined. */
static char *
example_text(const learn *g)
{
	const learn_chapter *c = &g->ch[g->example];
	size_t n = 1;
	char *s;

	for (size_t i = 0; i < c->nblocks; i++)
		n += strlen(c->blocks[i].text) + 1;
	s = calloc(1, n);
	for (size_t i = 0; i < c->nblocks; i++) {
		strcat(s, c->blocks[i].text);
		strcat(s, "\n");
	}
	return s;
}

/* Assert that the example contains `want`. */
#define assert_example_has(g, want) do { \
	char *t_ = example_text(g); \
	if (!strstr(t_, want)) \
		fail_msg("example lacks \"%s\":\n%s", want, t_); \
	free(t_); \
} while (0)

static void
test_example_reverse_keyed(void **state)
{
	fixture *f = *state;
	learn *g = &f->g;

	/* Starts on the first reverse-keyed item, answered 6, everything else 4. */
	assert_int_equal(learn_example_item_index(g), bank_item_index(f->b, "anx11"));
	assert_example_has(g, "Item anx11 (11 of 30 scored items) belongs to the scale Attachment anxiety.");
	assert_example_has(g, "reverse-keyed");
	assert_example_has(g, "Answer 6 (Agree) counts as 1 + 7 - 6 = 2.");
	assert_example_has(g, "anx11  answer 6  reversed  counts 2");
	assert_example_has(g, "anx01  answer 4  straight  counts 4");
	/* (14 * 4 + 2) / 15 = 58 / 15 = 3.8667 */
	assert_example_has(g, "Attachment anxiety = 58 / 15 = about 3.87");
	assert_example_has(g, "Attachment anxiety 3.87 is below its cutoff 4.00: low.");
	assert_example_has(g, "Attachment avoidance 4.00 is equal to its cutoff 4.00.");
	assert_example_has(g, "Anxiety low and avoidance low: Secure.");
	assert_example_has(g, "In short: anx11 answered 6 counts 2; anxiety 3.87 low, "
	                      "avoidance 4.00 low; Secure, near a boundary.");
	/* margin min(0.13, 0) = 0: near, between secure and both neighbours */
	assert_example_has(g, "is 0.00. That is 0.5 or less");
	assert_example_has(g, "between Secure, Anxious-preoccupied and Dismissive-avoidant, not");
	/* The selected row is marked. */
	{
		const learn_chapter *c = &g->ch[g->example];
		int marks = 0;
		for (size_t i = 0; i < c->nblocks; i++)
			if (c->blocks[i].kind == LEARN_MARK) {
				marks++;
				assert_non_null(strstr(c->blocks[i].text, "anx11"));
			}
		assert_int_equal(marks, 1);
	}
	learn_example_set(g, 7);
	assert_example_has(g, "Answer 7 (Strongly agree) counts as 1 + 7 - 7 = 1.");
	assert_example_has(g, "= 57 / 15 = 3.80");
}

static void
test_example_straight_item_moves_style(void **state)
{
	fixture *f = *state;
	learn *g = &f->g;

	learn_example_item(g, -1);                      /* anx10, keyed straight */
	assert_int_equal(learn_example_item_index(g), bank_item_index(f->b, "anx10"));
	learn_example_set(g, 7);
	assert_example_has(g, "Answer 7 (Strongly agree) counts as it is: 7.");
	/* 13 * 4 + 2 (anx11 still answered 6) + 7 = 61; 61 / 15 = 4.0667 */
	assert_example_has(g, "Attachment anxiety = 61 / 15 = about 4.07");
	assert_example_has(g, "is greater than its cutoff 4.00: high.");
	assert_example_has(g, "Anxiety high and avoidance low: Anxious-preoccupied.");
	assert_example_has(g, "between Anxious-preoccupied, Secure and Fearful-avoidant, not");
	/* Answers are clamped to the item's scale; steps too. */
	learn_example_set(g, 99);
	assert_int_equal(g->ex.answers[bank_item_index(f->b, "anx10")], 7);
	learn_example_step(g, 1);
	assert_int_equal(g->ex.answers[bank_item_index(f->b, "anx10")], 7);
	learn_example_step(g, -3);
	assert_int_equal(g->ex.answers[bank_item_index(f->b, "anx10")], 4);
}

static void
test_example_cutoff_and_skips(void **state)
{
	fixture *f = *state;
	learn *g = &f->g;

	learn_example_set(g, 4);                        /* everything 4: exactly on the cutoff */
	assert_example_has(g, "Attachment anxiety = 60 / 15 = 4.00");
	assert_example_has(g, "Attachment anxiety 4.00 is equal to its cutoff 4.00. Only a score "
	                      "strictly greater counts as high, so it is low.");
	learn_example_set(g, BANK_NO_ANSWER);
	assert_example_has(g, "Skipped: this item is left out of the average.");
	assert_example_has(g, "anx11  skipped");
	assert_example_has(g, "= 56 / 14 = 4.00");
	assert_example_has(g, "Skipped items are left out.");
	learn_example_step(g, 1);                       /* a skipped item comes back at the middle */
	assert_int_equal(g->ex.answers[bank_item_index(f->b, "anx11")], 4);
	/* Skip 8 of the 15 anxiety items: below min_answered, no score, no style. */
	learn_example_item(g, -10);
	assert_int_equal(learn_example_item_index(g), bank_item_index(f->b, "anx01"));
	for (int i = 0; i < 8; i++) {
		learn_example_set(g, BANK_NO_ANSWER);
		learn_example_item(g, 1);
	}
	assert_example_has(g, "Only 7 of 15 items are answered.");
	assert_example_has(g, "Without both scores there is no style.");
	assert_example_has(g, "; a scale without a score; no style.");
	learn_example_reset(g);
	assert_int_equal(learn_example_item_index(g), bank_item_index(f->b, "anx11"));
	assert_example_has(g, "= 58 / 15");
	/* Item selection wraps both ways. */
	learn_example_item(g, -11);
	assert_int_equal(learn_example_item_index(g), bank_item_index(f->b, "avo15"));
	learn_example_item(g, 1);
	assert_int_equal(learn_example_item_index(g), bank_item_index(f->b, "anx01"));
}

/* A bank without a plane gives no worked example; everything else stays. */
static void
test_no_example_for_highest(void **state)
{
	fixture *f = *state;
	bank *b;
	learn g;
	errlist errs;

	errlist_init(&errs);
	assert_int_equal(banks_open(&b, "prototypes", &errs), 0);
	learn_init(&g, f->c, b, 70, 1);
	assert_int_equal(g.example, -1);
	assert_int_equal(g.nch, 14);
	assert_int_equal(chapter(&g, "example"), -1);
	learn_example_item(&g, 1);                      /* harmless */
	assert_int_equal(learn_example_item_index(&g), -1);
	learn_free(&g);
	learn_init(&g, f->c, NULL, 70, 1);
	assert_int_equal(g.nch, 14);
	learn_free(&g);
	bank_free(b);
	errlist_free(&errs);
}

static void
test_view_navigation(void **state)
{
	fixture *f = *state;
	learn *g = &f->g;
	learn_view v;
	size_t max;

	learn_view_init(&v, 10);
	assert_int_equal(v.mode, LEARN_CONTENTS);
	assert_false(learn_view_apply(&v, g, LEARN_ACT_UP));       /* nothing above the first */
	for (int i = 0; i < 3; i++)
		assert_true(learn_view_apply(&v, g, LEARN_ACT_DOWN));
	assert_int_equal(v.sel, 3);
	assert_true(learn_view_apply(&v, g, LEARN_ACT_OPEN));
	assert_int_equal(v.mode, LEARN_CHAPTER);
	assert_int_equal(v.ch, 3);
	assert_int_equal(v.top, 0);
	assert_false(learn_view_apply(&v, g, LEARN_ACT_UP));
	assert_true(learn_view_apply(&v, g, LEARN_ACT_DOWN));
	assert_int_equal(v.top, 1);
	assert_true(learn_view_apply(&v, g, LEARN_ACT_PAGE_DOWN));
	assert_int_equal(v.top, 10);                    /* a page keeps one line of context */
	assert_true(learn_view_apply(&v, g, LEARN_ACT_HALF_UP));
	assert_int_equal(v.top, 5);
	max = learn_view_max_top(&v, g, 3);
	assert_int_equal(max, g->ch[3].nlines - 10);
	assert_true(learn_view_apply(&v, g, LEARN_ACT_BOTTOM));
	assert_int_equal(v.top, max);
	assert_false(learn_view_apply(&v, g, LEARN_ACT_DOWN));     /* clamped */
	/* PageDown at the end goes on to the next chapter, PageUp at the top back. */
	assert_true(learn_view_apply(&v, g, LEARN_ACT_PAGE_DOWN));
	assert_int_equal(v.ch, 4);
	assert_int_equal(v.top, 0);
	assert_true(learn_view_apply(&v, g, LEARN_ACT_PAGE_UP));
	assert_int_equal(v.ch, 3);
	assert_int_equal(v.top, max);
	/* Tab to the contents and back returns to the same place. */
	assert_true(learn_view_apply(&v, g, LEARN_ACT_TOGGLE));
	assert_int_equal(v.mode, LEARN_CONTENTS);
	assert_int_equal(v.sel, 3);
	assert_true(learn_view_apply(&v, g, LEARN_ACT_TOGGLE));
	assert_int_equal(v.mode, LEARN_CHAPTER);
	assert_int_equal(v.top, max);
	/* Backspace to the contents, choose another chapter: it opens at its top. */
	assert_true(learn_view_apply(&v, g, LEARN_ACT_CONTENTS));
	assert_true(learn_view_apply(&v, g, LEARN_ACT_BOTTOM));
	assert_int_equal(v.sel, g->nch - 1);
	assert_true(v.ctop + v.height > v.sel && v.ctop <= v.sel);
	assert_true(learn_view_apply(&v, g, LEARN_ACT_OPEN));
	assert_int_equal(v.ch, g->nch - 1);
	assert_int_equal(v.top, 0);
	assert_false(learn_view_apply(&v, g, LEARN_ACT_NEXT_CHAPTER));
	assert_true(learn_view_apply(&v, g, LEARN_ACT_PREV_CHAPTER));
	assert_int_equal(v.ch, g->nch - 2);
	assert_false(learn_view_apply(&v, g, LEARN_ACT_NONE));
}

static void
test_view_resize_and_relayout(void **state)
{
	fixture *f = *state;
	learn *g = &f->g;
	learn_view v;
	learn_pos before;
	const learn_line *ln;

	learn_view_init(&v, 8);
	learn_view_open(&v, g, 0);
	for (int i = 0; i < 12; i++)
		learn_view_apply(&v, g, LEARN_ACT_DOWN);
	before = learn_pos_of(g, 0, v.top);
	learn_view_relayout(&v, g, 25);                 /* narrower: more lines */
	ln = &g->ch[0].lines[v.top];
	assert_int_equal(ln->block, before.block);
	assert_true(ln->off <= before.off && before.off <= ln->off + ln->len);
	learn_view_relayout(&v, g, 200);
	learn_view_resize(&v, g, 1000);                 /* taller than the chapter */
	assert_int_equal(v.top, 0);
	learn_view_resize(&v, g, 0);
	assert_int_equal(v.height, 1);
}

static void
test_view_search(void **state)
{
	fixture *f = *state;
	learn *g = &f->g;
	learn_view v;
	long refs = chapter(g, "references");
	size_t line;

	learn_view_init(&v, 6);
	assert_true(learn_view_search(&v, g, "Jason Aronson", 1));
	assert_int_equal(v.mode, LEARN_CHAPTER);
	assert_int_equal(v.ch, refs);
	line = learn_line_of(g, v.ch, &v.match);
	assert_true(line >= v.top && line < v.top + v.height);
	/* n from a visible match goes on; N comes back. */
	v.has_match = 0;
	learn_view_open(&v, g, 0);
	assert_true(learn_view_search(&v, g, "Ainsworth", 1));
	assert_int_equal(v.ch, 0);
	learn_pos first = v.match;
	assert_true(learn_view_search(&v, g, "Ainsworth", 1));
	assert_true(v.match.block > first.block || v.match.off > first.off);
	assert_true(learn_view_search(&v, g, "Ainsworth", -1));
	assert_memory_equal(&v.match, &first, sizeof first);
	/* Not found: nothing changes. */
	learn_view saved = v;
	assert_false(learn_view_search(&v, g, "no such words here", 1));
	assert_memory_equal(&v, &saved, sizeof v);
}

/* Every line of text fits, no control characters, headings underlined. */
static void
check_plain(const char *out, int width, int ascii)
{
	const char *p = out, *prev = NULL;
	size_t prev_len = 0;

	assert_non_null(strstr(out, "Understanding attachment\n========================\n"));
	assert_non_null(strstr(out, "\nContents\n--------\n"));
	assert_non_null(strstr(out, "  1. Where attachment theory comes from\n"));
	assert_non_null(strstr(out, "\n1. Where attachment theory comes from\n"
	                            "=====================================\n"));
	assert_non_null(strstr(out, "\nQuestions to reflect on\n-----------------------\n- "));
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		assert_true(text_width_n(p, n) <= width);
		for (size_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)p[i];
			assert_true(ch >= 0x20 && ch != 0x7f);
			if (ascii)
				assert_true(ch < 0x80);
		}
		/* An underline is as wide as the line above it. */
		if (n > 0 && (p[0] == '=' || p[0] == '-') && strspn(p, "=-") == n && prev)
			assert_int_equal(text_width_n(prev, prev_len), (int)n);
		prev = p;
		prev_len = n;
		p += n + (nl != NULL);
	}
}

static void
test_plain_text(void **state)
{
	fixture *f = *state;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	for (int ascii = 0; ascii <= 1; ascii++) {
		learn_layout(&f->g, ascii ? 40 : 78);
		fp = open_memstream(&buf, &len);
		assert_int_equal(learn_write_plain(fp, &f->g, ascii), 0);
		fclose(fp);
		check_plain(buf, ascii ? 40 : 78, ascii);
		assert_non_null(strstr(buf, "Try it: from answers to a style"));
		assert_non_null(strstr(buf, "\n  > anx11  answer 6  reversed  counts 2\n"));
		free(buf);
		buf = NULL;
	}
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_chapters_in_order),
		T(test_wrap_widths),
		T(test_positions_round_trip),
		T(test_search),
		T(test_search_survives_rewrap),
		T(test_example_reverse_keyed),
		T(test_example_straight_item_moves_style),
		T(test_example_cutoff_and_skips),
		T(test_no_example_for_highest),
		T(test_view_navigation),
		T(test_view_resize_and_relayout),
		T(test_view_search),
		T(test_plain_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
