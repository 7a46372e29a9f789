/* test_content.c - the shipped texts and banks: complete, well-formed, balanced; loader errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank.h"
#include "content.h"
#include "embed.h"
#include "err.h"
#include "score.h"
#include "xmalloc.h"

/* ---- helpers ---- */

/* Case-insensitive: does hay contain needle? */
static int
has_word(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; hay && *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] &&
		       tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Assert s is a non-empty text with no leading or trailing blank. */
static void
assert_text(const char *s)
{
	assert_non_null(s);
	assert_true(strlen(s) > 0);
	assert_false(isspace((unsigned char)s[0]));
	assert_false(isspace((unsigned char)s[strlen(s) - 1]));
}

/* A copy of s with the first `old` replaced by `new`; old must occur. */
static char *
replace(const char *s, const char *old, const char *new)
{
	const char *p = strstr(s, old);
	size_t a, b = strlen(old), c = strlen(new);
	char *r;

	assert_non_null(p);
	a = (size_t)(p - s);
	r = xmalloc(strlen(s) - b + c + 1);
	memcpy(r, s, a);
	memcpy(r + a, new, c);
	strcpy(r + a + c, p + b);
	return r;
}

/* 1-based line on which needle first starts in s (must occur). */
static unsigned long
line_of(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);
	unsigned long line = 1;

	assert_non_null(p);
	for (; s < p; s++)
		line += *s == '\n';
	return line;
}

/* The built-in text of a data file. */
static const char *
builtin(const char *path)
{
	const embed_file *f = embed_find(path);

	assert_non_null(f);
	return f->data;
}

/* Load the built-in files, with file `which` replaced by `text`; returns the status. */
static int
load_with(const char *which, const char *text, errlist *errs, content **out)
{
	const char *names[3] = { CONTENT_STYLES_FILE, CONTENT_RESOURCES_FILE, CONTENT_LEARN_FILE };
	content_source src[3];

	for (int i = 0; i < 3; i++) {
		int mine = which && strcmp(names[i], which) == 0;
		src[i].name = names[i];
		src[i].data = mine ? text : builtin(names[i]);
		src[i].len = strlen(src[i].data);
	}
	return content_load_mem(out, &src[0], &src[1], &src[2], errs);
}

/* Is there a record in file at line:col (0 = any) whose message contains msg? */
static int
has_error(const errlist *e, const char *file, unsigned long line, unsigned long col,
          const char *msg)
{
	for (size_t i = 0; i < e->n; i++) {
		const err_rec *r = &e->v[i];
		if ((!file || (r->file && strcmp(r->file, file) == 0)) &&
		    (!line || r->line == line) && (!col || r->col == col) &&
		    strstr(r->msg, msg))
			return 1;
	}
	return 0;
}

/* Load `which` = text, expect failure (65), and that a matching record exists. */
static void
expect_error(const char *which, const char *text, unsigned long line, unsigned long col,
             const char *msg)
{
	errlist e;
	content *c = NULL;
	int rc;

	errlist_init(&e);
	rc = load_with(which, text, &e, &c);
	if (!has_error(&e, which, line, col, msg))
		errlist_print(&e, stderr);
	assert_int_equal(rc, 65);
	assert_null(c);
	assert_true(has_error(&e, which, line, col, msg));
	errlist_free(&e);
}

/* Group setup: the built-in content, loaded once. */
static int
setup(void **state)
{
	errlist e;
	content *c = NULL;

	errlist_init(&e);
	if (content_load(&c, &e) != 0) {
		errlist_print(&e, stderr);
		errlist_free(&e);
		return -1;
	}
	errlist_free(&e);
	*state = c;
	return 0;
}

/* Group teardown. */
static int
teardown(void **state)
{
	content_free(*state);
	return 0;
}

/* ---- the shipped texts ---- */

/* Loading the built-in files succeeds with no records at all. */
static void
test_builtin_loads_cleanly(void **state)
{
	errlist e;
	content *c = NULL;

	(void)state;
	errlist_init(&e);
	assert_int_equal(content_load(&c, &e), 0);
	assert_int_equal(e.n, 0);
	assert_non_null(c);
	content_free(c);
	errlist_free(&e);
}

