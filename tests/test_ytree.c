/* test_ytree.c - the YAML tree reader (ytree.h): structure, positions, safety rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "xmalloc.h"
#include "ytree.h"

/* Parse a NUL-terminated text. */
static ytree *
parse(const char *text, errlist *errs)
{
	return ytree_parse("y.yaml", (const unsigned char *)text, strlen(text), errs);
}

/* Structure, kinds and 1-based positions of a small document. */
static void
test_structure(void **state)
{
	static const char text[] =
		"# comment\n"
		"a: 1\n"
		"b:\n"
		"  - x\n"
		"  - 'y'\n"
		"c: {d: \"e\", f: }\n"
		"g: |\n"
		"  block\n";
	errlist errs = { 0 };
	ytree *t = parse(text, &errs);
	const yt_node *r, *b, *c;

	(void)state;
	assert_non_null(t);
	assert_int_equal(errs.n, 0);
	r = ytree_root(t);
	assert_int_equal(r->kind, YT_MAP);
	assert_int_equal(r->n, 4);
	assert_int_equal(r->line, 2);
	assert_int_equal(r->col, 1);
	assert_string_equal(yt_key(r, 0)->str, "a");
	assert_string_equal(yt_val(r, 0)->str, "1");
	assert_true(yt_val(r, 0)->plain);
	assert_int_equal(yt_val(r, 0)->line, 2);
	assert_int_equal(yt_val(r, 0)->col, 4);
	b = yt_get(r, "b");
	assert_non_null(b);
	assert_int_equal(b->kind, YT_SEQ);
	assert_int_equal(b->n, 2);
	assert_int_equal(b->kids[1]->line, 5);
	assert_int_equal(b->kids[1]->col, 5);
	assert_false(b->kids[1]->plain);
	assert_string_equal(b->kids[1]->str, "y");
	c = yt_get(r, "c");
	assert_int_equal(c->kind, YT_MAP);
	assert_int_equal(c->line, 6);
	assert_int_equal(c->col, 4);
	assert_false(yt_get(c, "d")->plain);
	assert_false(yt_is_null(yt_get(c, "d")));
	assert_true(yt_is_null(yt_get(c, "f")));
	assert_string_equal(yt_get(r, "g")->str, "block\n");
	assert_false(yt_get(r, "g")->plain);
	assert_null(yt_get(r, "zz"));
	assert_null(yt_get(b, "x"));
	assert_string_equal(yt_kind_name(r), "a mapping");
	assert_string_equal(yt_kind_name(b), "a list");
	assert_string_equal(yt_kind_name(yt_get(r, "a")), "text");
	assert_string_equal(yt_kind_name(yt_get(c, "f")), "an empty value");
	ytree_free(t);
	ytree_free(NULL);
}

/* Null spellings: only plain ones. */
static void
test_nulls(void **state)
{
	errlist errs = { 0 };
	ytree *t = parse("[~, null, Null, NULL, '', 'null', nul, NULLS]", &errs);
	const yt_node *r = ytree_root(t);
	static const int want[] = { 1, 1, 1, 1, 0, 0, 0, 0 };

	(void)state;
	assert_int_equal(r->n, 8);
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(yt_is_null(r->kids[i]), want[i]);
	ytree_free(t);
}

/* A double-quoted "\0" makes a scalar with an inner NUL: len tells. */
static void
test_inner_nul(void **state)
{
	errlist errs = { 0 };
	ytree *t = parse("k: \"a\\0b\"\n", &errs);
	const yt_node *v = yt_val(ytree_root(t), 0);

	(void)state;
	assert_int_equal(v->len, 3);
	assert_int_equal(v->str[1], '\0');
	ytree_free(t);
}

/* One case that must fail: text, and the record expected. */
typedef struct bad_case {
	const char *text;
	size_t len;                 /* 0: strlen */
	int tree;                   /* a tree is still returned */
	unsigned long line, col;
	const char *frag;
} bad_case;

