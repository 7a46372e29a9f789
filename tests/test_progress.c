/* test_progress.c - saving and loading progress: round trip, atomicity, corrupt files. */
#include <dirent.h>
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

#include "bank.h"
#include "progress.h"
#include "session.h"

static const char BANK[] =
	"securebase: 1\n"
	"id: t\n"
	"title: Test\n"
	"response_scale: {min: 1, max: 5}\n"
	"scales:\n"
	"  - {id: anxiety, name: Anxiety}\n"
	"  - {id: avoidance, name: Avoidance}\n"
	"classification: {method: quadrant, anxiety: anxiety, avoidance: avoidance}\n"
	"items:\n"
	"  - {id: a1, text: One, scale: anxiety}\n"
	"  - {id: a2, text: Two, scale: anxiety}\n"
	"  - {id: v1, text: Three, scale: avoidance}\n"
	"  - {id: v2, text: Four, scale: avoidance, response_scale: {min: -2, max: 2}}\n"
	"  - {id: note, text: Five, type: text}\n";

typedef struct fixture {
	bank *b;
	session s;
	char dir[64];
	char sub[128];
	progress p;
	errlist errs;
} fixture;

static int
setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);

	if (bank_load_mem(&f->b, "t.yaml", BANK, sizeof BANK - 1, &f->errs) != 0)
		return -1;
	session_init(&f->s, f->b);
	strcpy(f->dir, "/tmp/sbprogXXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->sub, sizeof f->sub, "%s/state/securebase", f->dir);
	if (progress_init(&f->p, f->sub, f->b->id, 1, &f->errs) != 0)
		return -1;
	*state = f;
	return 0;
}

/* Remove every file in a directory tree (small, test-made). */
static void
rmtree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d) {
		unlink(path);
		return;
	}
	while ((e = readdir(d))) {
		char sub[512];
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		rmtree(sub);
	}
	closedir(d);
	rmdir(path);
}

static int
teardown(void **state)
{
	fixture *f = *state;

	rmtree(f->dir);
	progress_free(&f->p);
	session_free(&f->s);
	bank_free(f->b);
	errlist_free(&f->errs);
	free(f);
	return 0;
}

