/* test_loader.c - the bank loader (bank.h): corpora of invalid and valid banks, the model. */
#define _POSIX_C_SOURCE 200809L            /* mkstemp, popen */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../src/bank_int.h"
#include "bank.h"
#include "check.h"
#include "err.h"
#include "xmalloc.h"

#define INVALID_DIR TEST_SRCDIR "/tests/banks/invalid"
#define VALID_DIR TEST_SRCDIR "/tests/banks/valid"

/* ---- helpers ---------------------------------------------------------- */

/* Read a whole file into a malloc'd buffer. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* Does errs hold a record at line:col whose message contains frag? */
static int
has_record(const errlist *errs, unsigned long line, unsigned long col, const char *frag)
{
	for (size_t i = 0; i < errs->n; i++)
		if (errs->v[i].line == line && errs->v[i].col == col &&
		    strstr(errs->v[i].msg, frag))
			return 1;
	return 0;
}

/* Print every record (for a failing assertion's context). */
static void
dump(const errlist *errs)
{
	errlist_print(errs, stderr);
}

/* Load text as a bank named "t.yaml"; returns the status, records in errs. */
static int
load_text(const char *text, bank **b, errlist *errs)
{
	return bank_load_mem(b, "t.yaml", text, strlen(text), errs);
}

/* ---- the invalid corpus ------------------------------------------------ */

typedef struct expect_line {
	char file[128];
	unsigned long line, col;
	char frag[256];
} expect_line;

/* Parse tests/banks/invalid/EXPECT into a malloc'd array. */
static expect_line *
read_expect(size_t *n)
{
	FILE *fp = fopen(INVALID_DIR "/EXPECT", "r");
	char buf[512];
	expect_line *v = NULL;
	size_t cap = 0;

	assert_non_null(fp);
	*n = 0;
	while (fgets(buf, sizeof buf, fp)) {
		expect_line e;
		int off = 0;
		buf[strcspn(buf, "\n")] = '\0';
		if (buf[0] == '#' || buf[0] == '\0')
			continue;
		assert_int_equal(sscanf(buf, "%127[^:]:%lu:%lu: %n", e.file, &e.line, &e.col, &off), 3);
		assert_true(off > 0);
		snprintf(e.frag, sizeof e.frag, "%s", buf + off);
		if (*n == cap)
			v = xreallocarray(v, cap = cap ? cap * 2 : 64, sizeof *v);
		v[(*n)++] = e;
	}
	fclose(fp);
	return v;
}

/* Every record of every file in the invalid corpus, exactly. */
static void
test_invalid_corpus(void **state)
{
	size_t n, files = 0;
	expect_line *ex = read_expect(&n);

	(void)state;
	for (size_t i = 0; i < n;) {
		char path[512];
		errlist errs;
		bank *b = (bank *)1;
		size_t j = i;
		int rc;

		while (j < n && strcmp(ex[j].file, ex[i].file) == 0)
			j++;
		snprintf(path, sizeof path, "%s/%s", INVALID_DIR, ex[i].file);
		errlist_init(&errs);
		rc = check_file(path, &errs);
		if (rc != 65 || errs.n != j - i) {
			fprintf(stderr, "%s: status %d, %zu records, expected 65 and %zu:\n",
			        ex[i].file, rc, errs.n, j - i);
			dump(&errs);
		}
		assert_int_equal(rc, 65);
		assert_int_equal(errs.n, j - i);
		for (size_t k = i; k < j; k++) {
			if (!has_record(&errs, ex[k].line, ex[k].col, ex[k].frag)) {
				fprintf(stderr, "missing %s:%lu:%lu: %s\n", ex[k].file, ex[k].line,
				        ex[k].col, ex[k].frag);
				dump(&errs);
			}
			assert_true(has_record(&errs, ex[k].line, ex[k].col, ex[k].frag));
		}
		for (size_t k = 0; k < errs.n; k++)
			assert_string_equal(errs.v[k].file, path);
		errlist_free(&errs);
		/* Only the mismatch-* files pass the loader (they fail their examples). */
		rc = bank_load_file(&b, path, &errs);
		if (strncmp(ex[i].file, "mismatch-", 9) == 0) {
			assert_int_equal(rc, 0);
			bank_free(b);
		} else {
			assert_int_equal(rc, 65);
			assert_null(b);
		}
		errlist_free(&errs);
		files++;
		i = j;
	}
	assert_true(files >= 40);
	free(ex);
}

/* Every .yaml file of the invalid corpus has an EXPECT entry. */
static void
test_invalid_corpus_listed(void **state)
{
	size_t n, count = 0;
	expect_line *ex = read_expect(&n);
	DIR *d = opendir(INVALID_DIR);
	struct dirent *de;

	(void)state;
	assert_non_null(d);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name), k;
		if (len < 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		for (k = 0; k < n && strcmp(ex[k].file, de->d_name) != 0; k++)
			;
		if (k == n)
			fprintf(stderr, "%s has no EXPECT line\n", de->d_name);
		assert_true(k < n);
		count++;
	}
	closedir(d);
	assert_true(count >= 40);
	free(ex);
}

