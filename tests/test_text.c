/* test_text.c - neutralising, UTF-8, width and wrapping (text.h). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

/* Clean s (strlen) with flags and compare with want. */
static void
expect_clean(const char *s, unsigned flags, const char *want)
{
	char *got = text_clean_n(s, strlen(s), flags);
	assert_string_equal(got, want);
	assert_true(text_is_clean(got, strlen(got)) || (flags & TEXT_KEEP_TAB));
	free(got);
}

static void
test_plain_text_unchanged(void **state)
{
	(void)state;
	expect_clean("Hello, world", 0, "Hello, world");
	expect_clean("caf\xC3\xA9 \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x99\x82", 0,
	             "caf\xC3\xA9 \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x99\x82");
	expect_clean("two\nlines", 0, "two\nlines");
	assert_true(text_is_clean("two\nlines", 9));
}

static void
test_escape_sequences_removed(void **state)
{
	(void)state;
	expect_clean("a\x1b[31mred\x1b[0m b", 0, "ared b");
	expect_clean("\x1b[2J\x1b[H\x1b[?1049hX", 0, "X");
	expect_clean("t\x1b]0;evil title\x07u", 0, "tu");
	expect_clean("t\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\u", 0, "tlinku");
	expect_clean("d\x1bPq#0;2;0;0;0\x1b\\e", 0, "de");
	expect_clean("\x1b" "c" "reset", 0, "reset");
	expect_clean("\x1b(Bascii", 0, "ascii");
	expect_clean("\x1b#8x", 0, "x");
	/* C1 CSI and OSC as UTF-8 code points */
	expect_clean("a\xC2\x9B" "31mb", 0, "ab");
	expect_clean("a\xC2\x9D" "0;t\xC2\x9C" "b", 0, "ab");
	/* an unterminated OSC stops at the end of the line */
	expect_clean("x\x1b]0;title\nnext", 0, "x\nnext");
	/* lone ESC at the end, ESC before a control */
	expect_clean("end\x1b", 0, "end");
	expect_clean("a\x1b\x07" "b", 0, "a" TEXT_REPLACEMENT "b");
}

static void
test_controls_replaced(void **state)
{
	(void)state;
	expect_clean("a\x01" "b\x7f" "c", 0, "a" TEXT_REPLACEMENT "b" TEXT_REPLACEMENT "c");
	expect_clean("bell\x07", 0, "bell" TEXT_REPLACEMENT);
	expect_clean("bs\b\b", 0, "bs" TEXT_REPLACEMENT TEXT_REPLACEMENT);
	expect_clean("c1\xC2\x85!", 0, "c1" TEXT_REPLACEMENT "!");
	expect_clean("crlf\r\nlf", 0, "crlf\nlf");
	expect_clean("cr\rover", 0, "cr\nover");
	expect_clean("tab\there", 0, "tab here");
	expect_clean("tab\there", TEXT_KEEP_TAB, "tab\there");
	expect_clean("one\ntwo\tthree", TEXT_ONE_LINE, "one two three");
	expect_clean("ls\xE2\x80\xA8ps\xE2\x80\xA9", 0, "ls\nps\n");
	/* bidi overrides and BOM vanish */
	expect_clean("\xEF\xBB\xBF" "a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xE2\x81\xA9", 0, "abc");

	char with_nul[] = { 'a', 0, 'b' };
	char *got = text_clean_n(with_nul, 3, 0);
	assert_string_equal(got, "a" TEXT_REPLACEMENT "b");
	free(got);
	assert_false(text_is_clean("a\x1b[m", 4));
	assert_false(text_is_clean("a\tb", 3));
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	const char *R = TEXT_REPLACEMENT;
	char want[64];

	expect_clean("\x80", 0, R);
	expect_clean("\xC0\xAF", 0, TEXT_REPLACEMENT TEXT_REPLACEMENT);   /* overlong */
	expect_clean("\xED\xA0\x80", 0, TEXT_REPLACEMENT TEXT_REPLACEMENT TEXT_REPLACEMENT); /* surrogate */
	expect_clean("\xF4\x90\x80\x80", 0,
	             TEXT_REPLACEMENT TEXT_REPLACEMENT TEXT_REPLACEMENT TEXT_REPLACEMENT);
	/* a truncated sequence is one maximal subpart */
	snprintf(want, sizeof want, "a%sb", R);
	expect_clean("a\xE2\x82" "b", 0, want);
	expect_clean("\xE2\x82", 0, R);
	expect_clean("\xFF\xFE", 0, TEXT_REPLACEMENT TEXT_REPLACEMENT);
	assert_false(text_is_clean("\xC3", 1));
	assert_true(text_is_clean(TEXT_REPLACEMENT, 3));
}