/* Every style has every field, in order, with the required themes. */
static void
test_styles_complete(void **state)
{
	const content *c = *state;
	static const char *const names[STYLE_COUNT] = {
		"Secure", "Anxious-preoccupied", "Dismissive-avoidant", "Fearful-avoidant",
	};
	static const char *const therapy[] = {
		"pattern", "safe", "corrective emotional experience", "emotion regulation",
		"secure relationships", "trauma", "self-compassion",
	};

	for (int s = 0; s < STYLE_COUNT; s++) {
		assert_string_equal(content_style_name(c, s), names[s]);
		assert_text(content_style_short(c, s));
		assert_true(strlen(content_style_short(c, s)) <= CONTENT_SHORT_MAX);
		for (int f = 0; f < CONTENT_FIELD_COUNT; f++)
			assert_text(content_style_text(c, s, f));
		assert_null(strchr(content_style_text(c, s, CONTENT_SUMMARY), '\n'));
		assert_in_range(content_style_nquestions(c, s), 2, 3);
		for (size_t i = 0; i < content_style_nquestions(c, s); i++)
			assert_text(content_style_question(c, s, i));
		for (size_t i = 0; i < sizeof therapy / sizeof *therapy; i++)
			if (!has_word(content_style_text(c, s, CONTENT_THERAPY), therapy[i]))
				fail_msg("style %d: therapy text lacks \"%s\"", s, therapy[i]);
		assert_true(has_word(content_style_text(c, s, CONTENT_COPING), "alcohol"));
		assert_true(has_word(content_style_text(c, s, CONTENT_COPING), "drugs"));
	}
	/* Insecure styles name the link to soothing or numbing with substances. */
	for (int s = STYLE_ANXIOUS; s < STYLE_COUNT; s++)
		assert_true(has_word(content_style_text(c, s, CONTENT_COPING), "insecure attachment"));
}

/* Dimension texts, near-boundary and two-dimension notes are all there. */
static void
test_dimensions_and_notes(void **state)
{
	static const char *const no_count[] = { "two styles", "three styles", "both",
	                                        "the other side", "either side" };
	const content *c = *state;

	assert_string_equal(content_dim_name(c, CONTENT_ANXIETY), "Attachment anxiety");
	assert_string_equal(content_dim_name(c, CONTENT_AVOIDANCE), "Attachment avoidance");
	for (int d = 0; d < CONTENT_DIM_COUNT; d++) {
		assert_text(content_dim_about(c, d));
		assert_text(content_dim_text(c, d, 1));
		assert_text(content_dim_text(c, d, 0));
		assert_string_not_equal(content_dim_text(c, d, 1), content_dim_text(c, d, 0));
	}
	assert_text(content_near_boundary(c));
	/* shown with two or three styles (and in the guide): it must not count them */
	assert_true(has_word(content_near_boundary(c), "between styles"));
	for (size_t i = 0; i < sizeof no_count / sizeof *no_count; i++)
		if (has_word(content_near_boundary(c), no_count[i]))
			fail_msg("near_boundary says '%s', wrong with three styles", no_count[i]);
	assert_text(content_two_dimensions(c));
	assert_true(has_word(content_two_dimensions(c), "two separate dimensions"));
	assert_true(has_word(content_two_dimensions(c), "change"));
}

/* The not-a-diagnosis statement points to professional help. */
static void
test_disclaimer(void **state)
{
	const content *c = *state;

	assert_text(content_disclaimer(c));
	assert_true(has_word(content_disclaimer(c), "not a diagnosis"));
	assert_true(has_word(content_disclaimer(c), "self-reflection tool"));
	assert_true(has_word(content_disclaimer(c), "professional"));
	assert_text(content_help_intro(c));
}

/* Is there a resource of kind k (or any, k < 0) whose region and contact contain these? */
static int
has_resource(const content *c, int k, const char *region, const char *contact)
{
	for (size_t i = 0; i < content_nresources(c); i++) {
		const content_resource *r = content_resource_at(c, i);
		if ((k < 0 || (int)r->kind == k) && has_word(r->region, region) &&
		    has_word(r->contact, contact))
			return 1;
	}
	return 0;
}