static const bad_case bad_cases[] = {
	{ "", 0, 0, 1, 1, "the file is empty" },
	{ "# only a comment\n", 0, 0, 1, 1, "the file is empty" },
	{ "a: &x 1\nb: 2\n", 0, 0, 1, 4, "anchors (&name) are not allowed" },
	{ "a: 1\nb: *x\n", 0, 0, 2, 4, "aliases (*name) are not allowed" },
	{ "- &s [1]\n", 0, 0, 1, 3, "anchors" },
	{ "&m {a: 1}\n", 0, 0, 1, 1, "anchors" },
	{ "a: 1\n---\nb: 2\n", 0, 0, 2, 1, "a bank is one YAML document" },
	{ "a: [1, 2\n", 0, 0, 2, 1, "YAML syntax error" },
	{ "a: 1\n  b: 2\n", 0, 0, 2, 4, "YAML syntax error" },
	{ "a: \"\xc3\x28\"\n", 0, 0, 1, 5, "invalid UTF-8: byte sequence starting 0xc3" },
	{ "ab: 1\nc: \xff\n", 0, 0, 2, 4, "invalid UTF-8" },
	{ "a: \xe2\x82\n", 0, 0, 1, 4, "invalid UTF-8" },
	{ "a: b\x01\n", 0, 0, 1, 5, "control character 0x01" },
	{ "a: b\0c\n", 7, 0, 1, 5, "control character 0x00" },
	{ "a: 1\na: 2\n", 0, 1, 2, 1, "duplicate key 'a' (first at line 1)" },
	{ "{a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, b: 14}",
	  0, 1, 1, 84, "duplicate key 'b' (first at line 1)" },
	{ "? [a]\n: 1\n", 0, 1, 1, 3, "mapping keys must be plain text, not a list" },
};

static void
test_bad_inputs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const bad_case *c = &bad_cases[i];
		errlist errs = { 0 };
		ytree *t = ytree_parse("y.yaml", (const unsigned char *)c->text,
		                       c->len ? c->len : strlen(c->text), &errs);
		if (errs.n != 1 || errs.v[0].line != c->line || errs.v[0].col != c->col ||
		    !strstr(errs.v[0].msg, c->frag) || (t != NULL) != c->tree) {
			fprintf(stderr, "case %zu:\n", i);
			errlist_print(&errs, stderr);
		}
		assert_int_equal(errs.n, 1);
		assert_int_equal(t != NULL, c->tree);
		assert_int_equal(errs.v[0].line, c->line);
		assert_int_equal(errs.v[0].col, c->col);
		assert_non_null(strstr(errs.v[0].msg, c->frag));
		assert_string_equal(errs.v[0].file, "y.yaml");
		ytree_free(t);
		errlist_free(&errs);
	}
}

/* Every repeat is reported, in big and small maps; the tree keeps both pairs. */
static void
test_duplicates_all_reported(void **state)
{
	char text[4096];
	size_t o = 0;
	errlist errs = { 0 };
	ytree *t;

	(void)state;
	for (int i = 0; i < 100; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "k%d: %d\n", i % 40, i);
	t = parse(text, &errs);
	assert_non_null(t);
	assert_int_equal(ytree_root(t)->n, 100);
	assert_int_equal(errs.n, 60);
	errlist_sort(&errs);
	assert_int_equal(errs.v[0].line, 41);
	assert_non_null(strstr(errs.v[0].msg, "duplicate key 'k0' (first at line 1)"));
	ytree_free(t);
	errlist_free(&errs);
}

/* Nesting: 64 levels are fine, 65 are refused. */
static void
test_depth(void **state)
{
	char text[256];
	errlist errs = { 0 };
	ytree *t;

	(void)state;
	memset(text, '[', 64);
	memset(text + 64, ']', 64);
	text[128] = '\0';
	t = parse(text, &errs);
	assert_non_null(t);
	assert_int_equal(errs.n, 0);
	ytree_free(t);
	memset(text, '[', 65);
	memset(text + 65, ']', 65);
	text[130] = '\0';
	t = parse(text, &errs);
	assert_null(t);
	assert_int_equal(errs.n, 1);
	assert_int_equal(errs.v[0].col, 65);
	assert_non_null(strstr(errs.v[0].msg, "nesting deeper than 64 levels"));
	errlist_free(&errs);
}

/* A byte order mark is skipped; a UTF-16 file is refused. */
static void
test_encodings(void **state)
{
	static const char bom[] = "\xef\xbb\xbf" "a: 1\n";
	static const char utf16[] = "\xff\xfe" "a\0:\0 \0" "1\0";
	errlist errs = { 0 };
	ytree *t;

	(void)state;
	t = ytree_parse("b", (const unsigned char *)bom, sizeof bom - 1, &errs);
	assert_non_null(t);
	assert_int_equal(errs.n, 0);
	assert_int_equal(yt_key(ytree_root(t), 0)->col, 1);
	assert_int_equal(yt_val(ytree_root(t), 0)->col, 4);
	ytree_free(t);
	t = ytree_parse("b", (const unsigned char *)"\xef\xbb\xbf" "a: \xff", 7, &errs);
	assert_null(t);
	assert_int_equal(errs.v[0].line, 1);
	assert_int_equal(errs.v[0].col, 4);
	errlist_free(&errs);
	t = ytree_parse("u", (const unsigned char *)utf16, sizeof utf16 - 1, &errs);
	assert_null(t);
	assert_int_equal(errs.n, 1);
	assert_int_equal(errs.v[0].line, 1);
	assert_int_equal(errs.v[0].col, 1);
	assert_string_equal(errs.v[0].msg, "the file is UTF-16; banks must be UTF-8");
	errlist_free(&errs);
}