/* ---- valid banks -------------------------------------------------------- */

/* Load every .yaml in dir: valid, with examples that agree. Returns the count. */
static size_t
check_valid_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t count = 0;

	assert_non_null(d);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		char path[512];
		errlist errs;
		int rc;
		if (len < 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		errlist_init(&errs);
		rc = check_file(path, &errs);
		if (rc != 0)
			dump(&errs);
		assert_int_equal(rc, 0);
		assert_int_equal(errs.n, 0);
		errlist_free(&errs);
		count++;
	}
	closedir(d);
	return count;
}

static void
test_valid_corpus(void **state)
{
	(void)state;
	assert_true(check_valid_dir(VALID_DIR) >= 4);
	assert_true(check_valid_dir(TEST_SRCDIR "/data/banks") >= 1);
	assert_true(check_valid_dir(TEST_SRCDIR "/data/keys") >= 1);
}

/* FNV-1a 64 of a buffer, written independently of bank.c. */
static void
fnv_hex(const char *buf, size_t len, char out[17])
{
	unsigned long long h = 14695981039346656037ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)buf[i]) * 1099511628211ull;
	snprintf(out, 17, "%016llx", h);
}

/* Every optional key of a quadrant bank lands in the model. */
static void
test_model_quadrant(void **state)
{
	const char *path = VALID_DIR "/full-quadrant.yaml";
	errlist errs = { 0 };
	size_t len;
	char *raw = slurp(path, &len), hash[17];
	bank *b;
	const bank_item *v1, *v2, *note;
	long ia, iv, io;

	(void)state;
	assert_int_equal(bank_load_file(&b, path, &errs), 0);
	assert_int_equal(errs.n, 0);
	fnv_hex(raw, len, hash);
	assert_string_equal(b->hash, hash);
	assert_string_equal(b->file, path);
	assert_string_equal(b->id, "full-quadrant");
	assert_string_equal(b->title, "Every key: quadrant");
	assert_string_equal(b->version, "2.1");
	assert_string_equal(b->language, "de-CH");
	assert_string_equal(b->source, "Written for the securebase test-suite; not a real questionnaire.\n");
	assert_string_equal(b->instructions, "Answer each item; skip any you like.");
	assert_int_equal(b->range.min, 1);
	assert_int_equal(b->range.max, 7);
	assert_int_equal(b->range.nlabels, 3);
	assert_string_equal(bank_range_label(&b->range, 4), "Neither");
	assert_string_equal(bank_range_label(&b->range, 7), "Strongly agree");
	assert_null(bank_range_label(&b->range, 5));

	assert_int_equal(b->nscales, 3);
	ia = bank_scale_index(b, "anxiety");
	iv = bank_scale_index(b, "avoidance");
	io = bank_scale_index(b, "other.scale_2");
	assert_int_equal(ia, 0);
	assert_int_equal(iv, 1);
	assert_int_equal(io, 2);
	assert_int_equal(bank_scale_index(b, "anxeity"), -1);
	assert_string_equal(b->scales[0].name, "Attachment anxiety");
	assert_string_equal(b->scales[0].description, "Worry about closeness.");
	assert_true(b->scales[0].cutoff == 4.5);
	assert_true(b->scales[0].has_norm);
	assert_true(b->scales[0].norm_mean == 3.6 && b->scales[0].norm_sd == 1.1);
	assert_string_equal(b->scales[0].norm_source, "Invented for the tests");
	assert_int_equal(b->scales[0].min_answered, 2);
	assert_int_equal(b->scales[0].nitems, 3);
	assert_int_equal(b->scales[0].line, 16);
	assert_int_equal(b->scales[0].col, 5);
	assert_null(b->scales[1].description);
	assert_false(b->scales[1].has_norm);
	assert_true(b->scales[1].cutoff == 4.0);          /* (1 + 7) / 2 */
	assert_int_equal(b->scales[1].nitems, 2);
	assert_int_equal(b->scales[1].min_answered, 1);   /* ceil(2 / 2) */
	assert_true(b->scales[2].cutoff == 2.0);
	assert_int_equal(b->scales[2].nitems, 2);

	assert_int_equal(b->nitems, 7);
	assert_int_equal(b->nlikert, 6);
	assert_int_equal(bank_item_index(b, "a1"), 0);
	assert_int_equal(bank_item_index(b, "l1"), 6);
	assert_int_equal(bank_item_index(b, "zz"), -1);
	assert_string_equal(b->items[0].text, "I worry that people will leave.");
	assert_null(b->items[2].text);
	assert_int_equal(b->items[1].nkeys, 1);
	assert_int_equal(b->items[1].keys[0].sign, -1);
	assert_int_equal(b->items[2].keys[0].sign, 1);    /* reverse: false */
	v1 = &b->items[bank_item_index(b, "v1")];
	assert_int_equal(v1->nkeys, 2);
	assert_int_equal(v1->keys[0].scale, (size_t)iv);
	assert_int_equal(v1->keys[0].sign, 1);
	assert_int_equal(v1->keys[1].scale, (size_t)io);
	assert_int_equal(v1->keys[1].sign, -1);
	assert_ptr_equal(v1->range, &b->range);
	v2 = &b->items[bank_item_index(b, "v2")];
	assert_int_equal(v2->range->min, 0);
	assert_int_equal(v2->range->max, 4);
	assert_string_equal(bank_range_label(v2->range, 0), "Never");
	note = &b->items[bank_item_index(b, "note")];
	assert_int_equal(note->type, ITEM_TEXT);
	assert_int_equal(note->nkeys, 0);
	assert_int_equal(b->items[6].type, ITEM_LIKERT);
	assert_int_equal(b->items[0].line, 39);
	assert_int_equal(b->items[0].col, 5);

	assert_int_equal(b->method, CLASSIFY_QUADRANT);
	assert_int_equal(b->anxiety, (size_t)ia);
	assert_int_equal(b->avoidance, (size_t)iv);
	assert_true(b->styles[STYLE_SECURE].present);
	assert_string_equal(b->styles[STYLE_SECURE].name, "Secure base");
	assert_int_equal(b->styles[STYLE_SECURE].nfields, 2);
	assert_string_equal(b->styles[STYLE_SECURE].fields[0].key, "summary");
	assert_string_equal(bank_style_field(b, STYLE_SECURE, "detail"), "A longer explanation.");
	assert_null(bank_style_field(b, STYLE_SECURE, "nothing"));
	assert_true(b->styles[STYLE_FEARFUL].present);
	assert_null(b->styles[STYLE_FEARFUL].name);
	assert_false(b->styles[STYLE_ANXIOUS].present);
	assert_null(bank_style_field(b, STYLE_ANXIOUS, "summary"));
	assert_null(bank_style_field(b, 9, "summary"));

	assert_int_equal(b->nexamples, 4);
	assert_int_equal(b->examples[0].answers[0], 7);
	assert_int_equal(b->examples[0].answers[bank_item_index(b, "note")], BANK_NO_ANSWER);
	assert_int_equal(b->examples[1].answers[1], BANK_NO_ANSWER);     /* a2: null */
	assert_int_equal(b->examples[1].answers[2], BANK_NO_ANSWER);     /* a3 not given */
	assert_int_equal(b->examples[0].nexpect, 4);
	assert_false(b->examples[0].expect[0].is_style);
	assert_int_equal(b->examples[0].expect[0].scale, (size_t)ia);
	assert_true(fabs(b->examples[0].expect[0].value - 6.3333) < 1e-12);
	assert_true(b->examples[0].expect[3].is_style);
	assert_string_equal(b->examples[0].expect[3].style, "anxious-preoccupied");
	assert_int_equal(b->examples[0].expect[3].style_mask, 1u << STYLE_ANXIOUS);
	assert_true(b->examples[1].expect[0].is_null);
	assert_true(b->examples[1].expect[3].is_null && b->examples[1].expect[3].is_style);
	assert_int_equal(b->examples[1].expect[3].style_mask, 0);
	assert_int_equal(b->examples[0].line, 67);
	assert_int_equal(b->examples[0].expect[0].line, 68);
	assert_int_equal(b->examples[0].expect[0].col, 14);
	bank_free(b);
	free(raw);
}