/* The required help resources are listed, each entry complete. */
static void
test_resources(void **state)
{
	const content *c = *state;

	assert_true(content_nresources(c) >= 8);
	for (size_t i = 0; i < content_nresources(c); i++) {
		const content_resource *r = content_resource_at(c, i);
		assert_text(r->region);
		assert_text(r->name);
		assert_text(r->contact);
		assert_non_null(content_kind_name(r->kind));
		assert_non_null(content_kind_title(r->kind));
	}
	assert_null(content_resource_at(c, content_nresources(c)));
	assert_true(has_resource(c, CONTENT_CRISIS, "United States", "988"));
	assert_true(has_resource(c, CONTENT_CRISIS, "Canada", "988"));
	assert_true(has_resource(c, CONTENT_CRISIS, "United Kingdom", "116 123"));
	assert_true(has_resource(c, CONTENT_CRISIS, "Ireland", "116 123"));
	assert_true(has_resource(c, CONTENT_CRISIS, "Australia", "13 11 14"));
	assert_true(has_resource(c, CONTENT_EMERGENCY, "United States", "911"));
	assert_true(has_resource(c, CONTENT_EMERGENCY, "United Kingdom", "999"));
	assert_true(has_resource(c, CONTENT_EMERGENCY, "European Union", "112"));
	assert_true(has_resource(c, CONTENT_EMERGENCY, "Australia", "000"));
	assert_true(has_resource(c, CONTENT_DIRECTORY, "", "findahelpline.com"));
}

/* The guide has every required chapter, each with text. */
static void
test_learn_chapters(void **state)
{
	const content *c = *state;
	static const char *const ids[] = {
		"origins", "four-categories", "two-dimensions", "dimensions-vs-types",
		"scoring", "limits", "addiction", "references",
	};
	static const char *const refs[] = {
		"Bowlby, J. (1969)", "Ainsworth, M. D. S.", "Bartholomew, K., & Horowitz, L. M. (1991)",
		"Brennan, K. A., Clark, C. L., & Shaver, P. R. (1998)",
		"Fraley, R. C., Waller, N. G., & Brennan, K. A. (2000)",
		"Fraley, R. C., Hudson, N. W., Heffernan, M. E., & Segal, N. (2015)",
	};
	const content_chapter *ch;
	long r;

	assert_text(content_learn_title(c));
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		if (content_chapter_find(c, ids[i]) < 0)
			fail_msg("chapter '%s' is missing", ids[i]);
	for (size_t i = 0; i < content_nchapters(c); i++) {
		ch = content_chapter_at(c, i);
		assert_text(ch->title);
		assert_true(ch->nparagraphs >= 1);
		for (size_t p = 0; p < ch->nparagraphs; p++)
			assert_text(ch->paragraphs[p]);
	}
	assert_int_equal(content_chapter_find(c, "no-such-chapter"), -1);
	r = content_chapter_find(c, "references");
	ch = content_chapter_at(c, (size_t)r);
	for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
		int found = 0;
		for (size_t p = 0; p < ch->nparagraphs; p++)
			found |= strstr(ch->paragraphs[p], refs[i]) != NULL;
		if (!found)
			fail_msg("reference \"%s\" is missing", refs[i]);
	}
	/* The scoring chapter works a reverse-keyed item through: 8 - 2 = 6. */
	ch = content_chapter_at(c, (size_t)content_chapter_find(c, "scoring"));
	{
		int found = 0;
		for (size_t p = 0; p < ch->nparagraphs; p++)
			found |= strstr(ch->paragraphs[p], "8 - 2 = 6") != NULL;
		assert_true(found);
	}
}

/* Accessors refuse out-of-range indexes. */
static void
test_out_of_range(void **state)
{
	const content *c = *state;

	assert_null(content_style_name(c, -1));
	assert_null(content_style_name(c, STYLE_COUNT));
	assert_null(content_style_text(c, 0, CONTENT_FIELD_COUNT));
	assert_null(content_style_question(c, 0, CONTENT_MAX_QUESTIONS));
	assert_int_equal(content_style_nquestions(c, STYLE_COUNT), 0);
	assert_null(content_dim_text(c, CONTENT_DIM_COUNT, 1));
	assert_null(content_chapter_at(c, content_nchapters(c)));
	assert_null(content_field_key(CONTENT_FIELD_COUNT));
	assert_string_equal(content_field_key(CONTENT_UNDER_STRESS), "under_stress");
	assert_string_equal(content_field_title(CONTENT_SUMMARY), "In short");
	assert_null(content_kind_name(CONTENT_KIND_COUNT));
}