/* UTF-16 and UTF-32, with a byte order mark or told by their NULs, are named as such. */
static void
test_wide_encodings(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *msg;             /* NULL: some other message */
	} cases[] = {
		{ "\xfe\xff\0a\0:", 6, "the file is UTF-16; banks must be UTF-8" },
		{ "\xff\xfe", 2, "the file is UTF-16; banks must be UTF-8" },
		{ "a\0:\0 \0" "1\0", 8, "the file is UTF-16; banks must be UTF-8" },
		{ "\0a\0:\0 \0" "1", 8, "the file is UTF-16; banks must be UTF-8" },
		{ "#\0\n\0", 4, "the file is UTF-16; banks must be UTF-8" },
		{ "\xff\xfe\0\0a\0\0\0", 8, "the file is UTF-32; banks must be UTF-8" },
		{ "\0\0\xfe\xff\0\0\0a", 8, "the file is UTF-32; banks must be UTF-8" },
		{ "a\0\0\0:\0\0\0", 8, "the file is UTF-32; banks must be UTF-8" },
		{ "\0\0\0a\0\0\0:", 8, "the file is UTF-32; banks must be UTF-8" },
		/* Not wide text: NULs in a binary or after other bytes, too short to tell. */
		{ "\x01\0\x02\0", 4, NULL },
		{ "\0\0\0\0", 4, NULL },
		{ "a\0", 2, NULL },
		{ "ab\0\0", 4, NULL },
		{ "\x7f" "ELF\2\1\1\0", 8, NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		errlist errs = { 0 };
		ytree *t = ytree_parse("w", (const unsigned char *)cases[i].text, cases[i].len, &errs);
		assert_null(t);
		assert_true(errs.n >= 1);
		if (cases[i].msg) {
			assert_int_equal(errs.n, 1);
			assert_int_equal(errs.v[0].line, 1);
			assert_int_equal(errs.v[0].col, 1);
			assert_string_equal(errs.v[0].msg, cases[i].msg);
		} else {
			assert_null(strstr(errs.v[0].msg, "UTF-16"));
			assert_null(strstr(errs.v[0].msg, "UTF-32"));
		}
		errlist_free(&errs);
	}
}

/* A bare document marker gives a null root, not an error. */
static void
test_null_document(void **state)
{
	errlist errs = { 0 };
	ytree *t = parse("---\n", &errs);

	(void)state;
	assert_non_null(t);
	assert_int_equal(errs.n, 0);
	assert_true(yt_is_null(ytree_root(t)));
	ytree_free(t);
}

/* yt_quote escapes what could drive a terminal and cuts long text at a character. */
static void
test_quote(void **state)
{
	static const struct {
		const char *in;
		size_t size;
		const char *out;
	} cases[] = {
		{ "plain", 64, "plain" },
		{ "caf\xc3\xa9", 64, "caf\xc3\xa9" },
		{ "\x1b[2J", 64, "\\x1b[2J" },
		{ "a\\b", 64, "a\\\\b" },
		{ "\xc2\x9b" "31m", 64, "\\x9b31m" },
		{ "\xc2\xa0nbsp", 64, "\xc2\xa0nbsp" },
		{ "x\x7fy", 64, "x\\x7fy" },
		{ "bad\xff", 64, "bad\\xff" },
		{ "\xe2\x82", 64, "\\xe2\\x82" },
		{ "\xed\xa0\x80", 64, "\\xed\\xa0\\x80" },
		{ "0123456789", 8, "0123..." },
		{ "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5", 10, "\xe6\x97\xa5\xe6\x97\xa5..." },
		{ "\x01\x01\x01", 10, "\\x01..." },
		{ "", 8, "" },
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		yt_quote(cases[i].in, strlen(cases[i].in), buf, cases[i].size);
		assert_string_equal(buf, cases[i].out);
		assert_true(strlen(buf) < cases[i].size);
	}
	assert_string_equal(yt_quote("a\0b", 3, buf, sizeof buf), "a\\x00b");
}

