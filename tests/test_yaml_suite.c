/*
 * test_yaml_suite.c - every input of the YAML test suite (../shared/corpora/
 * yaml-test-suite) through ytree_parse and bank_load_mem: no crash, no leak
 * (run under valgrind / ASan), and every problem reported with a position.
 * Skipped when the corpus is absent.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bank.h"
#include "check.h"
#include "xmalloc.h"
#include "ytree.h"

static const char *const suite_dirs[] = {
	TEST_SRCDIR "/../shared/corpora/yaml-test-suite",
	"/work/shared/corpora/yaml-test-suite",
};

/* Read a file; NULL when it cannot be read. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 4096, n = 0, got;
	char *buf;

	if (!fp)
		return NULL;
	buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n, fp)) > 0)
		if ((n += got) == cap)
			buf = xrealloc(buf, cap *= 2);
	fclose(fp);
	*len = n;
	return buf;
}

/* Every record names the file and a 1-based position. */
static void
assert_positions(const errlist *errs, const char *name)
{
	for (size_t i = 0; i < errs->n; i++) {
		if (errs->v[i].line == 0 || errs->v[i].col == 0)
			errlist_print(errs, stderr);
		assert_string_equal(errs->v[i].file, name);
		assert_true(errs->v[i].line >= 1);
		assert_true(errs->v[i].col >= 1);
	}
}

static void
test_suite(void **state)
{
	DIR *d = NULL;
	const char *dir = NULL;
	struct dirent *de;
	size_t files = 0, trees = 0, errors_flagged = 0, error_files = 0;

	(void)state;
	for (size_t i = 0; i < sizeof suite_dirs / sizeof *suite_dirs && !d; i++)
		if ((d = opendir(suite_dirs[i])))
			dir = suite_dirs[i];
	if (!d) {
		fprintf(stderr, "yaml-test-suite not found: skipped\n");
		skip();
	}
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name), len;
		char path[1024], *buf;
		errlist errs = { 0 };
		ytree *t;
		bank *b;
		int is_error;

		if (n < 5 || strcmp(de->d_name + n - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (!(buf = slurp(path, &len)))
			continue;
		is_error = strstr(de->d_name, ".error.") != NULL;
		t = ytree_parse(de->d_name, (const unsigned char *)buf, len, &errs);
		trees += t != NULL;
		error_files += is_error;
		errors_flagged += is_error && (t == NULL || errs.n > 0);
		if (t) {
			/* Walking the whole tree touches every node. */
			assert_non_null(ytree_root(t));
			ytree_free(t);
		}
		assert_positions(&errs, de->d_name);
		errlist_free(&errs);
		if (bank_load_mem(&b, de->d_name, buf, len, &errs) == 0) {
			check_examples(b, &errs);
			bank_free(b);
		} else {
			assert_null(b);
			assert_true(errs.n > 0);
		}
		assert_positions(&errs, de->d_name);
		errlist_free(&errs);
		free(buf);
		files++;
	}
	closedir(d);
	fprintf(stderr, "yaml-test-suite: %zu files, %zu trees, %zu of %zu error cases flagged\n",
	        files, trees, errors_flagged, error_files);
	assert_true(files > 300);
	/* libyaml is not a fully conformant parser; most error cases must still fail. */
	assert_true(errors_flagged * 4 >= error_files * 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suite),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