/* A bank's own style texts win; missing ones come from the built-in texts. */
static void
test_bank_overrides(void **state)
{
	const content *c = *state;
	bank_field fields[] = { { "summary", "A bank's own summary." } };
	bank b;

	memset(&b, 0, sizeof b);
	b.styles[STYLE_SECURE].present = 1;
	b.styles[STYLE_SECURE].name = "Settled";
	b.styles[STYLE_SECURE].fields = fields;
	b.styles[STYLE_SECURE].nfields = 1;
	assert_string_equal(content_style_name_for(c, &b, STYLE_SECURE), "Settled");
	assert_string_equal(content_style_text_for(c, &b, STYLE_SECURE, CONTENT_SUMMARY),
	                    "A bank's own summary.");
	assert_ptr_equal(content_style_text_for(c, &b, STYLE_SECURE, CONTENT_GROWTH),
	                 content_style_text(c, STYLE_SECURE, CONTENT_GROWTH));
	assert_ptr_equal(content_style_name_for(c, &b, STYLE_FEARFUL),
	                 content_style_name(c, STYLE_FEARFUL));
	assert_ptr_equal(content_style_name_for(c, NULL, STYLE_ANXIOUS),
	                 content_style_name(c, STYLE_ANXIOUS));
}

/* ---- loader errors, on edited copies of the shipped files ---- */

/* An unknown key in a style is reported at the key. */
static void
test_unknown_key_in_style(void **state)
{
	const char *s = builtin(CONTENT_STYLES_FILE);
	char *t = replace(s, "  - id: secure\n", "  - id: secure\n    colour: blue\n");

	(void)state;
	expect_error(CONTENT_STYLES_FILE, t, line_of(s, "  - id: secure\n") + 1, 5,
	             "unknown key 'colour' in a style");
	free(t);
}

/* A missing field is reported at the style's mapping. */
static void
test_missing_field(void **state)
{
	const char *s = builtin(CONTENT_STYLES_FILE);
	char *t = replace(s, "    short: Secure\n", "");

	(void)state;
	expect_error(CONTENT_STYLES_FILE, t, line_of(s, "  - id: secure\n"), 5,
	             "style 'secure' is missing 'short'");
	free(t);
}

/* An empty field is reported at its value. */
static void
test_empty_field(void **state)
{
	const char *s = builtin(CONTENT_STYLES_FILE);
	char *t = replace(s, "    short: Secure\n", "    short: \"\"\n");

	(void)state;
	expect_error(CONTENT_STYLES_FILE, t, line_of(s, "    short: Secure\n"), 12,
	             "'short' in style 'secure' is empty");
	free(t);
}

/* A style listed twice leaves another one missing: both are reported. */
static void
test_missing_style(void **state)
{
	const char *s = builtin(CONTENT_STYLES_FILE);
	char *t = replace(s, "  - id: fearful-avoidant\n", "  - id: secure\n");

	(void)state;
	expect_error(CONTENT_STYLES_FILE, t, line_of(s, "  - id: fearful-avoidant\n"), 9,
	             "style 'secure' appears twice");
	expect_error(CONTENT_STYLES_FILE, t, 0, 0, "style 'fearful-avoidant' is missing");
	free(t);
}

/* Escape sequences written as YAML escapes are refused. */
static void
test_control_character(void **state)
{
	const char *s = builtin(CONTENT_STYLES_FILE);
	char *t = replace(s, "    short: Secure\n", "    short: \"Sec\\e[2Jure\"\n");

	(void)state;
	expect_error(CONTENT_STYLES_FILE, t, line_of(s, "    short: Secure\n"), 12,
	             "control character");
	free(t);
}

/* Duplicate mapping keys make the file invalid. */
static void
test_duplicate_key(void **state)
{
	const char *s = builtin(CONTENT_STYLES_FILE);
	char *t = replace(s, "  - id: secure\n", "  - id: secure\n    name: Again\n");

	(void)state;
	expect_error(CONTENT_STYLES_FILE, t, line_of(s, "    name: Secure\n") + 1, 5,
	             "duplicate key 'name'");
	free(t);
}