static void
test_utf8_codec(void **state)
{
	(void)state;
	uint32_t cp;
	char buf[4];
	const uint32_t cps[] = { 0x41, 0xE9, 0x20AC, 0x1F642, 0x10FFFF, 0x7FF, 0x800, 0xFFFF };

	for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
		size_t n = text_utf8_encode(cps[i], buf);
		assert_int_equal(text_utf8_decode(buf, n, &cp), n);
		assert_int_equal(cp, cps[i]);
	}
	const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x99\x82z";
	size_t len = strlen(s);
	size_t offs[] = { 0, 1, 3, 6, 10, 11 };
	for (size_t i = 0; i + 1 < 6; i++) {
		assert_int_equal(text_next(s, len, offs[i]), offs[i + 1]);
		assert_int_equal(text_prev(s, offs[i + 1]), offs[i]);
	}
	assert_int_equal(text_next(s, len, len), len);
	assert_int_equal(text_prev(s, 0), 0);
	/* stray continuation bytes step back one at a time */
	assert_int_equal(text_prev("a\x80\x80", 3), 2);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("hello"), 5);
	assert_int_equal(text_width("caf\xC3\xA9"), 4);
	assert_int_equal(text_width("cafe\xCC\x81"), 4);                  /* combining acute */
	assert_int_equal(text_width("\xE6\x97\xA5\xE6\x9C\xAC"), 4);      /* two CJK */
	assert_int_equal(text_width(TEXT_REPLACEMENT), 1);
	assert_int_equal(text_width(""), 0);

	int used;
	const char *cjk = "a\xE6\x97\xA5" "b";
	assert_int_equal(text_fit(cjk, strlen(cjk), 2, &used), 1);     /* wide char does not fit */
	assert_int_equal(used, 1);
	assert_int_equal(text_fit(cjk, strlen(cjk), 3, &used), 4);
	assert_int_equal(used, 3);
	const char *comb = "e\xCC\x81x";
	assert_int_equal(text_fit(comb, strlen(comb), 1, &used), 3);   /* mark stays with base */
}

static void
test_ellipsize(void **state)
{
	(void)state;
	char *s = text_ellipsize("short", 10, 1);
	assert_string_equal(s, "short");
	free(s);
	s = text_ellipsize("a longer sentence", 8, 1);
	assert_string_equal(s, "a longe\xE2\x80\xA6");
	assert_int_equal(text_width(s), 8);
	free(s);
	s = text_ellipsize("a longer sentence", 8, 0);
	assert_string_equal(s, "a lon...");
	free(s);
	s = text_ellipsize("a longer sentence", 5, 0);
	assert_string_equal(s, "a...");   /* trailing space dropped before the ellipsis */
	free(s);
	s = text_ellipsize("abcdef", 2, 0);
	assert_string_equal(s, "..");
	free(s);
	s = text_ellipsize("abcdef", 0, 1);
	assert_string_equal(s, "");
	free(s);
}

/* Check that text_ellipsize_X(s, w, utf8) is want, and never wider than w. */
static void
check_ell(char *(*fn)(const char *, int, int), const char *s, int w, int utf8, const char *want)
{
	char *got = fn(s, w, utf8);
	assert_string_equal(got, want);
	assert_true(text_width(got) <= (w > 0 ? w : 0));
	free(got);
}

/* Cut at the start: the end of the text stays. */
static void
test_ellipsize_start(void **state)
{
	(void)state;
	check_ell(text_ellipsize_start, "short", 10, 1, "short");
	check_ell(text_ellipsize_start, "abcdefghij", 5, 1, "\xE2\x80\xA6ghij");
	check_ell(text_ellipsize_start, "abcdefghij", 5, 0, "...ij");
	check_ell(text_ellipsize_start, "abcdefghij", 2, 0, "..");
	check_ell(text_ellipsize_start, "abcdefghij", 0, 1, "");
	check_ell(text_ellipsize_start, "one two", 4, 1, "\xE2\x80\xA6two");   /* no leading space */
	/* double-width characters are not split; a combining mark keeps its base */
	check_ell(text_ellipsize_start, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4, 1,
	          "\xE2\x80\xA6\xE8\xAA\x9E");
	check_ell(text_ellipsize_start, "abce\xCC\x81", 3, 1, "\xE2\x80\xA6" "ce\xCC\x81");
	check_ell(text_ellipsize_start, "abce\xCC\x81", 2, 1, "\xE2\x80\xA6" "e\xCC\x81");
}

