/* test_report.c - JSON, text and Markdown reports; saving; reading JSON back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banks.h"
#include "report.h"

/* A small quadrant bank with norms, Markdown and escape characters in its texts. */
static const char norm_yaml[] =
	"securebase: 1\n"
	"id: normed\n"
	"title: \"Evil *title* [x](y) \\e[31mred\"\n"
	"version: \"2\"\n"
	"response_scale: {min: 1, max: 5, labels: {1: No, 5: \"Yes \\e]0;pwn\\a\"}}\n"
	"scales:\n"
	"  - {id: anx, name: \"Anx <b>\", cutoff: 3, norm: {mean: 2.5, sd: 0.5, source: Made up}}\n"
	"  - {id: avo, name: Avo, cutoff: 3, norm: {mean: 3, sd: 1}}\n"
	"classification: {method: quadrant, anxiety: anx, avoidance: avo}\n"
	"items:\n"
	"  - {id: a1, scale: anx, text: \"- I *worry* \\e[2J\"}\n"
	"  - {id: a2, scale: anx, reverse: true, text: I feel calm}\n"
	"  - {id: v1, scale: avo, text: I keep away}\n"
	"  - {id: v2, scale: avo, reverse: true, text: I lean on others}\n"
	"  - {id: t1, type: text, text: \"What else?\"}\n";

typedef struct fixture {
	bank *b;
	content *c;
	int *answers;
	const char **texts;
} fixture;

static void
fixture_bank(fixture *f, bank *b)
{
	errlist e;
	errlist_init(&e);
	memset(f, 0, sizeof *f);
	f->b = b;
	assert_int_equal(content_load(&f->c, &e), 0);
	errlist_free(&e);
	f->answers = malloc(b->nitems * sizeof *f->answers);
	f->texts = calloc(b->nitems, sizeof *f->texts);
	for (size_t i = 0; i < b->nitems; i++)
		f->answers[i] = BANK_NO_ANSWER;
}

/* The core bank with answers: anxiety high, avoidance low (by item id prefix). */
static void
fixture_core(fixture *f, int anx, int avo)
{
	bank *b;
	errlist e;
	errlist_init(&e);
	assert_int_equal(banks_open(&b, "core", &e), 0);
	errlist_free(&e);
	fixture_bank(f, b);
	for (size_t i = 0; i < b->nitems; i++) {
		const bank_item *it = &b->items[i];
		if (it->type == ITEM_TEXT) {
			f->texts[i] = "I phone my sister.\nSometimes I drink.";
			continue;
		}
		int v = strncmp(it->id, "anx", 3) == 0 ? anx : avo;
		f->answers[i] = it->keys[0].sign < 0 ? 8 - v : v;
	}
}

static void
fixture_normed(fixture *f)
{
	bank *b;
	errlist e;
	errlist_init(&e);
	int rc = bank_load_mem(&b, "normed.yaml", norm_yaml, sizeof norm_yaml - 1, &e);
	if (rc)
		errlist_print(&e, stderr);
	assert_int_equal(rc, 0);
	errlist_free(&e);
	fixture_bank(f, b);
	int a[] = { 5, 2, 2, 4, BANK_NO_ANSWER };
	memcpy(f->answers, a, sizeof a);
	f->texts[4] = "My *secret* \033[31m note";
}

static void
fixture_free(fixture *f)
{
	bank_free(f->b);
	content_free(f->c);
	free(f->answers);
	free(f->texts);
}

/* The report written to a string. */
static char *
render(const report *r, report_format fmt, unsigned flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_int_equal(report_write(fp, r, fmt, flags), 0);
	fclose(fp);
	return buf;
}

static json_t *
parse(const char *s)
{
	json_error_t e;
	json_t *j = json_loads(s, JSON_REJECT_DUPLICATES, &e);
	if (!j)
		fprintf(stderr, "JSON error %d:%d: %s\n", e.line, e.column, e.text);
	assert_non_null(j);
	return j;
}