/* A resource of an unknown kind, an unknown key and a missing contact are all reported. */
static void
test_resource_errors(void **state)
{
	const char *s = builtin(CONTENT_RESOURCES_FILE);
	char *t1 = replace(s, "  - kind: emergency\n", "  - kind: hotline\n");
	char *t2 = replace(s, "  - kind: crisis\n", "  - kind: crisis\n    phone: 123\n");
	char *t3 = replace(s, "    contact: 116 123\n", "");

	(void)state;
	expect_error(CONTENT_RESOURCES_FILE, t1, line_of(s, "  - kind: emergency\n"), 11,
	             "unknown kind in resource 1");
	expect_error(CONTENT_RESOURCES_FILE, t2, line_of(s, "  - kind: crisis\n") + 1, 5,
	             "unknown key 'phone'");
	expect_error(CONTENT_RESOURCES_FILE, t3, 0, 0, "is missing 'contact'");
	free(t1);
	free(t2);
	free(t3);
}

/* An empty resource list is refused: there must always be somewhere to turn. */
static void
test_no_resources(void **state)
{
	const char *s = builtin(CONTENT_RESOURCES_FILE);
	const char *p = strstr(s, "\nresources:\n");
	char *t;

	(void)state;
	assert_non_null(p);
	t = xstrndup(s, (size_t)(p - s) + 1);
	t = xrealloc(t, strlen(t) + 20);
	strcat(t, "resources: []\n");
	expect_error(CONTENT_RESOURCES_FILE, t, line_of(s, "\nresources:\n") + 1, 12,
	             "'resources' in the file is empty");
	free(t);
}

/* Learn: unknown chapter key, duplicate chapter id, anchors, wrong version. */
static void
test_learn_errors(void **state)
{
	const char *s = builtin(CONTENT_LEARN_FILE);
	char *t1 = replace(s, "  - id: origins\n", "  - id: origins\n    subtitle: x\n");
	char *t2 = replace(s, "  - id: limits\n", "  - id: origins\n");
	char *t3 = replace(s, "title: Understanding", "title: &t Understanding");
	char *t4 = replace(s, "\nsecurebase: 1\n", "\nsecurebase: 2\n");

	(void)state;
	expect_error(CONTENT_LEARN_FILE, t1, line_of(s, "  - id: origins\n") + 1, 5,
	             "unknown key 'subtitle' in chapter 1");
	expect_error(CONTENT_LEARN_FILE, t2, line_of(s, "  - id: limits\n"), 9,
	             "chapter id 'origins' is used twice");
	expect_error(CONTENT_LEARN_FILE, t3, line_of(s, "title: Understanding"), 8, "not allowed");
	expect_error(CONTENT_LEARN_FILE, t4, line_of(s, "\nsecurebase: 1\n") + 1, 13,
	             "unsupported format version");
	free(t1);
	free(t2);
	free(t3);
	free(t4);
}

/* Problems in several files are all reported in one load. */
static void
test_all_files_reported(void **state)
{
	char *st = replace(builtin(CONTENT_STYLES_FILE), "    short: Secure\n", "");
	char *le = replace(builtin(CONTENT_LEARN_FILE), "  - id: origins\n",
	                   "  - id: origins\n    subtitle: x\n");
	content_source src[3] = {
		{ "s.yaml", st, strlen(st) },
		{ "r.yaml", builtin(CONTENT_RESOURCES_FILE), strlen(builtin(CONTENT_RESOURCES_FILE)) },
		{ "l.yaml", le, strlen(le) },
	};
	errlist e;
	content *c = NULL;

	(void)state;
	errlist_init(&e);
	assert_int_equal(content_load_mem(&c, &src[0], &src[1], &src[2], &e), 65);
	assert_null(c);
	assert_true(has_error(&e, "s.yaml", 0, 0, "missing 'short'"));
	assert_true(has_error(&e, "l.yaml", 0, 0, "unknown key 'subtitle'"));
	assert_false(has_error(&e, "r.yaml", 0, 0, ""));
	errlist_free(&e);
	free(st);
	free(le);
}

/* ---- content_load_dir: a clinic's edited copy ---- */

/* Write text to dir/name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	free(path);
}

/* Remove dir/name (a file or an empty directory). */
static void
remove_entry(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);

	remove(path);
	free(path);
}

