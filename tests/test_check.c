/* test_check.c - running bank examples through the scoring core (check.h). */
#define _POSIX_C_SOURCE 200809L            /* mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bank.h"
#include "banks.h"
#include "check.h"
#include "embed.h"
#include "xmalloc.h"

/*
 * anxiety = (7 + (1+7-2)) / 2 = 6.5 with both answers, min_answered 2;
 * avoidance = (1 + 2) / 2 = 1.5; quadrant -> anxious-preoccupied.
 * The expect mapping is on line 16 and its first key at column 14.
 */
static const char template[] =
	"securebase: 1\n"
	"id: c\n"
	"title: C\n"
	"response_scale: {min: 1, max: 7}\n"
	"scales:\n"
	"  - {id: anxiety, name: A, min_answered: 2}\n"
	"  - {id: avoidance, name: V}\n"
	"classification: {method: quadrant, anxiety: anxiety, avoidance: avoidance}\n"
	"items:\n"
	"  - {id: a1, scale: anxiety}\n"
	"  - {id: a2, scale: anxiety, reverse: true}\n"
	"  - {id: v1, scale: avoidance}\n"
	"  - {id: v2, scale: avoidance}\n"
	"examples:\n"
	"  - answers: %s\n"
	"    expect: %s\n";

#define ALL "{a1: 7, a2: 2, v1: 1, v2: 2}"
#define SHORT "{a1: 7, v1: 1}"

typedef struct check_case {
	const char *answers, *expect;
	const char *msgs[3];         /* formatted records, in order; NULL-terminated */
} check_case;

static const check_case cases[] = {
	{ ALL, "{anxiety: 6.5, avoidance: 1.5, style: anxious-preoccupied}", { NULL } },
	{ ALL, "{anxiety: 6.505}", { NULL } },
	{ ALL, "{anxiety: 6.495, avoidance: 1.4950}", { NULL } },
	{ ALL, "{anxiety: 6.506}",
	  { "t.yaml:16:14: example 1: expected anxiety 6.506, scored 6.50", NULL } },
	{ ALL, "{anxiety: 5.5}",
	  { "t.yaml:16:14: example 1: expected anxiety 5.50, scored 6.50", NULL } },
	{ ALL, "{anxiety: null}",
	  { "t.yaml:16:14: example 1: expected no anxiety score, scored 6.50", NULL } },
	{ ALL, "{style: secure}",
	  { "t.yaml:16:14: example 1: expected style secure, scored anxious-preoccupied", NULL } },
	{ ALL, "{style: ~}",
	  { "t.yaml:16:14: example 1: expected no style, scored anxious-preoccupied", NULL } },
	{ ALL, "{style: anxious-preoccupied+secure}",
	  { "t.yaml:16:14: example 1: expected style secure+anxious-preoccupied, scored "
	    "anxious-preoccupied", NULL } },
	{ ALL, "{anxiety: 1, avoidance: 1.5, style: fearful-avoidant}",
	  { "t.yaml:16:14: example 1: expected anxiety 1.00, scored 6.50",
	    "t.yaml:16:42: example 1: expected style fearful-avoidant, scored anxious-preoccupied",
	    NULL } },
	{ SHORT, "{anxiety: null, avoidance: 1, style: null}", { NULL } },
	{ SHORT, "{anxiety: 7}",
	  { "t.yaml:16:14: example 1: expected anxiety 7.00, but anxiety has no score "
	    "(1 answered, 2 needed)", NULL } },
	{ SHORT, "{style: secure}",
	  { "t.yaml:16:14: example 1: expected style secure, but there is no style "
	    "(a classifying scale has no score)", NULL } },
	{ "{}", "{anxiety: ~, avoidance: ~, style: ~}", { NULL } },
};

