/* test_config.c - the clinic's override directory (config.h): where it is, what it changes, errors. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "embed.h"
#include "plain.h"
#include "run.h"
#include "xmalloc.h"

/* A clinic's own entry, put first in its resources.yaml. */
#define CLINIC_NAME  "Riverside Community Clinic"
#define CLINIC_PHONE "01632 960 123"

typedef struct fixture {
	char dir[64];                    /* stands for XDG_CONFIG_HOME and the state directory */
	char *conf;                      /* dir/securebase */
	char *out, *err;
	size_t outlen, errlen;
} fixture;

static int
setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);

	strcpy(f->dir, "/tmp/sbconfigXXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->conf = xasprintf("%s/" CONFIG_NAME, f->dir);
	setenv("XDG_CONFIG_HOME", f->dir, 1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	int rc = system(cmd);

	free(cmd);
	free(f->conf);
	free(f->out);
	free(f->err);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* Write text to the override directory's file `name` (making the directory). */
static void
write_override(const fixture *f, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", f->conf, name);
	FILE *fp;

	mkdir(f->conf, 0700);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	free(path);
}

/* The built-in resources.yaml with the clinic's entry first. */
static char *
clinic_resources(void)
{
	const embed_file *e = embed_find(CONTENT_RESOURCES_FILE);
	const char *at;

	assert_non_null(e);
	at = strstr(e->data, "\nresources:\n");
	assert_non_null(at);
	at += strlen("\nresources:\n");
	return xasprintf("%.*s  - kind: local\n    region: Our town\n    name: " CLINIC_NAME "\n"
	                 "    contact: " CLINIC_PHONE "\n    note: Weekdays 9 to 5.\n%s",
	                 (int)(at - e->data), e->data, at);
}

/* A whole plain run of the default bank (every item answered 4); returns the status. */
static int
run_plain(fixture *f)
{
	char input[256] = "";
	run_opts o = { 0 };
	run r;
	FILE *in, *out, *err;
	int rc;

	for (int i = 0; i < 30; i++)
		strcat(input, "4\n");
	strcat(input, "\n\n\n");
	in = fmemopen(input, strlen(input), "r");
	free(f->out);
	free(f->err);
	out = open_memstream(&f->out, &f->outlen);
	err = open_memstream(&f->err, &f->errlen);
	o.state_dir = f->dir;
	o.no_save = 1;
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

/* XDG_CONFIG_HOME when absolute, else HOME/.config, else nothing. */
static void
test_dir_from_env(void **state)
{
	char *d;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/etc/xdg-test", 1);
	setenv("HOME", "/home/someone", 1);
	d = config_dir();
	assert_string_equal(d, "/etc/xdg-test/securebase");
	free(d);
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);        /* ignored, as the XDG spec says */
	d = config_dir();
	assert_string_equal(d, "/home/someone/.config/securebase");
	free(d);
	unsetenv("XDG_CONFIG_HOME");
	d = config_dir();
	assert_string_equal(d, "/home/someone/.config/securebase");
	free(d);
	setenv("HOME", "", 1);
	assert_null(config_dir());
	unsetenv("HOME");
	assert_null(config_dir());
}

/* No override directory: the built-in texts, silently. */
static void
test_no_dir_builtin(void **state)
{
	fixture *f = *state;
	content *c = NULL, *builtin = NULL;
	errlist e = { 0 };

	assert_int_equal(config_content_load(&c, &e), 0);
	assert_int_equal(e.n, 0);
	assert_int_equal(content_load(&builtin, &e), 0);
	assert_int_equal(content_nresources(c), content_nresources(builtin));
	assert_string_equal(content_disclaimer(c), content_disclaimer(builtin));
	content_free(c);
	content_free(builtin);
	/* A file where the directory would be is not a directory: built-in too. */
	assert_int_equal(mkdir(f->dir, 0700) == 0 || access(f->dir, F_OK) == 0, 1);
	fclose(fopen(f->conf, "w"));
	assert_int_equal(config_content_load(&c, &e), 0);
	assert_int_equal(e.n, 0);
	content_free(c);
	assert_int_equal(unlink(f->conf), 0);
	/* An empty directory: every file built-in. */
	assert_int_equal(mkdir(f->conf, 0700), 0);
	assert_int_equal(config_content_load(&c, &e), 0);
	assert_int_equal(e.n, 0);
	assert_non_null(content_learn_title(c));
	content_free(c);
}

/* The clinic's resources.yaml: its number is in the summary of a whole run. */
static void
test_override_in_summary(void **state)
{
	fixture *f = *state;
	char *res = clinic_resources();
	content *c = NULL;
	errlist e = { 0 };

	write_override(f, CONTENT_RESOURCES_FILE, res);
	free(res);
	assert_int_equal(config_content_load(&c, &e), 0);
	assert_string_equal(content_resource_at(c, 0)->contact, CLINIC_PHONE);
	content_free(c);

	assert_int_equal(run_plain(f), 0);
	assert_non_null(strstr(f->out, "Here is your summary"));
	assert_non_null(strstr(f->out, CLINIC_NAME));
	assert_non_null(strstr(f->out, CLINIC_PHONE));
	assert_non_null(strstr(f->out, "Samaritans"));          /* the rest is still listed */
	assert_non_null(strstr(f->out, "not a diagnosis"));     /* other files: built-in */
	assert_true(strstr(f->out, CLINIC_PHONE) < strstr(f->out, "Samaritans"));
}

/* An invalid override: 65 before anything is asked, FILE:LINE:COLUMN on err. */
static void
test_invalid_override(void **state)
{
	fixture *f = *state;
	char *path = xasprintf("%s/%s", f->conf, CONTENT_RESOURCES_FILE);
	char *want = xasprintf("%s:4:12: YAML syntax error", path);
	content *c = NULL;
	errlist e = { 0 };

	write_override(f, CONTENT_RESOURCES_FILE, "securebase: 1\n"
	               "disclaimer: Not a diagnosis.\n"
	               "help_intro: Ask for help.\n"
	               "  resources: [\n");
	assert_int_equal(config_content_load(&c, &e), 65);
	assert_null(c);
	assert_true(e.n >= 1);
	assert_string_equal(e.v[0].file, path);
	assert_int_equal(e.v[0].line, 4);
	assert_int_equal(e.v[0].col, 12);
	errlist_free(&e);

	assert_int_equal(run_plain(f), 65);
	assert_string_equal(f->out, "");                        /* no question was shown */
	assert_true(strncmp(f->err, want, strlen(want)) == 0);
	free(want);
	free(path);

	/* An unknown key is found at its line and column too. */
	write_override(f, CONTENT_RESOURCES_FILE, "securebase: 1\n"
	               "disclaimer: Not a diagnosis.\n"
	               "help_intro: Ask for help.\n"
	               "phone: 123\n"
	               "resources:\n"
	               "  - {kind: local, region: Here, name: Us, contact: \"1\"}\n");
	assert_int_equal(config_content_load(&c, &e), 65);
	path = xasprintf("%s/%s:4:1: ", f->conf, CONTENT_RESOURCES_FILE);
	{
		char buf[1024];
		int found = 0;
		for (size_t i = 0; i < e.n; i++)
			found |= strncmp(err_format(&e.v[i], buf, sizeof buf), path, strlen(path)) == 0;
		assert_true(found);
	}
	free(path);
	errlist_free(&e);
}

/* An override that exists but cannot be read: 66. */
static void
test_unreadable_override(void **state)
{
	fixture *f = *state;
	char *path = xasprintf("%s/%s", f->conf, CONTENT_LEARN_FILE);
	content *c = NULL;
	errlist e = { 0 };

	mkdir(f->conf, 0700);
	assert_int_equal(mkdir(path, 0700), 0);                 /* a directory cannot be read as a file */
	assert_int_equal(config_content_load(&c, &e), 66);
	assert_null(c);
	assert_string_equal(e.v[0].file, path);
	errlist_free(&e);
	assert_int_equal(run_plain(f), 66);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dir_from_env),
		cmocka_unit_test_setup_teardown(test_no_dir_builtin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_override_in_summary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_override, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_override, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