/* An edited file in the directory replaces the built-in one; the others stay. */
static void
test_load_dir(void **state)
{
	const content *builtin_c = *state;
	char dir[] = "/tmp/sb-content-XXXXXX";
	char *res = replace(builtin(CONTENT_RESOURCES_FILE), "\nresources:\n",
	                    "\nresources:\n  - kind: local\n    region: Our town\n"
	                    "    name: Our clinic\n    contact: 555 0100\n");
	char *bad = replace(builtin(CONTENT_STYLES_FILE), "    short: Secure\n", "");
	char *path;
	errlist e;
	content *c = NULL;

	assert_non_null(mkdtemp(dir));
	errlist_init(&e);
	write_file(dir, CONTENT_RESOURCES_FILE, res);
	assert_int_equal(content_load_dir(&c, dir, &e), 0);
	assert_int_equal(e.n, 0);
	assert_int_equal(content_nresources(c), content_nresources(builtin_c) + 1);
	assert_string_equal(content_resource_at(c, 0)->name, "Our clinic");
	assert_int_equal(content_resource_at(c, 0)->kind, CONTENT_LOCAL);
	assert_null(content_resource_at(c, 0)->note);
	assert_string_equal(content_style_text(c, STYLE_FEARFUL, CONTENT_GROWTH),
	                    content_style_text(builtin_c, STYLE_FEARFUL, CONTENT_GROWTH));
	content_free(c);

	/* An invalid edited file: 65, reported under its path. */
	write_file(dir, CONTENT_STYLES_FILE, bad);
	assert_int_equal(content_load_dir(&c, dir, &e), 65);
	assert_null(c);
	path = xasprintf("%s/%s", dir, CONTENT_STYLES_FILE);
	assert_true(has_error(&e, path, 0, 0, "missing 'short'"));
	free(path);
	remove_entry(dir, CONTENT_STYLES_FILE);
	errlist_free(&e);

	/* A file that exists but cannot be read: 66. */
	path = xasprintf("%s/%s", dir, CONTENT_LEARN_FILE);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(content_load_dir(&c, dir, &e), 66);
	assert_null(c);
	assert_true(has_error(&e, path, 0, 0, "cannot read"));
	free(path);
	errlist_free(&e);

	remove_entry(dir, CONTENT_LEARN_FILE);
	remove_entry(dir, CONTENT_RESOURCES_FILE);
	assert_int_equal(rmdir(dir), 0);
	free(res);
	free(bad);
}

/* ---- the shipped banks ---- */

/* Load an embedded bank, failing with its records if it is invalid. */
static bank *
load_bank(const embed_file *f)
{
	errlist e;
	bank *b = NULL;

	errlist_init(&e);
	if (bank_load_mem(&b, f->path, f->data, f->size, &e) != 0) {
		errlist_print(&e, stderr);
		fail_msg("%s does not load", f->path);
	}
	errlist_free(&e);
	return b;
}

/* Does any example give a scale a score exactly on its cutoff? */
static int
example_on_cutoff(const bank *b)
{
	for (size_t i = 0; i < b->nexamples; i++)
		for (size_t j = 0; j < b->examples[i].nexpect; j++) {
			const bank_expect *x = &b->examples[i].expect[j];
			if (!x->is_style && !x->is_null && x->value == b->scales[x->scale].cutoff)
				return 1;
		}
	return 0;
}

/* Does any example answer a reverse-keyed item off the middle of its range? */
static int
example_reverse_matters(const bank *b)
{
	for (size_t i = 0; i < b->nexamples; i++)
		for (size_t k = 0; k < b->nitems; k++) {
			const bank_item *it = &b->items[k];
			int a = b->examples[i].answers[k];
			if (a == BANK_NO_ANSWER || it->type != ITEM_LIKERT)
				continue;
			for (size_t j = 0; j < it->nkeys; j++)
				if (it->keys[j].sign < 0 && 2 * a != it->range->min + it->range->max)
					return 1;
		}
	return 0;
}

/* Score every example with score.c and compare with what the bank expects. */
static void
run_examples(const bank *b)
{
	score_result r;
	char got[160];

	assert_true(b->nexamples >= 4);
	score_result_init(&r, b);
	for (size_t i = 0; i < b->nexamples; i++) {
		const bank_example *ex = &b->examples[i];
		score_compute(b, ex->answers, &r);
		for (size_t j = 0; j < ex->nexpect; j++) {
			const bank_expect *x = &ex->expect[j];
			if (x->is_style) {
				score_style_string(r.style_mask, got, sizeof got);
				if (strcmp(got, x->is_null ? "" : x->style) != 0)
					fail_msg("%s:%lu: style %s, expected %s", b->file, x->line, got,
					         x->is_null ? "none" : x->style);
			} else if (x->is_null) {
				assert_false(r.scales[x->scale].has_score);
			} else if (!r.scales[x->scale].has_score ||
			           fabs(r.scales[x->scale].score - x->value) > 1e-9) {
				fail_msg("%s:%lu: scale %s scored %g, expected %g", b->file, x->line,
				         b->scales[x->scale].id, r.scales[x->scale].score, x->value);
			}
		}
	}
	score_result_free(&r);
}