/* A large flat document: many nodes, built in linear time. */
static void
test_many_nodes(void **state)
{
	size_t n = 200000, cap = n * 12 + 16, o = 0;
	char *text = xmalloc(cap);
	errlist errs = { 0 };
	ytree *t;

	(void)state;
	o += (size_t)snprintf(text, cap, "[");
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(text + o, cap - o, "%zu,", i);
	snprintf(text + o, cap - o, "]");
	t = parse(text, &errs);
	assert_non_null(t);
	assert_int_equal(ytree_root(t)->n, n);
	assert_string_equal(ytree_root(t)->kids[n - 1]->str, "199999");
	ytree_free(t);
	free(text);
}

/* What the stream callback saw. */
typedef struct seen {
	size_t calls;
	char ids[8][16];
	const yt_node *seq;
	size_t seqs;
} seen;

/* Stream callback: record the entry's `id` (or its text) and the sequence. */
static void
on_entry(void *ctx, const yt_node *seq, size_t index, const yt_node *entry)
{
	seen *s = ctx;
	const yt_node *id = entry->kind == YT_MAP ? yt_get(entry, "id") : entry;

	assert_int_equal(index, s->calls);
	if (seq != s->seq)
		s->seq = seq, s->seqs++;
	if (s->calls < 8)
		snprintf(s->ids[s->calls], sizeof s->ids[0], "%s",
		         id && id->kind == YT_SCALAR ? id->str : "?");
	s->calls++;
}

/* Streaming hands each entry of the top-level `items` over, then forgets it. */
static void
test_stream(void **state)
{
	static const char text[] =
		"a: 1\n"
		"items:\n"
		"  - {id: x, deep: [[1], {k: v}]}\n"
		"  - plain\n"
		"  - {id: z, id: dup}\n"
		"b: {items: [not, streamed]}\n"
		"c: [items]\n";
	errlist errs = { 0 };
	seen s = { 0 };
	ytree *t = ytree_parse_stream("s.yaml", (const unsigned char *)text, strlen(text), &errs,
	                              "items", on_entry, &s);
	const yt_node *items, *b;

	(void)state;
	assert_non_null(t);
	assert_int_equal(s.calls, 3);
	assert_int_equal(s.seqs, 1);
	assert_string_equal(s.ids[0], "x");
	assert_string_equal(s.ids[1], "plain");
	assert_string_equal(s.ids[2], "z");
	items = yt_get(ytree_root(t), "items");
	assert_ptr_equal(items, s.seq);
	assert_int_equal(items->kind, YT_SEQ);
	assert_int_equal(items->n, 3);
	assert_null(items->kids);
	assert_int_equal(items->line, 3);
	b = yt_get(ytree_root(t), "b");
	assert_int_equal(yt_get(b, "items")->n, 2);
	assert_non_null(yt_get(b, "items")->kids);
	assert_string_equal(yt_get(ytree_root(t), "c")->kids[0]->str, "items");
	/* Problems inside a streamed entry are still reported. */
	assert_int_equal(errs.n, 1);
	assert_int_equal(errs.v[0].line, 5);
	assert_non_null(strstr(errs.v[0].msg, "duplicate key 'id'"));
	ytree_free(t);
	errlist_free(&errs);
}

/* A document that turns out unreadable still streamed what came before. */
static void
test_stream_then_error(void **state)
{
	static const char text[] = "items:\n  - {id: a}\n  - {id: b}\n  - [unclosed\n";
	errlist errs = { 0 };
	seen s = { 0 };
	ytree *t = ytree_parse_stream("s.yaml", (const unsigned char *)text, strlen(text), &errs,
	                              "items", on_entry, &s);

	(void)state;
	assert_null(t);
	assert_int_equal(s.calls, 2);
	assert_int_equal(errs.n, 1);
	assert_non_null(strstr(errs.v[0].msg, "YAML syntax error"));
	errlist_free(&errs);
}

/* Many streamed entries: memory stays bounded by one entry (checked under valgrind). */
static void
test_stream_many(void **state)
{
	size_t n = 100000, cap = n * 40 + 16, o = 0;
	char *text = xmalloc(cap);
	errlist errs = { 0 };
	seen s = { 0 };
	ytree *t;

	(void)state;
	o += (size_t)snprintf(text, cap, "items:\n");
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(text + o, cap - o, "  - {id: i%zu, t: some text}\n", i);
	t = ytree_parse_stream("m", (const unsigned char *)text, o, &errs, "items", on_entry, &s);
	assert_non_null(t);
	assert_int_equal(s.calls, n);
	assert_int_equal(yt_get(ytree_root(t), "items")->n, n);
	ytree_free(t);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_nulls),
		cmocka_unit_test(test_inner_nul),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_duplicates_all_reported),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_wide_encodings),
		cmocka_unit_test(test_null_document),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_many_nodes),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_stream_then_error),
		cmocka_unit_test(test_stream_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