/* BANK_LOAD_NO_HASH: the same bank, without its content hash. */
static void
test_load_no_hash(void **state)
{
	errlist errs = { 0 };
	bank *a, *b;
	size_t len;
	char *raw = slurp(VALID_DIR "/full-quadrant.yaml", &len);

	(void)state;
	assert_int_equal(bank_load_file_ex(&a, VALID_DIR "/full-quadrant.yaml", BANK_LOAD_NO_HASH,
	                                   &errs), 0);
	assert_string_equal(a->hash, "");
	assert_int_equal(bank_load_mem_ex(&b, "m", raw, len, 0, &errs), 0);
	assert_int_equal(strlen(b->hash), 16);
	assert_int_equal(a->nitems, b->nitems);
	assert_string_equal(a->items[3].id, b->items[3].id);
	bank_free(b);
	assert_int_equal(bank_load_file_ex(&b, "/nonexistent/x.yaml", BANK_LOAD_NO_HASH, &errs), 66);
	assert_null(b);
	assert_int_equal(errs.n, 1);
	errlist_free(&errs);
	bank_free(a);
	free(raw);
}

/* Method highest: a scale per style, in style order; ties parse into masks. */
static void
test_model_highest(void **state)
{
	errlist errs = { 0 };
	bank *b;

	(void)state;
	assert_int_equal(bank_load_file(&b, VALID_DIR "/full-highest.yaml", &errs), 0);
	assert_int_equal(b->method, CLASSIFY_HIGHEST);
	for (int s = 0; s < STYLE_COUNT; s++)
		assert_int_equal(b->highest[s], (size_t)s);
	assert_true(b->scales[1].has_norm && b->scales[1].norm_sd == 0.5);
	assert_int_equal(b->examples[1].expect[0].style_mask,
	                 (1u << STYLE_SECURE) | (1u << STYLE_DISMISSIVE));
	assert_string_equal(b->examples[1].expect[0].style, "dismissive-avoidant+secure");
	assert_string_equal(bank_style_field(b, STYLE_FEARFUL, "growth_edge"),
	                    "Learning to trust slowly.");
	bank_free(b);
}