static void
test_json_fields(void **state)
{
	(void)state;
	fixture f;
	fixture_core(&f, 6, 2);
	report r;
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	r.when = 1700000000;
	char *s = render(&r, REPORT_JSON, 0);
	json_t *j = parse(s);

	assert_string_equal(json_string_value(json_object_get(j, "format")), "securebase-report");
	assert_int_equal(json_integer_value(json_object_get(j, "version")), REPORT_VERSION);
	assert_string_equal(json_string_value(json_object_get(j, "created")), "2023-11-14T22:13:20Z");
	json_t *b = json_object_get(j, "bank");
	assert_string_equal(json_string_value(json_object_get(b, "id")), "core");
	assert_string_equal(json_string_value(json_object_get(b, "title")), f.b->title);
	assert_string_equal(json_string_value(json_object_get(b, "hash")), f.b->hash);
	assert_string_equal(json_string_value(json_object_get(b, "method")), "quadrant");
	json_t *sc = json_object_get(j, "scales");
	assert_int_equal(json_array_size(sc), f.b->nscales);
	for (size_t i = 0; i < f.b->nscales; i++) {
		json_t *o = json_array_get(sc, i);
		assert_string_equal(json_string_value(json_object_get(o, "id")), f.b->scales[i].id);
		assert_true(fabs(json_number_value(json_object_get(o, "score")) -
		                 r.score.scales[i].score) < 1e-9);
		assert_true(json_number_value(json_object_get(o, "cutoff")) == f.b->scales[i].cutoff);
		assert_true(json_number_value(json_object_get(o, "min")) == 1);
		assert_true(json_number_value(json_object_get(o, "max")) == 7);
		assert_true(json_is_null(json_object_get(o, "norm")));
	}
	assert_string_equal(json_string_value(json_object_get(j, "style")), "anxious-preoccupied");
	assert_string_equal(json_string_value(json_object_get(j, "style_name")), "Anxious-preoccupied");
	assert_true(fabs(json_number_value(json_object_get(j, "margin")) - 2) < 1e-9);
	assert_true(json_is_false(json_object_get(j, "near_boundary")));
	assert_int_equal(json_array_size(json_object_get(j, "neighbours")), 0);
	assert_int_equal(json_array_size(json_object_get(j, "quality")), 0);
	json_t *ans = json_object_get(j, "answers");
	assert_int_equal(json_array_size(ans), f.b->nlikert);
	json_t *first = json_array_get(ans, 0);
	assert_string_equal(json_string_value(json_object_get(first, "item")), f.b->items[0].id);
	assert_int_equal(json_integer_value(json_object_get(first, "answer")), f.answers[0]);
	/* No consent: no reflections anywhere in the JSON. */
	assert_true(json_is_false(json_object_get(j, "reflections_included")));
	assert_null(json_object_get(j, "reflections"));
	assert_null(strstr(s, "sister"));
	assert_true(strlen(json_string_value(json_object_get(j, "disclaimer"))) > 20);
	json_decref(j);
	free(s);

	/* With consent the reflections are there. */
	r.include_reflections = 1;
	s = render(&r, REPORT_JSON, 0);
	j = parse(s);
	json_t *refl = json_object_get(j, "reflections");
	assert_int_equal(json_array_size(refl), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(refl, 0), "answer")),
	                    "I phone my sister.\nSometimes I drink.");
	json_decref(j);
	free(s);
	report_free(&r);
	fixture_free(&f);
}

static void
test_json_norms_and_neutralising(void **state)
{
	(void)state;
	fixture f;
	fixture_normed(&f);
	report r;
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	r.include_reflections = 1;
	char *s = render(&r, REPORT_JSON, 0);
	assert_null(strstr(s, "\\u001b"));
	assert_null(strchr(s, '\033'));
	json_t *j = parse(s);
	json_t *anx = json_array_get(json_object_get(j, "scales"), 0);
	/* anx: a1=5, a2 reverse 2 -> 4: mean 4.5; z = (4.5 - 2.5) / 0.5 = 4. */
	assert_true(fabs(json_number_value(json_object_get(anx, "score")) - 4.5) < 1e-9);
	json_t *norm = json_object_get(anx, "norm");
	assert_true(fabs(json_number_value(json_object_get(norm, "z")) - 4) < 1e-9);
	assert_true(fabs(json_number_value(json_object_get(norm, "percentile")) -
	                 100 * 0.9999683287581669) < 1e-6);
	assert_string_equal(json_string_value(json_object_get(norm, "method")),
	                    "normal approximation");
	assert_string_equal(json_string_value(json_object_get(norm, "source")), "Made up");
	assert_int_equal(json_object_size(json_object_get(j, "bank")), 5);
	json_decref(j);
	free(s);
	report_free(&r);
	fixture_free(&f);
}