/* Number of entries in directory path (without . and ..). */
static int
count_files(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

/* Write content to the store's progress file directly. */
static void
write_file(fixture *f, const char *content)
{
	FILE *fp;

	mkdir(f->dir, 0700);
	snprintf(f->sub, sizeof f->sub, "%s/state", f->dir);
	mkdir(f->sub, 0700);
	mkdir(f->p.dir, 0700);
	fp = fopen(f->p.path, "w");
	assert_non_null(fp);
	fputs(content, fp);
	fclose(fp);
}

static void
test_round_trip(void **state)
{
	fixture *f = *state;
	session *s = &f->s, t;
	progress_info info;
	struct stat st;

	session_shown(s, 0);
	session_answer(s, 4, 1234);
	session_skip(s);
	session_answer(s, 1, 0);
	session_answer(s, -2, 0);
	session_answer_text(s, "50% sure\tof\nit, caf\xC3\xA9 %41", 0);
	session_goto(s, 2);
	assert_int_equal(progress_save(&f->p, s, &f->errs), 0);

	assert_int_equal(stat(f->p.dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(stat(f->p.path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(count_files(f->p.dir), 1);   /* no temporary file left */

	session_init(&t, f->b);
	if (progress_load(&f->p, &t, &info, &f->errs) != 0) {
		errlist_print(&f->errs, stderr);
		fail();
	}
	assert_int_equal(info.state, PROGRESS_FOUND);
	assert_int_equal(info.answered, 4);
	assert_int_equal(info.seen, 5);
	assert_string_equal(info.bank_id, "t");
	assert_int_equal(t.pos, 2);
	assert_true(t.from_review);
	assert_int_equal(session_value(&t, 0), 4);
	assert_int_equal(session_ms(&t, 0), 1234);
	assert_int_equal(session_mark_of(&t, 1), SESSION_SKIPPED);
	assert_int_equal(session_value(&t, 3), -2);
	assert_string_equal(session_text(&t, 4), "50% sure of\nit, caf\xC3\xA9 %41");
	assert_int_equal(t.started, s->started);

	/* formatting the restored session gives the same records */
	size_t l1, l2;
	char *a = progress_format(s, 100, &l1), *b = progress_format(&t, 100, &l2);
	assert_int_equal(l1, l2);
	assert_memory_equal(a, b, l1);
	free(a);
	free(b);
	progress_info_free(&info);
	session_free(&t);

	/* a finished session removes its file */
	assert_int_equal(progress_remove(&f->p, &f->errs), 0);
	assert_int_equal(count_files(f->p.dir), 0);
	assert_int_equal(progress_remove(&f->p, &f->errs), 0);
	assert_int_equal(f->errs.n, 0);
}

/* A text answer that cleans to nothing (an arrow key in plain mode) saves and loads back. */
static void
test_text_only_escapes(void **state)
{
	fixture *f = *state;
	session *s = &f->s, t;
	progress_info info;
	static const char *const answers[] = { "\033[A", "\033[1m  \033[0m", "\xE2\x80\xAE" };

	for (size_t k = 0; k < sizeof answers / sizeof *answers; k++) {
		session_reset(s);
		session_shown(s, 0);
		session_answer(s, 4, 0);
		session_answer(s, 3, 0);
		session_answer(s, 2, 0);
		session_answer(s, 1, 0);
		assert_int_equal(session_answer_text(s, answers[k], 0), 0);
		assert_int_equal(session_mark_of(s, 4), SESSION_SKIPPED);
		assert_int_equal(progress_save(&f->p, s, &f->errs), 0);

		session_init(&t, f->b);
		if (progress_load(&f->p, &t, &info, &f->errs) != 0) {
			errlist_print(&f->errs, stderr);
			fail();
		}
		assert_int_equal(info.state, PROGRESS_FOUND);
		assert_int_equal(info.answered, 4);
		assert_int_equal(session_mark_of(&t, 4), SESSION_SKIPPED);
		progress_info_free(&info);
		session_free(&t);
	}
	assert_int_equal(f->errs.n, 0);
}

static void
test_no_file_and_no_save(void **state)
{
	fixture *f = *state;
	progress_info info;
	progress off;
	struct stat st;

	assert_int_equal(progress_load(&f->p, &f->s, &info, &f->errs), 0);
	assert_int_equal(info.state, PROGRESS_NONE);

	assert_int_equal(progress_init(&off, f->sub, "t", 0, &f->errs), 0);
	session_answer(&f->s, 3, 0);
	assert_int_equal(progress_save(&off, &f->s, &f->errs), 0);
	assert_int_equal(progress_remove(&off, &f->errs), 0);
	assert_int_equal(progress_set_aside(&off, "corrupt", NULL, &f->errs), 0);
	assert_int_equal(stat(f->sub, &st), -1);     /* nothing created at all */
	assert_int_equal(count_files(f->dir), 0);
	progress_free(&off);
}

static void
test_default_dir(void **state)
{
	(void)state;
	char *d;
	const char *oldx = getenv("XDG_STATE_HOME"), *oldh = getenv("HOME");
	char *sx = oldx ? strdup(oldx) : NULL, *sh = oldh ? strdup(oldh) : NULL;

	setenv("XDG_STATE_HOME", "/x/state", 1);
	d = progress_default_dir();
	assert_string_equal(d, "/x/state/securebase");
	free(d);
	setenv("XDG_STATE_HOME", "relative", 1);   /* ignored: not absolute */
	setenv("HOME", "/home/u", 1);
	d = progress_default_dir();
	assert_string_equal(d, "/home/u/.local/state/securebase");
	free(d);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	assert_null(progress_default_dir());

	progress p;
	errlist errs = { 0 };
	assert_int_equal(progress_init(&p, NULL, "core", 1, &errs), 73);
	assert_int_equal(errs.n, 1);
	progress_free(&p);
	assert_int_equal(progress_init(&p, NULL, "core", 0, &errs), 0);
	progress_free(&p);
	errlist_free(&errs);

	if (sx)
		setenv("XDG_STATE_HOME", sx, 1);
	if (sh)
		setenv("HOME", sh, 1);
	free(sx);
	free(sh);
}

static void
test_changed_bank(void **state)
{
	fixture *f = *state;
	progress_info info;
	char content[512];

	snprintf(content, sizeof content,
	         "securebase-progress 1\nbank t\nhash 0000000000000000\ncreated 10\n"
	         "saved 20\nposition 1\nfrom-review 0\nanswer a1 3 -\nend\n");
	write_file(f, content);
	assert_int_equal(progress_load(&f->p, &f->s, &info, &f->errs), 0);
	assert_int_equal(info.state, PROGRESS_CHANGED);
	assert_int_equal(info.saved, 20);
	assert_string_equal(info.hash, "0000000000000000");
	assert_int_equal(session_answered(&f->s), 0);   /* not restored */
	progress_info_free(&info);

	char *aside = NULL;
	assert_int_equal(progress_set_aside(&f->p, "changed", &aside, &f->errs), 0);
	assert_non_null(aside);
	assert_non_null(strstr(aside, "t.progress.changed-"));
	assert_int_equal(access(aside, F_OK), 0);
	assert_int_equal(access(f->p.path, F_OK), -1);
	free(aside);
}

/* A progress file for the fixture bank with `body` after the header. */
static void
load_corrupt(fixture *f, const char *body, unsigned long want_line, const char *want_msg)
{
	char content[2048];
	progress_info info;

	snprintf(content, sizeof content,
	         "securebase-progress 1\nbank t\nhash %s\ncreated 10\nsaved 20\n%s",
	         f->b->hash, body);
	errlist_free(&f->errs);
	session_answer(&f->s, 1, 0);   /* must be reset by the load */
	assert_int_equal(progress_parse("p", content, strlen(content), &f->s, &info, &f->errs), 65);
	assert_int_equal(info.state, PROGRESS_CORRUPT);
	assert_int_equal(session_answered(&f->s), 0);
	assert_int_equal(f->s.pos, 0);
	assert_int_equal(f->errs.n, 1);
	if (f->errs.v[0].line != want_line || !strstr(f->errs.v[0].msg, want_msg))
		fail_msg("line %lu: %s (wanted line %lu: %s)", f->errs.v[0].line,
		         f->errs.v[0].msg, want_line, want_msg);
	progress_info_free(&info);
}

static void
test_corrupt_files(void **state)
{
	fixture *f = *state;

	load_corrupt(f, "position 0\nfrom-review 0\n", 8, "ends too early");
	load_corrupt(f, "position 0\nfrom-review 0\nend", 8, "incomplete");
	load_corrupt(f, "position 9\nfrom-review 0\nend\n", 6, "bad position");
	load_corrupt(f, "position 0\nfrom-review 2\nend\n", 7, "0 or 1");
	load_corrupt(f, "position 0\nfrom-review 0\nanswer a1 9 -\nend\n", 8, "not valid");
	load_corrupt(f, "position 0\nfrom-review 0\nanswer zz 1 -\nend\n", 8, "no item 'zz'");
	load_corrupt(f, "position 0\nfrom-review 0\nanswer a1 1 -\nskip a1\nend\n", 9, "twice");
	load_corrupt(f, "position 0\nfrom-review 0\nanswer a1  1 -\nend\n", 8, "empty field");
	load_corrupt(f, "position 0\nfrom-review 0\nanswer a1 01 -\nend\n", 8, "not valid");
	load_corrupt(f, "position 0\nfrom-review 0\nanswer a1 1 x\nend\n", 8, "not valid");
	load_corrupt(f, "position 0\nfrom-review 0\ntext a1 - hi\nend\n", 8, "not a text item");
	load_corrupt(f, "position 0\nfrom-review 0\ntext note - a%2\nend\n", 8, "encoding");
	load_corrupt(f, "position 0\nfrom-review 0\ntext note - a%00b\nend\n", 8, "encoding");
	load_corrupt(f, "position 0\nfrom-review 0\ntext note - %FF\nend\n", 8, "UTF-8");
	load_corrupt(f, "position 0\nfrom-review 0\ntext note - %1B[2J\nend\n", 8, "UTF-8");
	load_corrupt(f, "position 0\nfrom-review 0\nfrobnicate a1\nend\n", 8, "unknown");
	load_corrupt(f, "position 0\nfrom-review 0\nend\nmore\n", 9, "after the 'end'");
	load_corrupt(f, "from-review 0\nend\n", 6, "expected 'position'");

	char content[256];
	progress_info info;
	errlist_free(&f->errs);
	strcpy(content, "securebase-progress 2\n");
	assert_int_equal(progress_parse("p", content, strlen(content), &f->s, &info, &f->errs), 65);
	assert_int_equal(f->errs.v[0].line, 1);
	errlist_free(&f->errs);
	strcpy(content, "securebase-progress 1\nbank other\n");
	assert_int_equal(progress_parse("p", content, strlen(content), &f->s, &info, &f->errs), 65);
	assert_non_null(strstr(f->errs.v[0].msg, "'other'"));
	errlist_free(&f->errs);
	char nul[] = "securebase-progress 1\nba\0nk t\n";
	assert_int_equal(progress_parse("p", nul, sizeof nul - 1, &f->s, &info, &f->errs), 65);
	assert_int_equal(f->errs.v[0].line, 2);
}

static void
test_corrupt_file_kept_aside(void **state)
{
	fixture *f = *state;
	progress_info info;
	char *aside = NULL;
	char buf[64] = "";
	FILE *fp;

	write_file(f, "garbage\n");
	errlist_free(&f->errs);
	assert_int_equal(progress_load(&f->p, &f->s, &info, &f->errs), 65);
	assert_int_equal(info.state, PROGRESS_CORRUPT);
	assert_int_equal(f->errs.n, 1);
	assert_string_equal(f->errs.v[0].file, f->p.path);
	assert_int_equal(f->errs.v[0].line, 1);
	assert_int_equal(progress_set_aside(&f->p, "corrupt", &aside, &f->errs), 0);
	fp = fopen(aside, "r");
	assert_non_null(fp);
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	assert_string_equal(buf, "garbage\n");           /* kept, not deleted */
	/* a second one in the same second gets its own name */
	char *aside2 = NULL;
	write_file(f, "garbage 2\n");
	assert_int_equal(progress_set_aside(&f->p, "corrupt", &aside2, &f->errs), 0);
	assert_string_not_equal(aside, aside2);
	assert_int_equal(count_files(f->p.dir), 2);
	free(aside);
	free(aside2);
}

static void
test_unreadable_and_oversized(void **state)
{
	fixture *f = *state;
	progress_info info;

	write_file(f, "x\n");
	if (getuid() != 0) {
		chmod(f->p.path, 0);
		errlist_free(&f->errs);
		assert_int_equal(progress_load(&f->p, &f->s, &info, &f->errs), 66);
		assert_int_equal(info.state, PROGRESS_UNREADABLE);
		chmod(f->p.path, 0600);
	}
	char *big = malloc(PROGRESS_MAX_SIZE + 2);
	memset(big, 'a', PROGRESS_MAX_SIZE + 1);
	big[PROGRESS_MAX_SIZE + 1] = '\0';
	write_file(f, big);
	free(big);
	errlist_free(&f->errs);
	assert_int_equal(progress_load(&f->p, &f->s, &info, &f->errs), 65);
	assert_non_null(strstr(f->errs.v[0].msg, "larger"));
}

/* Occupy all 1000 set-aside names of the second at t. */
static void
occupy_names(const fixture *f, time_t t)
{
	char stamp[32], name[600];
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 0; n < 1000; n++) {
		if (n)
			snprintf(name, sizeof name, "%s.corrupt-%s-%d", f->p.path, stamp, n);
		else
			snprintf(name, sizeof name, "%s.corrupt-%s", f->p.path, stamp);
		FILE *fp = fopen(name, "w");
		assert_non_null(fp);
		fputs("earlier\n", fp);
		fclose(fp);
	}
}

static void
test_set_aside_never_overwrites(void **state)
{
	fixture *f = *state;
	int rc = -1;
	size_t before = 0;

	/* every name of the current second is taken: refuse, keep every file */
	for (int attempt = 0; attempt < 10 && rc != 74; attempt++) {
		time_t now;
		write_file(f, "garbage\n");
		now = time(NULL);
		occupy_names(f, now);
		if (time(NULL) != now)      /* the second ended while filling: try again */
			continue;
		before = count_files(f->p.dir);
		errlist_free(&f->errs);
		rc = progress_set_aside(&f->p, "corrupt", NULL, &f->errs);
		if (rc != 74 && time(NULL) == now)
			break;              /* a free name within the second: a real failure */
	}
	assert_int_equal(rc, 74);
	assert_int_equal(f->errs.n, 1);
	assert_non_null(strstr(f->errs.v[0].msg, "no free name"));
	assert_int_equal(count_files(f->p.dir), before);
}

static void
test_save_replaces_atomically(void **state)
{
	fixture *f = *state;
	progress_info info;
	session t;

	/* a stale temporary file of ours is replaced; a loose directory is tightened */
	write_file(f, "old\n");
	chmod(f->p.dir, 0755);
	char tmp[512];
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", f->p.path, (long)getpid());
	FILE *fp = fopen(tmp, "w");
	fputs("stale", fp);
	fclose(fp);
	session_answer(&f->s, 2, 0);
	assert_int_equal(progress_save(&f->p, &f->s, &f->errs), 0);
	struct stat st;
	stat(f->p.dir, &st);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(count_files(f->p.dir), 1);
	session_init(&t, f->b);
	assert_int_equal(progress_load(&f->p, &t, &info, &f->errs), 0);
	assert_int_equal(session_value(&t, 0), 2);
	assert_int_equal(t.pos, 1);
	progress_info_free(&info);
	session_free(&t);

	/* an unwritable directory is reported, not ignored */
	if (getuid() != 0) {
		chmod(f->p.dir, 0500);
		errlist_free(&f->errs);
		assert_int_equal(progress_save(&f->p, &f->s, &f->errs), 73);
		assert_int_equal(f->errs.n, 1);
		chmod(f->p.dir, 0700);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_only_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_file_and_no_save, setup, teardown),
		cmocka_unit_test(test_default_dir),
		cmocka_unit_test_setup_teardown(test_changed_bank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_aside_never_overwrites, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_file_kept_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_and_oversized, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_replaces_atomically, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