/* Defaults of a bank with only the required keys. */
static void
test_defaults(void **state)
{
	errlist errs = { 0 };
	bank *b;

	(void)state;
	assert_int_equal(bank_load_file(&b, VALID_DIR "/minimal.yaml", &errs), 0);
	assert_string_equal(b->language, "en");
	assert_null(b->version);
	assert_null(b->source);
	assert_null(b->instructions);
	assert_int_equal(b->range.nlabels, 0);
	assert_true(b->scales[0].cutoff == 1.5);
	assert_int_equal(b->scales[0].min_answered, 1);
	for (int s = 0; s < STYLE_COUNT; s++)
		assert_false(b->styles[s].present);
	assert_int_equal(b->nexamples, 0);
	assert_null(b->items[0].text);
	bank_free(b);
}

/* ---- strict values ------------------------------------------------------- */

/* The template for one-value cases: @ is replaced by the value. */
static const char value_template[] =
	"securebase: 1\nid: v\ntitle: V\nresponse_scale: {min: 1, max: 7}\n"
	"scales:\n  - id: x\n    name: X\n    cutoff: @C\n  - id: y\n    name: Y\n"
	"classification: {method: quadrant, anxiety: x, avoidance: y}\n"
	"items:\n  - id: i\n    scale: x\n    reverse: @R\n  - id: j\n    scale: y\n"
	"examples:\n  - answers: {i: @A}\n    expect: {x: null}\n";

