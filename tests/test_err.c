/* test_err.c - error records: sharing one file name, printing whole lines, moving lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "err.h"

/* Print l into a malloc'd string. */
static char *
printed(const errlist *l)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	errlist_print(l, fp);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* Records in one file share its name; another file gets its own copy. */
static void
test_shared_file_name(void **state)
{
	errlist l;
	(void)state;
	errlist_init(&l);
	errlist_add(&l, "a.yaml", 1, 2, "one");
	errlist_add(&l, "a.yaml", 3, 4, "two %d", 2);
	errlist_add(&l, "b.yaml", 5, 0, "three");
	errlist_add(&l, NULL, 0, 0, "four");
	errlist_add(&l, NULL, 0, 0, "five");
	assert_ptr_equal(l.v[0].file, l.v[1].file);
	assert_ptr_not_equal(l.v[1].file, l.v[2].file);
	assert_null(l.v[3].file);
	char *s = printed(&l);
	assert_string_equal(s, "a.yaml:1:2: one\na.yaml:3:4: two 2\nb.yaml:5: three\n"
	                       "securebase: four\nsecurebase: five\n");
	free(s);
	errlist_sort(&l);             /* shared names survive reordering and freeing */
	errlist_free(&l);
	assert_int_equal(l.n, 0);
}

/* A file name longer than any fixed buffer still prints with its position. */
static void
test_long_file_name(void **state)
{
	errlist l;
	char name[5000];
	(void)state;
	memset(name, 'd', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	errlist_init(&l);
	errlist_add(&l, name, 7, 9, "the message");
	char *s = printed(&l);
	assert_int_equal(strlen(s), strlen(name) + strlen(":7:9: the message\n"));
	assert_non_null(strstr(s, ":7:9: the message\n"));
	free(s);
	errlist_free(&l);
}

/* A file name or message cannot drive the terminal: controls become \\xNN, text stays. */
static void
test_escaped(void **state)
{
	errlist l;
	char buf[200];
	(void)state;
	errlist_init(&l);
	errlist_add(&l, "x\033]0;PWNED\a.yaml", 2, 3, "bad 'a\033[2J' \302\233" "31m");
	errlist_add(&l, "x\033]0;PWNED\a.yaml", 4, 0, "caf\303\251 \304\233 \233 ok");
	assert_string_equal(l.v[0].file, "x\\x1b]0;PWNED\\x07.yaml");
	assert_ptr_equal(l.v[0].file, l.v[1].file);
	assert_string_equal(l.v[0].msg, "bad 'a\\x1b[2J' \\xc2\\x9b" "31m");
	assert_string_equal(l.v[1].msg, "caf\303\251 \304\233 \\x9b ok");
	assert_string_equal(err_format(&l.v[1], buf, sizeof buf),
	                    "x\\x1b]0;PWNED\\x07.yaml:4: caf\303\251 \304\233 \\x9b ok");
	errlist_free(&l);
}

/* errlist_take moves records to an empty or a filled list. */
static void
test_take(void **state)
{
	errlist a, b, c;
	(void)state;
	errlist_init(&a);
	errlist_init(&b);
	errlist_init(&c);
	errlist_add(&b, "x", 1, 1, "b1");
	errlist_add(&b, "x", 2, 1, "b2");
	errlist_take(&a, &b);                  /* into an empty list */
	assert_int_equal(a.n, 2);
	assert_int_equal(b.n, 0);
	errlist_add(&c, "y", 3, 1, "c1");
	errlist_take(&a, &c);                  /* appended */
	errlist_take(&a, &b);                  /* nothing to move */
	assert_int_equal(a.n, 3);
	assert_string_equal(a.v[2].msg, "c1");
	assert_string_equal(a.v[2].file, "y");
	errlist_add(&b, "x", 9, 9, "reused");  /* from stays usable */
	assert_int_equal(b.n, 1);
	errlist_free(&a);
	errlist_free(&b);
	errlist_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_file_name),
		cmocka_unit_test(test_long_file_name),
		cmocka_unit_test(test_escaped),
		cmocka_unit_test(test_take),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