/* Likert items keyed to scale sc, and how many of them are reverse-keyed. */
static void
count_keys(const bank *b, size_t sc, size_t *n, size_t *rev)
{
	*n = *rev = 0;
	for (size_t i = 0; i < b->nitems; i++)
		for (size_t j = 0; j < b->items[i].nkeys; j++)
			if (b->items[i].type == ITEM_LIKERT && b->items[i].keys[j].scale == sc) {
				++*n;
				*rev += b->items[i].keys[j].sign < 0;
			}
}

/*
 * What is unbalanced about a quadrant bank's two axes, or NULL: they must have
 * the same number of items, and about a third of each reverse-keyed (0.2 to
 * 0.45, differing by at most 0.1).
 */
static const char *
unbalanced(const bank *b)
{
	size_t nx, rx, nv, rv;
	double px, pv;

	count_keys(b, b->anxiety, &nx, &rx);
	count_keys(b, b->avoidance, &nv, &rv);
	if (nx != nv || nx == 0)
		return "the two axes have different item counts";
	px = (double)rx / (double)nx;
	pv = (double)rv / (double)nv;
	if (fabs(px - pv) > 0.1)
		return "the reverse-keyed proportions of the two axes differ";
	if (px < 0.2 || px > 0.45 || pv < 0.2 || pv > 0.45)
		return "an axis is not about a third reverse-keyed";
	return NULL;
}

/* Fail when a quadrant bank's axes are unbalanced. */
static void
check_balance(const bank *b)
{
	const char *why = unbalanced(b);

	if (why)
		fail_msg("%s: %s", b->file, why);
}

/* What every bank in data/banks shares: texts, source note, examples that hold. */
static void
check_common(const bank *b)
{
	assert_text(b->title);
	assert_non_null(b->instructions);
	assert_true(has_word(b->instructions, "not a diagnosis"));
	assert_non_null(b->source);
	assert_true(has_word(b->source, "original self-reflection bank"));
	assert_true(has_word(b->source, "no published norms"));
	for (size_t i = 0; i < b->nitems; i++)
		assert_text(b->items[i].text);
	for (size_t s = 0; s < b->nscales; s++)
		assert_false(b->scales[s].has_norm);
	run_examples(b);
	assert_true(example_on_cutoff(b) || b->method == CLASSIFY_HIGHEST);
	assert_true(example_reverse_matters(b) || b->method == CLASSIFY_HIGHEST);
}

/* The core bank: 24-36 items, balanced, three reflection prompts at the end. */
static void
check_core(const bank *b)
{
	size_t ntext = b->nitems - b->nlikert;

	assert_int_equal(b->method, CLASSIFY_QUADRANT);
	assert_in_range(b->nlikert, 24, 36);
	assert_int_equal(ntext, 3);
	for (size_t i = b->nlikert; i < b->nitems; i++)
		assert_int_equal(b->items[i].type, ITEM_TEXT);
	{
		int coping = 0;
		for (size_t i = b->nlikert; i < b->nitems; i++)
			coping |= has_word(b->items[i].text, "alcohol") && has_word(b->items[i].text, "drugs");
		assert_true(coping);
	}
	assert_non_null(bank_range_label(&b->range, 1));
	assert_non_null(bank_range_label(&b->range, 7));
	check_balance(b);
}

/* Every bank in data/banks loads, and meets its content rules. */
static void
test_shipped_banks(void **state)
{
	int seen_core = 0, seen_quick = 0, seen_proto = 0;

	(void)state;
	for (size_t i = 0; i < embed_count(); i++) {
		const embed_file *f = embed_at(i);
		bank *b;
		if (strncmp(f->path, "banks/", 6) != 0)
			continue;
		b = load_bank(f);
		check_common(b);
		if (strcmp(b->id, "core") == 0) {
			seen_core = 1;
			check_core(b);
		} else if (strcmp(b->id, "quick") == 0) {
			seen_quick = 1;
			assert_int_equal(b->nlikert, 12);
			assert_int_equal(b->method, CLASSIFY_QUADRANT);
			check_balance(b);
		} else if (strcmp(b->id, "prototypes") == 0) {
			seen_proto = 1;
			assert_int_equal(b->method, CLASSIFY_HIGHEST);
			assert_int_equal(b->nlikert, 4);
		} else if (b->method == CLASSIFY_QUADRANT) {
			check_balance(b);
		}
		bank_free(b);
	}
	assert_true(seen_core && seen_quick && seen_proto);
}