/* Fill value_template's @C, @R and @A; NULL keeps the valid default. */
static char *
fill(const char *cutoff, const char *reverse, const char *answer)
{
	char *out = xmalloc(sizeof value_template + 300), *o = out;

	for (const char *p = value_template; *p; p++) {
		const char *v = NULL;
		if (p[0] == '@' && p[1] == 'C')
			v = cutoff ? cutoff : "4";
		else if (p[0] == '@' && p[1] == 'R')
			v = reverse ? reverse : "false";
		else if (p[0] == '@' && p[1] == 'A')
			v = answer ? answer : "null";
		if (v) {
			o += sprintf(o, "%s", v);
			p++;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/* One value case: the status and, when invalid, a message fragment. */
typedef struct value_case {
	const char *cutoff, *reverse, *answer;
	int ok;
	const char *frag;
} value_case;

static const value_case value_cases[] = {
	{ "4", NULL, NULL, 1, NULL },
	{ "4.0", NULL, NULL, 1, NULL },
	{ "+4.5", NULL, NULL, 1, NULL },
	{ "4.", NULL, NULL, 1, NULL },
	{ ".45e1", NULL, NULL, 1, NULL },
	{ "1e0", NULL, NULL, 1, NULL },
	{ "4abc", NULL, NULL, 0, "'cutoff' must be a number, found '4abc'" },
	{ "\"\"", NULL, NULL, 0, "found quoted text \"\"" },
	{ "\"4\"", NULL, NULL, 0, "found quoted text \"4\"" },
	{ "\" 4\"", NULL, NULL, 0, "found quoted text \" 4\"" },
	{ "0x4", NULL, NULL, 0, "must be a number, found '0x4'" },
	{ "1e400", NULL, NULL, 0, "'cutoff' is out of range" },
	{ "-1e400", NULL, NULL, 0, "'cutoff' is out of range" },
	{ ".inf", NULL, NULL, 0, "must be a number" },
	{ ".nan", NULL, NULL, 0, "must be a number" },
	{ "4,5", NULL, NULL, 0, "must be a number" },
	{ "1_0", NULL, NULL, 0, "must be a number" },
	{ "", NULL, NULL, 0, "found an empty value" },
	{ "[4]", NULL, NULL, 0, "found a list" },
	{ "8", NULL, NULL, 0, "'cutoff' 8 is outside the scale's range 1..7" },
	{ "0.99", NULL, NULL, 0, "outside the scale's range" },
	{ "7", NULL, NULL, 1, NULL },
	{ NULL, "true", NULL, 1, NULL },
	{ NULL, "false", NULL, 1, NULL },
	{ NULL, "True", NULL, 0, "'reverse' must be true or false, found 'True'" },
	{ NULL, "yes", NULL, 0, "'reverse' must be true or false" },
	{ NULL, "on", NULL, 0, "'reverse' must be true or false" },
	{ NULL, "1", NULL, 0, "'reverse' must be true or false" },
	{ NULL, "\"true\"", NULL, 0, "found quoted text \"true\"" },
	{ NULL, "~", NULL, 0, "found an empty value" },
	{ NULL, NULL, "4", 1, NULL },
	{ NULL, NULL, "+4", 1, NULL },
	{ NULL, NULL, "1", 1, NULL },
	{ NULL, NULL, "7", 1, NULL },
	{ NULL, NULL, "~", 1, NULL },
	{ NULL, NULL, "0", 0, "answer 0 for item 'i' is outside its scale 1..7" },
	{ NULL, NULL, "8", 0, "answer 8 for item 'i' is outside its scale 1..7" },
	{ NULL, NULL, "-3", 0, "outside its scale" },
	{ NULL, NULL, "4.0", 0, "'i' must be an integer, found '4.0'" },
	{ NULL, NULL, "4abc", 0, "'i' must be an integer, found '4abc'" },
	{ NULL, NULL, "04", 0, "must be an integer, found '04'" },
	{ NULL, NULL, "0x4", 0, "must be an integer, found '0x4'" },
	{ NULL, NULL, "1e400", 0, "must be an integer, found '1e400'" },
	{ NULL, NULL, "99999999999999999999999", 0, "must be between" },
	{ NULL, NULL, "\" 4\"", 0, "found quoted text \" 4\"" },
	{ NULL, NULL, "{a: 1}", 0, "found a mapping" },
};

static void
test_value_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof value_cases / sizeof *value_cases; i++) {
		const value_case *c = &value_cases[i];
		char *text = fill(c->cutoff, c->reverse, c->answer);
		errlist errs = { 0 };
		bank *b;
		int rc = load_text(text, &b, &errs);
		if ((rc == 0) != c->ok || (!c->ok && (errs.n != 1 || !strstr(errs.v[0].msg, c->frag)))) {
			fprintf(stderr, "case %zu (%s|%s|%s): status %d\n", i, c->cutoff ? c->cutoff : "",
			        c->reverse ? c->reverse : "", c->answer ? c->answer : "", rc);
			dump(&errs);
		}
		assert_int_equal(rc == 0, c->ok);
		if (!c->ok) {
			assert_int_equal(errs.n, 1);
			assert_non_null(strstr(errs.v[0].msg, c->frag));
		}
		bank_free(b);
		errlist_free(&errs);
		free(text);
	}
}

/* The number parsers themselves, including exact rounding. */
static void
test_parse_numbers(void **state)
{
	static const struct {
		const char *s;
		int st;
		double v;
	} dec[] = {
		{ "3.6", 0, 3.6 }, { "-0.5", 0, -0.5 }, { "1e2", 0, 100 }, { "1E-2", 0, 0.01 },
		{ "6.1111", 0, 6.1111 }, { "0.1", 0, 0.1 }, { "123456789012345678", 0, 123456789012345678.0 },
		{ "1.00000000000000000001", 0, 1.0 }, { "5e-324", 0, 5e-324 }, { "1e-400", 0, 0 },
		{ "1e400", -3, 0 }, { "e1", -1, 0 }, { "1e", -1, 0 }, { ".", -1, 0 }, { "+", -1, 0 },
		{ "1.2.3", -1, 0 }, { " 1", -1, 0 }, { "1 ", -1, 0 }, { "", -1, 0 }, { "0x10", -1, 0 },
	};
	static const struct {
		const char *s;
		int st;
		long v;
	} ints[] = {
		{ "0", 0, 0 }, { "-0", 0, 0 }, { "+7", 0, 7 }, { "-12", 0, -12 },
		{ "2147483647", 0, 2147483647L }, { "07", -1, 0 }, { "7.0", -2, 0 }, { "1e3", -2, 0 },
		{ "", -1, 0 }, { "-", -1, 0 }, { "4abc", -1, 0 }, { "99999999999999999999", -3, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof dec / sizeof *dec; i++) {
		double v = -1;
		int st = bank_parse_dec(dec[i].s, strlen(dec[i].s), &v);
		if (st != dec[i].st || (st == 0 && v != dec[i].v))
			fprintf(stderr, "dec '%s': %d %.17g\n", dec[i].s, st, v);
		assert_int_equal(st, dec[i].st);
		if (st == 0)
			assert_true(v == dec[i].v);
	}
	for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
		long v = -1;
		int st = bank_parse_int(ints[i].s, strlen(ints[i].s), &v);
		assert_int_equal(st, ints[i].st);
		if (st == 0)
			assert_int_equal(v, ints[i].v);
	}
}

/* ---- whole-file behaviour --------------------------------------------- */

/* All problems of a file come in one run. */
static void
test_all_problems_reported(void **state)
{
	static const char text[] =
		"securebase: 1\n"                                   /* 1 */
		"id: Bad Id\n"                                      /* 2 */
		"title: T\n"                                        /* 3 */
		"response_scale: {min: 1, max: 5, labels: {6: x}}\n"/* 4 */
		"scales:\n"                                         /* 5 */
		"  - id: a\n"                                       /* 6 */
		"    name: A\n"                                     /* 7 */
		"    norm: {mean: 1, sd: 0}\n"                      /* 8 */
		"  - id: b\n"                                       /* 9 */
		"    name: B\n"                                     /* 10 */
		"    cutoff: 9\n"                                   /* 11 */
		"classification: {method: quadrant, anxiety: a, avoidance: c}\n" /* 12 */
		"items:\n"                                          /* 13 */
		"  - {id: i1, scale: a, reverse: no}\n"             /* 14 */
		"  - {id: i1, scale: b}\n"                          /* 15 */
		"  - {id: i3, scale: a, colour: red}\n"             /* 16 */
		"examples:\n"                                       /* 17 */
		"  - answers: {i1: 9, nope: 1}\n"                   /* 18 */
		"    expect: {a: 2, style: calm}\n";                /* 19 */
	static const struct {
		unsigned long line, col;
		const char *frag;
	} want[] = {
		{ 2, 5, "'id' must be lower-case" },
		{ 4, 43, "label 6 is outside the response scale 1..5" },
		{ 8, 25, "'sd' must be greater than 0" },
		{ 11, 13, "'cutoff' 9 is outside the scale's range 1..5" },
		{ 12, 59, "scale 'c' is not defined (scales: a, b)" },
		{ 14, 33, "'reverse' must be true or false, found 'no'" },
		{ 15, 10, "duplicate item id 'i1' (first at line 14)" },
		{ 16, 24, "unknown key 'colour' in an item" },
		{ 18, 19, "answer 9 for item 'i1' is outside its scale 1..5" },
		{ 18, 22, "no item has id 'nope'" },
		{ 19, 27, "unknown style 'calm'" },
	};
	errlist errs = { 0 };
	bank *b;

	(void)state;
	assert_int_equal(load_text(text, &b, &errs), 65);
	assert_null(b);
	errlist_sort(&errs);
	if (errs.n != sizeof want / sizeof *want)
		dump(&errs);
	assert_int_equal(errs.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < errs.n; i++) {
		if (errs.v[i].line != want[i].line || errs.v[i].col != want[i].col ||
		    !strstr(errs.v[i].msg, want[i].frag))
			dump(&errs);
		assert_int_equal(errs.v[i].line, want[i].line);
		assert_int_equal(errs.v[i].col, want[i].col);
		assert_non_null(strstr(errs.v[i].msg, want[i].frag));
	}
	errlist_free(&errs);
}

/* A missing file and a directory are 66 with one record and no position. */
static void
test_unreadable(void **state)
{
	errlist errs = { 0 };
	bank *b = (bank *)1;

	(void)state;
	assert_int_equal(bank_load_file(&b, TEST_SRCDIR "/tests/banks/no-such-file.yaml", &errs), 66);
	assert_null(b);
	assert_int_equal(errs.n, 1);
	assert_int_equal(errs.v[0].line, 0);
	assert_non_null(strstr(errs.v[0].msg, "cannot open"));
	errlist_free(&errs);
	assert_int_equal(bank_load_file(&b, TEST_SRCDIR "/tests/banks", &errs), 66);
	assert_int_equal(errs.n, 1);
	assert_non_null(strstr(errs.v[0].msg, "cannot read"));
	errlist_free(&errs);
}

/* A sparse regular file of size bytes (a hole: nothing is written); its path in path[64]. */
static void
sparse_file(char *path, long size)
{
	FILE *fp;
	int fd;

	snprintf(path, 64, "/tmp/sb-test-loader-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "wb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, size - 1, SEEK_SET), 0);
	assert_int_not_equal(fputc('x', fp), EOF);
	assert_int_equal(fclose(fp), 0);
}