/* Each case: load (must be valid), run the examples, compare the records exactly. */
static void
test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = xasprintf(template, cases[i].answers, cases[i].expect), line[600];
		errlist errs = { 0 };
		bank *b;
		size_t want = 0, got;

		while (cases[i].msgs[want])
			want++;
		if (bank_load_mem(&b, "t.yaml", text, strlen(text), &errs) != 0)
			errlist_print(&errs, stderr);
		assert_non_null(b);
		got = check_examples(b, &errs);
		if (got != want || errs.n != want) {
			fprintf(stderr, "case %zu:\n", i);
			errlist_print(&errs, stderr);
		}
		assert_int_equal(got, want);
		assert_int_equal(errs.n, want);
		for (size_t k = 0; k < want; k++)
			assert_string_equal(err_format(&errs.v[k], line, sizeof line), cases[i].msgs[k]);
		errlist_free(&errs);
		bank_free(b);
		free(text);
	}
}

/* Every bundled bank's examples agree with the scoring. */
static void
test_bundled_banks_agree(void **state)
{
	(void)state;
	assert_true(banks_count() >= 1);
	for (size_t i = 0; i < banks_count(); i++) {
		const embed_file *f = banks_at(i);
		errlist errs = { 0 };
		bank *b;
		assert_int_equal(bank_load_mem(&b, f->path, f->data, f->size, &errs), 0);
		if (check_examples(b, &errs))
			errlist_print(&errs, stderr);
		assert_int_equal(errs.n, 0);
		assert_true(b->nexamples > 0);
		bank_free(b);
	}
}

/* check_file: 0 valid, 65 invalid or disagreeing, 66 unreadable. */
static void
test_check_file_status(void **state)
{
	static const struct {
		const char *path;
		int rc;
	} files[] = {
		{ TEST_SRCDIR "/data/banks/core.yaml", 0 },
		{ TEST_SRCDIR "/tests/banks/valid/full-highest.yaml", 0 },
		{ TEST_SRCDIR "/tests/banks/invalid/mismatch-score.yaml", 65 },
		{ TEST_SRCDIR "/tests/banks/invalid/scale-duplicate.yaml", 65 },
		{ TEST_SRCDIR "/tests/banks/invalid/empty.yaml", 65 },
		{ TEST_SRCDIR "/tests/banks/nonexistent.yaml", 66 },
		{ TEST_SRCDIR "/tests/banks", 66 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		errlist errs = { 0 };
		assert_int_equal(check_file(files[i].path, &errs), files[i].rc);
		assert_int_equal(errs.n == 0, files[i].rc == 0);
		errlist_free(&errs);
	}
}

/* "-" reads standard input and names it <stdin>. */
static void
test_check_stdin(void **state)
{
	errlist errs = { 0 };

	(void)state;
	assert_non_null(freopen(TEST_SRCDIR "/data/banks/quick.yaml", "r", stdin));
	assert_int_equal(check_file("-", &errs), 0);
	assert_non_null(freopen(TEST_SRCDIR "/tests/banks/invalid/mismatch-style.yaml", "r", stdin));
	assert_int_equal(check_file("-", &errs), 65);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].file, "<stdin>");
	assert_int_equal(errs.v[0].line, 21);
	errlist_free(&errs);
}

/* "-" longer than BANK_MAX_BYTES is too large (65), refused without reading it whole. */
static void
test_check_stdin_too_large(void **state)
{
	char path[] = "/tmp/sb-test-check-XXXXXX";
	errlist errs = { 0 };
	int fd = mkstemp(path);
	FILE *fp;

	(void)state;
	assert_true(fd >= 0);
	fp = fdopen(fd, "wb");
	assert_non_null(fp);
	/* A hole of BANK_MAX_BYTES, then one byte: sparse, nothing on disk. */
	assert_int_equal(fseek(fp, (long)BANK_MAX_BYTES, SEEK_SET), 0);
	assert_int_not_equal(fputc('x', fp), EOF);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(freopen(path, "rb", stdin));
	assert_int_equal(check_file("-", &errs), 65);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].file, "<stdin>");
	assert_int_equal(errs.v[0].line, 0);
	assert_string_equal(errs.v[0].msg,
	                    "the file is too large for a bank (more than 1073741824 bytes)");
	errlist_free(&errs);
	assert_int_equal(unlink(path), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_bundled_banks_agree),
		cmocka_unit_test(test_check_file_status),
		cmocka_unit_test(test_check_stdin),
		cmocka_unit_test(test_check_stdin_too_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