/* Every part a person must find in the text forms. */
static void
check_person_parts(const char *s)
{
	assert_non_null(strstr(s, "Your result"));
	assert_non_null(strstr(s, "Anxious-preoccupied"));
	assert_non_null(strstr(s, "You want to be close"));
	assert_non_null(strstr(s, "Attachment anxiety"));
	assert_non_null(strstr(s, "What this means"));
	assert_non_null(strstr(s, "Your two dimensions"));
	assert_non_null(strstr(s, "Why this score"));
	assert_non_null(strstr(s, "reverse-keyed"));
	assert_non_null(strstr(s, "Growing from here"));
	assert_non_null(strstr(s, "Questions to reflect on"));
	assert_non_null(strstr(s, "Your answers"));
	assert_non_null(strstr(s, "not a diagnosis"));
	assert_non_null(strstr(s, "Help and resources"));
	assert_non_null(strstr(s, "988"));
	assert_non_null(strstr(s, "116 123"));
	assert_non_null(strstr(s, "13 11 14"));
	assert_non_null(strstr(s, "findahelpline"));
	assert_null(strstr(s, "sister"));
}

static void
test_text_and_markdown(void **state)
{
	(void)state;
	fixture f;
	fixture_core(&f, 6, 2);
	report r;
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	char *t = render(&r, REPORT_TEXT, 0);
	check_person_parts(t);
	/* The plane in ASCII, with the point in the anxious quadrant. */
	assert_non_null(strstr(t, "+-----"));
	assert_non_null(strstr(t, "@"));
	assert_non_null(strstr(t, "Anxious-"));
	assert_non_null(strstr(t, "Your point: Attachment avoidance 2.00 (cutoff 4, low)"));
	for (const char *p = t; *p; p++)
		assert_true(*p == '\n' || (unsigned char)*p >= 0x20);
	/* Every line fits the width (plane included). */
	for (const char *p = t, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		assert_true(nl - p <= REPORT_WIDTH);
	}
	free(t);

	char *m = render(&r, REPORT_MARKDOWN, 0);
	check_person_parts(m);
	assert_non_null(strstr(m, "## Your result"));
	assert_non_null(strstr(m, "```text\n"));
	assert_non_null(strstr(m, "**Anxious-preoccupied**"));
	free(m);

	/* UTF-8 plane and bars on request, ASCII-only on request. */
	char *u = render(&r, REPORT_TEXT, REPORT_UTF8);
	assert_non_null(strstr(u, "\u253c"));
	assert_non_null(strstr(u, "\u25cf"));
	free(u);
	char *a = render(&r, REPORT_TEXT, REPORT_ASCII | REPORT_UTF8);
	for (const char *p = a; *p; p++)
		assert_true((unsigned char)*p < 0x80);
	free(a);

	/* Consent puts the reflections in. */
	r.include_reflections = 1;
	t = render(&r, REPORT_TEXT, 0);
	assert_non_null(strstr(t, "I phone my sister."));
	free(t);
	report_free(&r);
	fixture_free(&f);
}

static void
test_markdown_escapes(void **state)
{
	(void)state;
	fixture f;
	fixture_normed(&f);
	report r;
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	r.include_reflections = 1;
	char *m = render(&r, REPORT_MARKDOWN, 0);
	assert_null(strchr(m, '\033'));
	assert_null(strchr(m, '\a'));
	assert_non_null(strstr(m, "# Evil \\*title\\* \\[x\\](y) red"));
	assert_non_null(strstr(m, "Anx \\<b\\>"));
	assert_non_null(strstr(m, "My \\*secret\\*"));
	assert_non_null(strstr(m, "normal approximation"));
	assert_non_null(strstr(m, "z = 4, above the 99th percentile (normal approximation)"));
	free(m);
	char *t = render(&r, REPORT_TEXT, 0);
	assert_null(strchr(t, '\033'));
	assert_non_null(strstr(t, "z = 4"));
	free(t);
	report_free(&r);
	fixture_free(&f);
}