/* A file over BANK_MAX_BYTES is refused at FILE without being read. */
static void
test_too_large_file(void **state)
{
	char path[64];
	errlist errs = { 0 };
	bank *b = (bank *)1;
	FILE *fp;

	(void)state;
	sparse_file(path, (long)BANK_MAX_BYTES + 1);
	assert_int_equal(bank_load_file(&b, path, &errs), 65);
	assert_null(b);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].file, path);
	assert_int_equal(errs.v[0].line, 0);
	assert_string_equal(errs.v[0].msg,
	                    "the file is too large for a bank (more than 1073741824 bytes)");
	errlist_free(&errs);
	/* The same through a stream, named as the caller says. */
	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(bank_load_stream_ex(&b, fp, "<stdin>", 0, &errs), 65);
	assert_int_equal(ftell(fp), 0);            /* not read at all */
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].file, "<stdin>");
	assert_non_null(strstr(errs.v[0].msg, "too large"));
	errlist_free(&errs);
	(void)fclose(fp);
	assert_int_equal(unlink(path), 0);
}

/* Endless and exactly-at-the-limit streams: at most limit + 1 bytes are read. */
static void
test_read_limited(void **state)
{
	FILE *fp = fopen("/dev/zero", "rb");
	char *buf = (char *)1;
	size_t len = 1;

	(void)state;
	assert_non_null(fp);
	assert_int_equal(bank_read_limited(fp, 3u << 20, &buf, &len), 1);
	assert_null(buf);
	assert_int_equal(len, 0);
	(void)fclose(fp);
	for (size_t limit = 99999; limit <= 100001; limit++) {
		fp = popen("head -c 100000 /dev/zero | tr '\\0' a", "r");
		assert_non_null(fp);
		assert_int_equal(bank_read_limited(fp, limit, &buf, &len), limit < 100000);
		if (limit >= 100000) {
			assert_int_equal(len, 100000);
			assert_int_equal(buf[0], 'a');
			assert_int_equal(buf[len - 1], 'a');
			assert_int_equal(buf[len], '\0');
			free(buf);
		}
		(void)pclose(fp);
	}
}