/* Paths: cut in the middle so that the file name stays whole. */
static void
test_ellipsize_path(void **state)
{
	(void)state;
	const char *p = "/home/someone/a/long/directory/securebase-core-2026-11-22.txt";
	check_ell(text_ellipsize_path, p, 80, 1, p);
	check_ell(text_ellipsize_path, p, 40, 1, "/home/so\xE2\x80\xA6/securebase-core-2026-11-22.txt");
	check_ell(text_ellipsize_path, p, 40, 0, "/home/.../securebase-core-2026-11-22.txt");
	/* the name alone does not leave room: cut at the start, the end of the name stays */
	check_ell(text_ellipsize_path, p, 20, 1, "\xE2\x80\xA6" "core-2026-11-22.txt");
	check_ell(text_ellipsize_path, "a-file-name-without-directory.md", 12, 1,
	          "\xE2\x80\xA6" "irectory.md");
	check_ell(text_ellipsize_path, "/only-one-level-of-name.json", 12, 0, "...name.json");
	/* every width gives the name's end and fits */
	for (int w = 0; w < 70; w++) {
		char *s = text_ellipsize_path(p, w, 1);
		size_t n = strlen(s);
		assert_true(text_width(s) <= w);
		if (w >= 4)
			assert_true(n >= 3 && strcmp(s + n - 3, "txt") == 0);
		if (w >= 40)
			assert_non_null(strstr(s, "/securebase-core-2026-11-22.txt"));
		free(s);
	}
}

static void
test_ascii(void **state)
{
	(void)state;
	char *s = text_ascii("\xE2\x80\x9CIt\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9\xE2\x80\xA6 "
	                     "\xE6\x97\xA5 e\xCC\x81 " TEXT_REPLACEMENT);
	assert_string_equal(s, "\"It's\" - cafe... ? e ?");
	free(s);
}

/* Wrap s at width and compare with the '|'-joined lines in want. */
static void
expect_wrap(const char *s, int width, const char *want)
{
	text_lines l = { 0 };
	char got[1024] = "";
	size_t n = text_wrap(s, width, &l);

	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(got, "|");
		strncat(got, s + l.v[i].off, l.v[i].len);
		assert_int_equal(l.v[i].width, text_width_n(s + l.v[i].off, l.v[i].len));
		if (width >= 2)
			assert_true(l.v[i].width <= width);
	}
	assert_string_equal(got, want);
	text_lines_free(&l);
}

static void
test_wrap(void **state)
{
	(void)state;
	expect_wrap("", 10, "");
	expect_wrap("one two three four", 9, "one two|three|four");
	expect_wrap("one two three four", 80, "one two three four");
	expect_wrap("exactly10c", 10, "exactly10c");
	expect_wrap("exactly10c more", 10, "exactly10c|more");
	expect_wrap("a  b   c", 3, "a|b|c");
	expect_wrap("a  b   c", 4, "a  b|c");
	expect_wrap("abcdefghij", 4, "abcd|efgh|ij");
	expect_wrap("hi abcdefghij", 4, "hi|abcd|efgh|ij");
	expect_wrap("para one\n\npara two", 20, "para one||para two");
	expect_wrap("line\n", 20, "line");
	expect_wrap("\n", 20, "");
	expect_wrap("  indented text here", 10, "  indented|text here");
	expect_wrap("trailing   ", 20, "trailing");
	expect_wrap("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4, "\xE6\x97\xA5\xE6\x9C\xAC|\xE8\xAA\x9E");
	expect_wrap("\xE6\x97\xA5\xE6\x9C\xAC", 1, "\xE6\x97\xA5|\xE6\x9C\xAC");
	expect_wrap("caf\xC3\xA9 cr\xC3\xA8me", 5, "caf\xC3\xA9|cr\xC3\xA8me");
	expect_wrap("abc", 0, "a|b|c");

	/* a real item at 76 columns never exceeds the width and keeps every word */
	const char *item = "When someone I love seems a little distant, I start to think "
	                   "they might not want me anymore.";
	text_lines l = { 0 };
	size_t n = text_wrap(item, 30, &l);
	assert_true(n >= 3);
	size_t words = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < l.v[i].len; k++)
			words += item[l.v[i].off + k] == ' ';
	assert_int_equal(words + n - 1, 17);   /* 18 words: every space but the breaks */
	text_lines_free(&l);
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_unchanged),
		cmocka_unit_test(test_escape_sequences_removed),
		cmocka_unit_test(test_controls_replaced),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_utf8_codec),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_ellipsize),
		cmocka_unit_test(test_ellipsize_start),
		cmocka_unit_test(test_ellipsize_path),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_wrap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
