/* test_plain.c - plain line mode (plain.h) driven through memory streams. */
#define _GNU_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "plain.h"
#include "run.h"

typedef struct fixture {
	char dir[64];
	char *out, *err;
	size_t outlen, errlen;
	const char *bank;       /* --bank, or NULL for the default */
} fixture;

static int
setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);

	strcpy(f->dir, "/tmp/sbplainXXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f->out);
	free(f->err);
	free(f);
	return 0;
}

/* Run plain mode on the default bank with `input`; returns the exit status. */
static int
run_plain(fixture *f, const char *input, int resume, int no_save)
{
	run_opts o = { 0 };
	run r;
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	FILE *out, *err;
	int rc;

	free(f->out);
	free(f->err);
	out = open_memstream(&f->out, &f->outlen);
	err = open_memstream(&f->err, &f->errlen);
	o.state_dir = f->dir;
	o.bank_arg = f->bank;
	o.resume = resume;
	o.no_save = no_save;
	o.format = REPORT_TEXT;
	rc = run_open(&r, &o, err);
	if (rc == 0)
		rc = plain_run(&r, in, out, err, 0);
	run_close(&r);
	fclose(in);
	fclose(out);
	fclose(err);
	return rc;
}

/* Contents of the progress file, or "" (static buffer: test only). */
static const char *
progress_text(fixture *f)
{
	static char buf[8192];
	char path[128];
	FILE *fp;
	size_t n;

	snprintf(path, sizeof path, "%s/core.progress", f->dir);
	buf[0] = '\0';
	if (!(fp = fopen(path, "r")))
		return buf;
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void
test_full_run(void **state)
{
	fixture *f = *state;
	char input[256] = "";

	for (int i = 0; i < 30; i++)
		strcat(input, i % 2 ? "2\n" : "6\n");
	strcat(input, "some words\n\nq and ? are text here\n");
	assert_int_equal(run_plain(f, input, 0, 0), 0);
	assert_non_null(strstr(f->out, "Question 1 of 33\n"));
	assert_non_null(strstr(f->out, "\n7 Strongly agree\n"));
	assert_non_null(strstr(f->out, "Question 33 of 33 (free text, optional)"));
	assert_non_null(strstr(f->out, "Here is your summary"));
	assert_non_null(strstr(f->out, "not a diagnosis"));
	assert_string_equal(progress_text(f), "");    /* finished: removed */
	assert_null(strchr(f->out, '\033'));
}

static void
test_back_help_quit(void **state)
{
	fixture *f = *state;

	assert_int_equal(run_plain(f, "4\n5\nb\n\n9\nx\n?\ns\nq\n", 0, 0), 130);
	assert_non_null(strstr(f->out, "Your current answer: 5 Slightly agree"));
	assert_non_null(strstr(f->out, "Please type a number from 1 to 7"));
	assert_non_null(strstr(f->out, "Help:"));
	assert_non_null(strstr(f->out, "securebase --resume"));
	const char *p = progress_text(f);
	assert_non_null(strstr(p, "answer anx01 4 "));
	assert_non_null(strstr(p, "answer anx02 5 "));   /* Enter kept it */
	assert_non_null(strstr(p, "skip anx03\n"));
	assert_non_null(strstr(p, "position 3\n"));
}

static void
test_eof_is_quit_and_resume(void **state)
{
	fixture *f = *state;

	assert_int_equal(run_plain(f, "1\n2\n", 0, 0), 130);
	assert_non_null(strstr(f->out, "Stopped."));
	assert_int_equal(run_plain(f, "3\n", 1, 0), 130);
	assert_non_null(strstr(f->out, "Continuing where you left off: 2 of 33"));
	assert_non_null(strstr(progress_text(f), "answer anx03 3 "));
	/* without --resume: r continues, a number starts again */
	assert_int_equal(run_plain(f, "r\n", 0, 0), 130);
	assert_non_null(strstr(f->out, "Question 4 of 33"));
	assert_int_equal(run_plain(f, "7\n", 0, 0), 130);
	assert_non_null(strstr(progress_text(f), "answer anx01 7 "));
	assert_null(strstr(progress_text(f), "anx02"));
	/* 'b' on the first question says so */
	assert_int_equal(run_plain(f, "b\n", 0, 0), 130);
	assert_non_null(strstr(f->out, "This is the first question."));
}

static void
test_no_save_writes_nothing(void **state)
{
	fixture *f = *state;
	DIR *d;
	struct dirent *e;
	int n = 0;

	assert_int_equal(run_plain(f, "1\n2\nq\n", 0, 1), 130);
	assert_non_null(strstr(f->out, "Nothing was saved"));
	d = opendir(f->dir);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(n, 0);
}

/* An empty 'instructions' is not read before its start, nor shown as a blank paragraph. */
static void
test_empty_instructions(void **state)
{
	fixture *f = *state;
	char path[128];
	FILE *fp;

	snprintf(path, sizeof path, "%s/empty-instr.yaml", f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("securebase: 1\n"
	      "id: t\n"
	      "title: Test\n"
	      "instructions: \"\"\n"
	      "response_scale: {min: 1, max: 5}\n"
	      "scales:\n"
	      "  - {id: anxiety, name: Anxiety}\n"
	      "  - {id: avoidance, name: Avoidance}\n"
	      "classification: {method: quadrant, anxiety: anxiety, avoidance: avoidance}\n"
	      "items:\n"
	      "  - {id: a1, text: One, scale: anxiety}\n"
	      "  - {id: v1, text: Two, scale: avoidance}\n", fp);
	fclose(fp);
	f->bank = path;
	assert_int_equal(run_plain(f, "q\n", 0, 1), 130);
	f->bank = NULL;
	assert_non_null(strstr(f->out, "Test\n\nPrivacy:"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_full_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_back_help_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_eof_is_quit_and_resume, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_save_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_instructions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