/* Build a bank of n items (plus extra YAML appended to `items`). */
static char *
big_bank(size_t n, const char *extra_items, const char *tail)
{
	size_t cap = 256 + n * 48 + strlen(extra_items) + strlen(tail), o;
	char *s = xmalloc(cap);

	o = (size_t)snprintf(s, cap, "securebase: 1\nid: big\ntitle: Big\n"
	                     "response_scale: {min: 1, max: 5}\n"
	                     "scales: [{id: x, name: X}, {id: y, name: Y}]\n"
	                     "classification: {method: quadrant, anxiety: x, avoidance: y}\n"
	                     "items:\n");
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(s + o, cap - o, "  - {id: q%zu, scale: %c}\n", i,
		                      i % 2 ? 'y' : 'x');
	o += (size_t)snprintf(s + o, cap - o, "%s%s", extra_items, tail);
	return s;
}

/* Duplicate ids among many items are found (through the hash table). */
static void
test_duplicate_in_big_bank(void **state)
{
	char *text = big_bank(50000, "  - {id: q123, scale: x}\n  - {id: q49999, scale: y}\n", "");
	errlist errs = { 0 };
	bank *b;

	(void)state;
	assert_int_equal(load_text(text, &b, &errs), 65);
	assert_int_equal(errs.n, 2);
	assert_int_equal(errs.v[0].line, 7 + 50000 + 1);
	assert_non_null(strstr(errs.v[0].msg, "duplicate item id 'q123' (first at line 131)"));
	assert_non_null(strstr(errs.v[1].msg, "duplicate item id 'q49999'"));
	errlist_free(&errs);
	free(text);
	text = big_bank(50000, "", "");
	assert_int_equal(load_text(text, &b, &errs), 0);
	assert_int_equal(b->nitems, 50000);
	assert_int_equal(bank_item_index(b, "q31337"), 31337);
	assert_int_equal(b->scales[0].min_answered, 12500);
	bank_free(b);
	free(text);
}

/* A flood of one problem, mixed with others: every record, in order, each whole. */
static void
test_problem_flood(void **state)
{
	size_t n = 30000, cap = n * 40 + 256, o;
	char *text = xmalloc(cap);
	errlist errs = { 0 };
	bank *b;

	(void)state;
	o = (size_t)snprintf(text, cap, "securebase: 1\nid: f\ntitle: F\n"
	                     "response_scale: {min: 1, max: 5}\n"
	                     "scales: [{id: x, name: X}, {id: y, name: Y}]\n"
	                     "classification: {method: quadrant, anxiety: x, avoidance: y}\n"
	                     "items:\n  - {id: j, scale: y}\n");
	for (size_t i = 0; i < n; i++)   /* every 100th also names an unknown scale */
		o += (size_t)snprintf(text + o, cap - o, i % 100 ? "  - {id: d, scale: x}\n"
		                      : "  - {id: d, scale: z%zu}\n", i);
	/* One record already in the list stays first. */
	errlist_add(&errs, "other.yaml", 1, 1, "before");
	assert_int_equal(load_text(text, &b, &errs), 65);
	assert_int_equal(errs.n, 1 + (n - 1) + n / 100);
	assert_string_equal(errs.v[0].msg, "before");
	for (size_t i = 1; i < n; i++) {
		const err_rec *e = &errs.v[i];
		assert_string_equal(e->file, "t.yaml");
		assert_int_equal(e->line, 9 + i);
		assert_int_equal(e->col, 10);
		assert_string_equal(e->msg, "item 'd': duplicate item id 'd' (first at line 9)");
	}
	for (size_t k = 0; k < n / 100; k++) {
		char want[128];
		const err_rec *e = &errs.v[n + k];
		if (k == 0)                  /* the first d keeps its id; repeats are named by place */
			snprintf(want, sizeof want, "item 'd': scale 'z0' is not defined (scales: x, y)");
		else
			snprintf(want, sizeof want, "item %zu: scale 'z%zu' is not defined "
			         "(scales: x, y)", 100 * k + 2, 100 * k);
		assert_int_equal(e->line, 9 + 100 * k);
		assert_string_equal(e->msg, want);
	}
	errlist_free(&errs);
	free(text);
}