/* Load the core bank with edits (pairs of old, new text) and return what is unbalanced. */
static const char *
unbalanced_core(const char *const *edits, size_t nedits)
{
	char *t = xstrdup(builtin("banks/core.yaml"));
	const char *why;
	errlist e;
	bank *b = NULL;

	for (size_t i = 0; i + 1 < 2 * nedits; i += 2) {
		char *u = replace(t, edits[i], edits[i + 1]);
		free(t);
		t = u;
	}
	errlist_init(&e);
	if (bank_load_mem(&b, "edited.yaml", t, strlen(t), &e) != 0) {
		errlist_print(&e, stderr);
		fail_msg("the edited core bank does not load");
	}
	why = unbalanced(b);
	bank_free(b);
	errlist_free(&e);
	free(t);
	return why;
}

#define AVO(text) "    text: " text "\n    scale: avoidance\n"
#define AVO_REV(text) AVO(text) "    reverse: true\n"

/* The balance check catches unequal item counts and unequal reverse keying. */
static void
test_balance_check_catches(void **state)
{
	static const char *const moved[] = {
		AVO("I think it is safer not to need anyone."),
		"    text: I think it is safer not to need anyone.\n    scale: anxiety\n",
	};
	static const char *const one_more[] = {
		AVO("I think it is safer not to need anyone."),
		AVO_REV("I think it is safer not to need anyone."),
	};
	static const char *const three_more[] = {
		AVO("I think it is safer not to need anyone."),
		AVO_REV("I think it is safer not to need anyone."),
		AVO("I do not like having to count on other people."),
		AVO_REV("I do not like having to count on other people."),
		AVO("When a relationship starts to ask a lot of me, I feel trapped."),
		AVO_REV("When a relationship starts to ask a lot of me, I feel trapped."),
	};
	const char *why;

	(void)state;
	assert_null(unbalanced_core(NULL, 0));
	/* One avoidance item keyed to anxiety instead: 16 items against 14. */
	why = unbalanced_core(moved, 1);
	assert_non_null(why);
	assert_non_null(strstr(why, "item counts"));
	/* 6/15 reverse-keyed against 5/15 is still about a third on both. */
	assert_null(unbalanced_core(one_more, 1));
	/* 8/15 against 5/15 is not. */
	why = unbalanced_core(three_more, 3);
	assert_non_null(why);
	assert_non_null(strstr(why, "reverse-keyed"));
}

/* Every other bundled key (data/keys) at least loads. */
static void
test_bundled_keys_load(void **state)
{
	(void)state;
	for (size_t i = 0; i < embed_count(); i++) {
		const embed_file *f = embed_at(i);
		size_t n = strlen(f->path);
		if (strncmp(f->path, "keys/", 5) == 0 && n > 5 && strcmp(f->path + n - 5, ".yaml") == 0)
			bank_free(load_bank(f));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_loads_cleanly),
		cmocka_unit_test(test_styles_complete),
		cmocka_unit_test(test_dimensions_and_notes),
		cmocka_unit_test(test_disclaimer),
		cmocka_unit_test(test_resources),
		cmocka_unit_test(test_learn_chapters),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_bank_overrides),
		cmocka_unit_test(test_unknown_key_in_style),
		cmocka_unit_test(test_missing_field),
		cmocka_unit_test(test_empty_field),
		cmocka_unit_test(test_missing_style),
		cmocka_unit_test(test_control_character),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_resource_errors),
		cmocka_unit_test(test_no_resources),
		cmocka_unit_test(test_learn_errors),
		cmocka_unit_test(test_all_files_reported),
		cmocka_unit_test(test_load_dir),
		cmocka_unit_test(test_shipped_banks),
		cmocka_unit_test(test_balance_check_catches),
		cmocka_unit_test(test_bundled_keys_load),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