static void
test_headlines(void **state)
{
	(void)state;
	fixture f;
	fixture_core(&f, 4, 4);
	report r;
	/* 4/4: on both cutoffs, low/low = secure, near: names the neighbours. */
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	char *h = report_headline(&r);
	assert_string_equal(h, "Between Secure, Anxious-preoccupied and Dismissive-avoidant");
	free(h);
	char *t = render(&r, REPORT_TEXT, 0);
	assert_non_null(strstr(t, "not a firm result"));
	free(t);
	char *s = render(&r, REPORT_JSON, 0);
	json_t *j = parse(s);
	assert_true(json_is_true(json_object_get(j, "near_boundary")));
	json_t *nb = json_object_get(j, "neighbours");
	assert_int_equal(json_array_size(nb), 2);
	assert_string_equal(json_string_value(json_array_get(nb, 0)), "anxious-preoccupied");
	assert_string_equal(json_string_value(json_array_get(nb, 1)), "dismissive-avoidant");
	json_decref(j);
	free(s);
	report_free(&r);
	/* Nothing answered: no result, said plainly. */
	for (size_t i = 0; i < f.b->nitems; i++)
		f.answers[i] = BANK_NO_ANSWER;
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	h = report_headline(&r);
	assert_string_equal(h, "No result: not enough answers");
	free(h);
	t = render(&r, REPORT_TEXT, 0);
	assert_non_null(strstr(t, "not a diagnosis"));
	free(t);
	report_free(&r);
	fixture_free(&f);
}

static void
test_round_trip(void **state)
{
	(void)state;
	static const int cases[][2] = { { 6, 2 }, { 2, 6 }, { 6, 6 }, { 2, 2 }, { 4, 5 } };
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		fixture f;
		fixture_core(&f, cases[k][0], cases[k][1]);
		report r;
		report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
		r.include_reflections = (int)(k & 1);
		char *s = render(&r, REPORT_JSON, 0);
		report_data d;
		errlist e;
		errlist_init(&e);
		int rc = report_load_mem(&d, "r.json", s, strlen(s), &e);
		if (rc)
			errlist_print(&e, stderr);
		assert_int_equal(rc, 0);
		assert_string_equal(d.bank_id, "core");
		assert_string_equal(d.bank_hash, f.b->hash);
		assert_true(d.quadrant);
		assert_int_equal(d.anxiety, (long)f.b->anxiety);
		assert_int_equal(d.avoidance, (long)f.b->avoidance);
		assert_int_equal(d.nscales, f.b->nscales);
		for (size_t i = 0; i < d.nscales; i++) {
			assert_string_equal(d.scales[i].id, f.b->scales[i].id);
			assert_true(d.scales[i].has_score);
			assert_true(fabs(d.scales[i].score - r.score.scales[i].score) < 1e-9);
			assert_true(d.scales[i].cutoff == f.b->scales[i].cutoff);
		}
		assert_int_equal(d.style_mask, r.score.style_mask);
		assert_true(fabs(d.margin - r.score.margin) < 1e-9);
		assert_int_equal(d.near_boundary, r.score.near_boundary);
		report_data_free(&d);
		errlist_free(&e);
		free(s);
		report_free(&r);
		fixture_free(&f);
	}
}

/* Load s (a JSON text) and expect 65 with a record containing `what`. */
static void
expect_bad(const char *s, const char *what)
{
	report_data d;
	errlist e;
	errlist_init(&e);
	assert_int_equal(report_load_mem(&d, "bad.json", s, strlen(s), &e), 65);
	int found = 0;
	for (size_t i = 0; i < e.n; i++)
		if (strstr(e.v[i].msg, what))
			found = 1;
	if (!found)
		errlist_print(&e, stderr);
	assert_true(found);
	assert_null(d.scales);
	errlist_free(&e);
}