/* The arena: strings and aligned blocks share chunks without overlapping. */
static void
test_arena(void **state)
{
	arena a;
	char *s[2000];
	long double *d[2000];

	(void)state;
	arena_init(&a);
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < 2000; i++) {
			char txt[16];
			snprintf(txt, sizeof txt, "s%zu", i);
			s[i] = arena_strndup(&a, txt, strlen(txt));
			d[i] = arena_calloc(&a, 1 + i % 3, sizeof **d);
			assert_int_equal((uintptr_t)d[i] % _Alignof(max_align_t), 0);
			assert_true(d[i][0] == 0);
			d[i][0] = (long double)i;
		}
		for (size_t i = 0; i < 2000; i++) {
			char txt[16];
			snprintf(txt, sizeof txt, "s%zu", i);
			assert_string_equal(s[i], txt);
			assert_true(d[i][0] == (long double)i);
		}
		memset(arena_alloc(&a, 100000), 'x', 100000);   /* a big block: a chunk of its own */
		arena_clear(&a);
	}
	arena_free(&a);
	arena_free(&a);
}

/* Examples x items is bounded by the file's size (no blow-up from tiny examples). */
static void
test_examples_memory_bound(void **state)
{
	size_t nex = 40000, cap = nex * 40 + 64, o = 0;
	char *tail = xmalloc(cap), *text;
	errlist errs = { 0 };
	bank *b;

	(void)state;
	o += (size_t)snprintf(tail + o, cap - o, "examples:\n");
	for (size_t i = 0; i < nex; i++)
		o += (size_t)snprintf(tail + o, cap - o, "  - {answers: {}, expect: {x: ~}}\n");
	text = big_bank(20000, "", tail);
	assert_int_equal(load_text(text, &b, &errs), 65);
	assert_int_equal(errs.n, 1);
	assert_non_null(strstr(errs.v[0].msg, "need more memory than a bank of this size may use"));
	errlist_free(&errs);
	free(text);
	free(tail);
}

/* Messages quote file text safely: no raw control characters reach them. */
static void
test_messages_neutralised(void **state)
{
	static const char text[] =
		"securebase: 1\nid: x\ntitle: T\nresponse_scale: {min: 1, max: 5}\n"
		"scales: [{id: x, name: X}, {id: y, name: Y}]\n"
		"classification: {method: quadrant, anxiety: \"\\e[2J\\u009b31m\", avoidance: y}\n"
		"items: [{id: i, scale: x}, {id: j, scale: y}]\n"
		"\"\\e]0;owned\\a\": 1\n";
	errlist errs = { 0 };
	bank *b;

	(void)state;
	assert_int_equal(load_text(text, &b, &errs), 65);
	assert_int_equal(errs.n, 2);
	errlist_sort(&errs);
	for (size_t i = 0; i < errs.n; i++)
		for (const unsigned char *p = (const unsigned char *)errs.v[i].msg; *p; p++) {
			assert_true(*p >= 0x20 && *p != 0x7f);
			assert_false(p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0);
		}
	assert_non_null(strstr(errs.v[0].msg, "scale '\\x1b[2J\\x9b31m' is not defined"));
	assert_non_null(strstr(errs.v[1].msg, "unknown key '\\x1b]0;owned\\x07'"));
	errlist_free(&errs);
}

/* bank_style_id / bank_style_from_id agree, in canonical order. */
static void
test_style_ids(void **state)
{
	static const char *const ids[] = { "secure", "anxious-preoccupied", "dismissive-avoidant",
		                           "fearful-avoidant" };
	(void)state;
	for (int s = 0; s < STYLE_COUNT; s++) {
		assert_string_equal(bank_style_id(s), ids[s]);
		assert_int_equal(bank_style_from_id(ids[s]), s);
	}
	assert_null(bank_style_id(-1));
	assert_null(bank_style_id(STYLE_COUNT));
	assert_int_equal(bank_style_from_id("Secure"), -1);
	assert_int_equal(bank_style_from_id(""), -1);
	bank_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_corpus),
		cmocka_unit_test(test_invalid_corpus_listed),
		cmocka_unit_test(test_valid_corpus),
		cmocka_unit_test(test_model_quadrant),
		cmocka_unit_test(test_model_highest),
		cmocka_unit_test(test_load_no_hash),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_value_table),
		cmocka_unit_test(test_parse_numbers),
		cmocka_unit_test(test_all_problems_reported),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_too_large_file),
		cmocka_unit_test(test_read_limited),
		cmocka_unit_test(test_duplicate_in_big_bank),
		cmocka_unit_test(test_problem_flood),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_examples_memory_bound),
		cmocka_unit_test(test_messages_neutralised),
		cmocka_unit_test(test_style_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