/* The JSON of a core report with `from` replaced by `to` (once). */
static char *
tampered(const char *from, const char *to)
{
	fixture f;
	fixture_core(&f, 6, 2);
	report r;
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	char *s = render(&r, REPORT_JSON, 0);
	report_free(&r);
	fixture_free(&f);
	char *p = strstr(s, from);
	assert_non_null(p);
	char *out = malloc(strlen(s) + strlen(to) + 1);
	assert_non_null(out);
	sprintf(out, "%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
	free(s);
	return out;
}

static void
test_load_errors(void **state)
{
	(void)state;
	report_data d;
	errlist e;
	errlist_init(&e);
	/* Syntax errors carry line and column. */
	assert_int_equal(report_load_mem(&d, "x.json", "{\n  \"a\": ,\n}", 12, &e), 65);
	assert_int_equal(e.n, 1);
	assert_int_equal(e.v[0].line, 2);
	assert_true(e.v[0].col > 0);
	errlist_free(&e);
	assert_int_equal(report_load(&d, "/nonexistent/dir/r.json", &e), 66);
	errlist_free(&e);
	expect_bad("[]", "$: expected an object");
	expect_bad("{\"a\": 1, \"a\": 2}", "duplicate");

	static const struct { const char *from, *to, *what; } t[] = {
		{ "\"version\": 1", "\"version\": 2", "$.version: version 2" },
		{ "\"version\": 1", "\"version\": \"1\"", "\"version\" has the wrong type" },
		{ "\"format\": \"securebase-report\"", "\"format\": \"other\"", "$.format" },
		{ "\"created\"", "\"made\"", "unknown key \"made\"" },
		{ "\"style\": \"anxious-preoccupied\"", "\"style\": \"secure\"", "$.style: does not agree" },
		{ "\"style\": \"anxious-preoccupied\"", "\"style\": \"calm\"", "$.style: not a style" },
		{ "\"near_boundary\": false", "\"near_boundary\": true", "$.near_boundary" },
		{ "\"margin\": 2.0", "\"margin\": 1.5", "$.margin: does not agree" },
		{ "\"score\": 6.0", "\"score\": 9.0", "$.scales[0]: score is outside" },
		{ "\"high\": true", "\"high\": false", "$.scales[0]: \"high\" does not agree" },
		{ "\"anxiety\": \"anxiety\"", "\"anxiety\": \"nope\"", "$.classification" },
		{ "\"answer\": 6", "\"answer\": \"6\"", "$.answers[0]" },
		{ "\"reflections_included\": false", "\"reflections_included\": true", "$.reflections" },
		{ "\"cutoff\": 4.0", "\"cutoff\": 8.0", "cutoff is outside" },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char *s = tampered(t[i].from, t[i].to);
		expect_bad(s, t[i].what);
		free(s);
	}
	/* A key with control characters is reported neutralised. */
	char *s = tampered("\"created\"", "\"\\u001b[31mx\"");
	assert_int_equal(report_load_mem(&d, "x.json", s, strlen(s), &e), 65);
	for (size_t i = 0; i < e.n; i++)
		assert_null(strchr(e.v[i].msg, '\033'));
	errlist_free(&e);
	free(s);
}

/* Count the entries of a directory other than . and .. */
static int
dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;
	assert_non_null(d);
	while ((de = readdir(d)))
		n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void
test_save(void **state)
{
	(void)state;
	char dir[] = "/tmp/sb-report-XXXXXX";
	assert_non_null(mkdtemp(dir));
	fixture f;
	fixture_core(&f, 2, 6);
	report r;
	report_init(&r, f.b, f.c, f.answers, f.texts, NULL);
	errlist e;
	errlist_init(&e);

	char *path = report_suggest_path(dir, "core", REPORT_JSON, r.when);
	assert_non_null(strstr(path, "/securebase-core-"));
	assert_non_null(strstr(path, ".json"));
	assert_int_equal(report_save(&r, path, REPORT_JSON, &e), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(dir_entries(dir), 1);
	report_data d;
	assert_int_equal(report_load(&d, path, &e), 0);
	assert_int_equal(d.style_mask, 1u << STYLE_DISMISSIVE);
	report_data_free(&d);
	/* The next suggestion does not collide. */
	char *next = report_suggest_path(dir, "core", REPORT_JSON, r.when);
	assert_string_not_equal(next, path);
	assert_non_null(strstr(next, "-2.json"));
	/* Overwriting is atomic and keeps 0600. */
	chmod(path, 0644);
	assert_int_equal(report_save(&r, path, REPORT_TEXT, &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(dir_entries(dir), 1);
	/* Cannot be created: a directory, a missing directory. */
	assert_int_equal(report_save(&r, dir, REPORT_TEXT, &e), 73);
	char missing[64];
	snprintf(missing, sizeof missing, "%s/no/such/r.txt", dir);
	assert_int_equal(report_save(&r, missing, REPORT_TEXT, &e), 73);
	assert_int_equal(e.n, 2);
	assert_int_equal(dir_entries(dir), 1);
	/* mkdirs makes the chain with 0700. */
	char deep[64];
	snprintf(deep, sizeof deep, "%s/a/b/c", dir);
	assert_int_equal(report_mkdirs(deep), 0);
	assert_int_equal(stat(deep, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(report_mkdirs(deep), 0);
	assert_int_equal(report_mkdirs(path), -1);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(next);
	free(path);
	errlist_free(&e);
	report_free(&r);
	fixture_free(&f);
}

static void
test_default_dir(void **state)
{
	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	char *d = report_default_dir();
	assert_string_equal(d, "/x/data/securebase");
	free(d);
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/p", 1);
	d = report_default_dir();
	assert_string_equal(d, "/home/p/.local/share/securebase");
	free(d);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_null(report_default_dir());
}

static void
test_movers_and_bars(void **state)
{
	(void)state;
	fixture f;
	fixture_normed(&f);
	report_mover m[4];
	/* anx: a1 = 5 (pull +2), a2 = 2 reversed -> 4 (pull +1). */
	size_t n = report_movers(f.b, f.answers, 0, m, 4);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].item, 0);
	assert_int_equal(m[0].value, 5);
	assert_int_equal(m[1].item, 1);
	assert_int_equal(m[1].sign, -1);
	assert_int_equal(m[1].answer, 2);
	assert_int_equal(m[1].value, 4);
	assert_true(m[1].pull == 1);
	assert_int_equal(report_movers(f.b, f.answers, 0, m, 1), 1);
	assert_int_equal(m[0].item, 0);
	assert_int_equal(report_movers(f.b, f.answers, 0, m, 0), 0);
	fixture_free(&f);

	char buf[128];
	assert_string_equal(report_bar(buf, sizeof buf, 1, 7, 4, 5.5, 12, 0), "######|##...");
	assert_string_equal(report_bar(buf, sizeof buf, 1, 7, 4, NAN, 12, 0), "......|.....");
	assert_string_equal(report_bar(buf, sizeof buf, 1, 7, NAN, 7, 4, 0), "####");
	assert_string_equal(report_bar(buf, sizeof buf, 1, 7, 7, 1, 4, 0), "...|");
	assert_string_equal(report_bar(buf, 4, 1, 7, 4, 7, 10, 0), "###");
	assert_string_equal(report_bar(buf, sizeof buf, 1, 7, 4, 7, 3, 1),
	                    "\u2588\u2588\u2502");

	assert_string_equal(report_percentile_words(84.13, buf, sizeof buf), "84th percentile");
	assert_string_equal(report_percentile_words(50, buf, sizeof buf), "50th percentile");
	assert_string_equal(report_percentile_words(1.2, buf, sizeof buf), "1st percentile");
	assert_string_equal(report_percentile_words(12.4, buf, sizeof buf), "12th percentile");
	assert_string_equal(report_percentile_words(22, buf, sizeof buf), "22nd percentile");
	assert_string_equal(report_percentile_words(63, buf, sizeof buf), "63rd percentile");
	assert_string_equal(report_percentile_words(99.5, buf, sizeof buf), "above the 99th percentile");
	assert_string_equal(report_percentile_words(0.4, buf, sizeof buf), "below the 1st percentile");

	report_format fm;
	assert_int_equal(report_format_parse("markdown", &fm), 0);
	assert_int_equal(fm, REPORT_MARKDOWN);
	assert_int_equal(report_format_parse("md", &fm), 0);
	assert_int_equal(report_format_parse("json", &fm), 0);
	assert_int_equal(fm, REPORT_JSON);
	assert_int_equal(report_format_parse("html", &fm), -1);
	assert_int_equal(report_format_for_path("a/b.MD"), REPORT_MARKDOWN);
	assert_int_equal(report_format_for_path("b.markdown"), REPORT_MARKDOWN);
	assert_int_equal(report_format_for_path("r.json"), REPORT_JSON);
	assert_int_equal(report_format_for_path("r.txt"), REPORT_TEXT);
	assert_int_equal(report_format_for_path("dir.json/r"), REPORT_TEXT);
	assert_int_equal(report_format_for_path(NULL), REPORT_TEXT);
	assert_int_equal(report_format_parse(NULL, &fm), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_fields),
		cmocka_unit_test(test_json_norms_and_neutralising),
		cmocka_unit_test(test_text_and_markdown),
		cmocka_unit_test(test_markdown_escapes),
		cmocka_unit_test(test_headlines),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_save),
		cmocka_unit_test(test_default_dir),
		cmocka_unit_test(test_movers_and_bars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
