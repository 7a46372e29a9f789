/*
 * test_batch.c - the CSV path of batch scoring (SPEC section 4, batch.h).
 *
 * Every table case runs with several read sizes (so that line ends, quotes
 * and the byte-order mark fall across reads) and both with and without the
 * fast path; output, messages and status must be the same each time.
 * Expected outputs are worked out by hand in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "banks.h"
#include "batch.h"
#include "xmalloc.h"

/*
 * Bank t: anx = i1 (+), i2 (reversed: 6 - r), both 1..5, min_answered 2,
 * cutoff 3; avo = i3 (+, 1..5), i4 (+, 0..10), min_answered 1, cutoff 3.
 */
static const char bank_t[] =
	"securebase: 1\n"
	"id: t\n"
	"title: Test\n"
	"response_scale: {min: 1, max: 5}\n"
	"scales:\n"
	"  - {id: anx, name: A, cutoff: 3, min_answered: 2}\n"
	"  - {id: avo, name: V, cutoff: 3, min_answered: 1}\n"
	"classification: {method: quadrant, anxiety: anx, avoidance: avo}\n"
	"items:\n"
	"  - {id: i1, scale: anx}\n"
	"  - {id: i2, scale: anx, reverse: true}\n"
	"  - {id: i3, scale: avo}\n"
	"  - {id: i4, keys: {avo: 1}, response_scale: {min: 0, max: 10}}\n"
	"  - {id: note, type: text, text: Anything?}\n";

/* Bank n: like t's first two items, with a norm on anx (mean 3, sd 2). */
static const char bank_n[] =
	"securebase: 1\n"
	"id: n\n"
	"title: Normed\n"
	"response_scale: {min: 1, max: 5}\n"
	"scales:\n"
	"  - {id: anx, name: A, norm: {mean: 3, sd: 2}}\n"
	"  - {id: avo, name: V}\n"
	"classification: {method: quadrant, anxiety: anx, avoidance: avo}\n"
	"items:\n"
	"  - {id: i1, scale: anx}\n"
	"  - {id: i2, scale: anx, reverse: true}\n"
	"  - {id: i3, scale: avo}\n";

/* Load a bank: "t", "n" from the texts above, anything else bundled. */
static bank *
get_bank(const char *name)
{
	errlist errs;
	bank *b = NULL;
	int rc;

	errlist_init(&errs);
	if (strcmp(name, "t") == 0)
		rc = bank_load_mem(&b, "t.yaml", bank_t, sizeof bank_t - 1, &errs);
	else if (strcmp(name, "n") == 0)
		rc = bank_load_mem(&b, "n.yaml", bank_n, sizeof bank_n - 1, &errs);
	else
		rc = banks_open(&b, name, &errs);
	if (rc) {
		errlist_print(&errs, stderr);
		fail_msg("bank %s does not load", name);
	}
	errlist_free(&errs);
	return b;
}

typedef struct result {
	int rc;
	char *out, *err;
	size_t outlen;
	batch_stats st;
} result;

/* Run batch_score over in[0..n) with the given read size and mode. */
static result
run(const bank *b, const char *in, size_t n, batch_format fmt, size_t rsize, int libcsv_only)
{
	result r;
	size_t errlen;
	FILE *fin = n ? fmemopen((void *)in, n, "r") : fopen("/dev/null", "r");
	FILE *fout = open_memstream(&r.out, &r.outlen);
	FILE *ferr = open_memstream(&r.err, &errlen);
	batch_opts o;

	assert_non_null(fin);
	assert_non_null(fout);
	assert_non_null(ferr);
	memset(&o, 0, sizeof o);
	o.format = fmt;
	o.name = "X";
	o.diag = ferr;
	o.read_size = rsize;
	o.libcsv_only = libcsv_only;
	r.rc = batch_score(b, fin, fout, &o, &r.st);
	fclose(fin);
	fclose(fout);
	fclose(ferr);
	return r;
}

static void
result_free(result *r)
{
	free(r->out);
	free(r->err);
}

typedef struct bcase {
	const char *name;
	const char *bank;
	const char *in;
	int json;
	int rc;
	const char *out;
	const char *err;
	int complete;
} bcase;

#define HDR_T "respondent,anx,avo,style,margin,near_boundary\n"

/*
 * p1: anx (5 + 6-1)/2 = 5, avo (5 + 10)/2 = 7.5: fearful, margin min(2, 4.5)
 * p2: anx (3 + 3)/2 = 3 (not > 3), avo 3: secure, margin 0, near
 * p3: anx (4 + 4)/2 = 4, avo nothing answered: no score, no style
 * p4: nothing; p5: anx one answer (< 2), avo 4
 */
#define BASIC_IN(NL) \
	"respondent,i1,i2,i3,i4" NL "p1,5,1,5,10" NL "p2,3,3,3,3" NL "p3,4,2,," NL \
	"p4,,,NA,NA" NL "p5,2,NA,4,"
#define BASIC_OUT HDR_T \
	"p1,5.0000,7.5000,fearful-avoidant,2.0000,0\n" \
	"p2,3.0000,3.0000,secure,0.0000,1\n" \
	"p3,4.0000,,,,\n" \
	"p4,,,,,\n" \
	"p5,,4.0000,,,\n"

/* The bad-values file: every kind of rejected row, then one good row. */
#define BAD_IN \
	"respondent,i1,i2,i3,i4\n"          /* 1 */ \
	"a,5,1,5,10\n"                      /* 2 */ \
	"\"b\n"                             /* 3: row starts here */ \
	"x\",3.5,1,1,1\n"                   /* 4 */ \
	"c, 4x,1,1,1\n"                     /* 5 */ \
	"d,6,0,1,11\n"                      /* 6 */ \
	"e,1,1,1\n"                         /* 7 */ \
	"f,1,1,1,1,1\n"                     /* 8 */ \
	"g,-1,+2,0x3,1\n"                   /* 9 */ \
	"h,4.0,04,1,1.00\n"                 /* 10: i1 4, i2 4 -> 2: anx 3; avo 1 */ \
	"\n"                                /* 11 */ \
	"i,4.,1e0,NaN,na\n"                 /* 12 */ \
	"j,\"3 \",1, 5 ,\t7\t\n"            /* 13: quoted "3 " is not 3 */
#define NOT_INT(item, v) "item " item ": value '" v "' is not an integer (expected 1..5, empty or NA)\n"
#define BAD_ERR \
	"X:3: respondent b x: " NOT_INT("i1", "3.5") \
	"X:5: respondent c: " NOT_INT("i1", "4x") \
	"X:6: respondent d: item i1: value '6' is outside the item's range 1..5\n" \
	"X:6: respondent d: item i2: value '0' is outside the item's range 1..5\n" \
	"X:6: respondent d: item i4: value '11' is outside the item's range 0..10\n" \
	"X:7: respondent e: row has 4 fields, the header has 5\n" \
	"X:8: respondent f: row has 6 fields, the header has 5\n" \
	"X:9: respondent g: item i1: value '-1' is outside the item's range 1..5\n" \
	"X:9: respondent g: " NOT_INT("i2", "+2") \
	"X:9: respondent g: " NOT_INT("i3", "0x3") \
	"X:12: respondent i: " NOT_INT("i1", "4.") \
	"X:12: respondent i: " NOT_INT("i2", "1e0") \
	"X:12: respondent i: " NOT_INT("i3", "NaN") \
	"X:12: respondent i: item i4: value 'na' is not an integer (expected 0..10, empty or NA)\n" \
	"X:13: respondent j: " NOT_INT("i1", "3 ")

#define MALFORMED "malformed CSV: a quote must open a field and be doubled inside it, " \
	"and a closing quote must be followed by a comma or line end (RFC 4180)\n"

static const bcase cases[] = {
	{ "basic LF", "t", BASIC_IN("\n") "\n", 0, 0, BASIC_OUT, "", 1 },
	{ "CRLF", "t", BASIC_IN("\r\n") "\r\n", 0, 0, BASIC_OUT, "", 1 },
	{ "lone CR", "t", BASIC_IN("\r") "\r", 0, 0, BASIC_OUT, "", 1 },
	{ "no final newline", "t", BASIC_IN("\n"), 0, 0, BASIC_OUT, "", 1 },
	{ "no final CRLF", "t", BASIC_IN("\r\n"), 0, 0, BASIC_OUT, "", 1 },
	{ "byte-order mark", "t", "\xEF\xBB\xBF" BASIC_IN("\r\n") "\r\n", 0, 0, BASIC_OUT, "", 1 },
	{ "blank lines", "t", "\n\r\n" BASIC_IN("\n\n") "\n  \n\t\n", 0, 0, BASIC_OUT, "", 1 },
	{ "quoted fields", "t",
	  "\"respondent\",\"i1\",\"i2\",\"i3\",\"i4\"\n"
	  "\"Smith, J.\",\"5\",\"1\",\"5\",\"10\"\r\n"
	  "\"say \"\"hi\"\"\",3,3,3,3\n"
	  "\"two\r\nlines\",4,2,\"\",\"\"\n",
	  0, 0, HDR_T
	  "\"Smith, J.\",5.0000,7.5000,fearful-avoidant,2.0000,0\n"
	  "\"say \"\"hi\"\"\",3.0000,3.0000,secure,0.0000,1\n"
	  "two lines,4.0000,,,,\n", "", 1 },
	{ "bad values", "t", BAD_IN, 0, 65, HDR_T
	  "a,5.0000,7.5000,fearful-avoidant,2.0000,0\n"
	  "h,3.0000,1.0000,secure,0.0000,1\n", BAD_ERR, 1 },
	{ "no respondent column", "t", "i1,i2,i3,i4\n5,1,5,10\n9,1,1,1\n3,3,3,3\n", 0, 65, HDR_T
	  "1,5.0000,7.5000,fearful-avoidant,2.0000,0\n"
	  "3,3.0000,3.0000,secure,0.0000,1\n",
	  "X:3: respondent 2: item i1: value '9' is outside the item's range 1..5\n", 1 },
	{ "respondent empty or missing", "t",
	  "i1,i2,i3,respondent,i4\n5,1,5,,10\n7,1,1\n", 0, 65, HDR_T
	  ",5.0000,7.5000,fearful-avoidant,2.0000,0\n",
	  "X:3: respondent (none, data row 2): row has 3 fields, the header has 5\n", 1 },
	{ "ignored columns", "t",
	  "id,respondent,i1,age,i2,i3,i4,note,comment\n"
	  "7,p1,5,33,1,5,10,\"free text, here\",x\n",
	  0, 0, HDR_T "p1,5.0000,7.5000,fearful-avoidant,2.0000,0\n",
	  "X:1: warning: ignoring 3 columns that name no item of bank 't': 'id', 'age', 'comment'\n", 1 },
	{ "empty column name", "t", "respondent,i1,i2,i3,i4,\np,1,1,1,1,\n", 0, 0,
	  HDR_T "p,3.0000,1.0000,secure,0.0000,1\n",
	  "X:1: warning: ignoring 1 column that names no item of bank 't': ''\n", 1 },
	{ "items without a column", "t", "respondent,i1,i3\np,5,5\n", 0, 0,
	  HDR_T "p,,5.0000,,,\n",
	  "X:1: warning: 2 items of bank 't' have no column and count as unanswered: 'i2', 'i4'\n", 1 },
	{ "header only", "t", "respondent,i1,i2,i3,i4\n", 0, 0, HDR_T, "", 1 },
	{ "header only, no newline", "t", "respondent,i1", 0, 0, HDR_T,
	  "X:1: warning: 3 items of bank 't' have no column and count as unanswered: 'i2', 'i3', 'i4'\n", 1 },
	{ "empty file", "t", "", 0, 65, "", "X: empty file\n", 0 },
	{ "byte-order mark only", "t", "\xEF\xBB\xBF", 0, 65, "", "X: empty file\n", 0 },
	{ "part of a byte-order mark", "t", "\xEF\xBB", 0, 65, "",
	  "X:1: the header names no item of bank 't' (expected item ids such as 'i1')\n", 0 },
	{ "blank lines only", "t", "\n\r\n   \n", 0, 65, "",
	  "X: no header row (the file holds only blank lines)\n", 0 },
	{ "duplicate columns", "t", "respondent,i1,i2,i1,x,x,x\n1,2,3,4,5,6,7\n", 0, 65, "",
	  "X:1: duplicate column name 'i1' (columns 2 and 4)\n"
	  "X:1: duplicate column name 'x' (columns 5 and 6)\n", 0 },
	{ "header names no item", "t", "\nfoo,bar\n1,2\n", 0, 65, "",
	  "X:2: the header names no item of bank 't' (expected item ids such as 'i1')\n", 0 },
	{ "no header row", "t", "1,2,3\n4,5,6\n", 0, 65, "",
	  "X:1: no header row: the first row holds values, not column names (expected "
	  "'respondent' and item ids of bank 't', such as 'i1')\n", 0 },
	{ "quote inside a field", "t", "respondent,i1,i2,i3,i4\na,1,1,1,1\nb\"x,1,1,1,1\nc,1,1,1,1\n",
	  0, 65, HDR_T "a,3.0000,1.0000,secure,0.0000,1\n", "X:3: " MALFORMED, 0 },
	{ "text after a closing quote", "t",
	  "respondent,i1,i2,i3,i4\na,1,1,1,1\n\"b\nc\"x,1,1,1,1\n", 0, 65,
	  HDR_T "a,3.0000,1.0000,secure,0.0000,1\n", "X:4: " MALFORMED, 0 },
	{ "quote in the header", "t", "respondent,i\"1\n", 0, 65, "", "X:1: " MALFORMED, 0 },
	{ "quoted field never closed", "t",
	  "respondent,i1,i2,i3,i4\na,1,1,1,1\n\n\"b,1,1,1,1\nc,1,1,1,1\n", 0, 65,
	  HDR_T "a,3.0000,1.0000,secure,0.0000,1\n",
	  "X:4: malformed CSV: a quoted field is never closed\n", 0 },
	{ "control characters in ids", "t",
	  "respondent,i1,i2,i3,i4\n\"\x1b[31mevil\a\",1,1,1,1\n\"tab\there\",1,1,1,9\n"
	  "\"\xff\xfe\",1,1,1,77\n",
	  0, 65, HDR_T "evil\xEF\xBF\xBD,3.0000,1.0000,secure,0.0000,1\n"
	  "tab here,3.0000,5.0000,dismissive-avoidant,0.0000,1\n",
	  "X:4: respondent \xEF\xBF\xBD\xEF\xBF\xBD: item i4: value '77' is outside the item's "
	  "range 0..10\n", 1 },
	{ "ids that need quoting", "t",
	  "respondent,i1\n\" lead\",1\n\"a\"\"b\",1\n\"c,d\",1\n",
	  0, 0, HDR_T "\" lead\",,,,,\n\"a\"\"b\",,,,,\n\"c,d\",,,,,\n",
	  "X:1: warning: 3 items of bank 't' have no column and count as unanswered: 'i2', 'i3', 'i4'\n", 1 },
	{ "json", "t", BASIC_IN("\n"), 1, 0,
	  "{\"respondent\":\"p1\",\"anx\":5.0,\"avo\":7.5,\"style\":\"fearful-avoidant\","
	  "\"margin\":2.0,\"near_boundary\":false}\n"
	  "{\"respondent\":\"p2\",\"anx\":3.0,\"avo\":3.0,\"style\":\"secure\","
	  "\"margin\":0.0,\"near_boundary\":true}\n"
	  "{\"respondent\":\"p3\",\"anx\":4.0,\"avo\":null,\"style\":null,"
	  "\"margin\":null,\"near_boundary\":null}\n"
	  "{\"respondent\":\"p4\",\"anx\":null,\"avo\":null,\"style\":null,"
	  "\"margin\":null,\"near_boundary\":null}\n"
	  "{\"respondent\":\"p5\",\"anx\":null,\"avo\":4.0,\"style\":null,"
	  "\"margin\":null,\"near_boundary\":null}\n", "", 1 },
	/* i1 3 i2 2 -> 4: anx 3.5 (margin 0.5, near); json of an odd id and 1/3 */
	{ "json rounding and ids", "t",
	  "respondent,i1,i2,i3,i4\n\"q\"\"\\\x01\",3,2,1,\n\"\",4,3,2,3\n", 1, 0,
	  "{\"respondent\":\"q\\\"\\\\\xEF\xBF\xBD\",\"anx\":3.5,\"avo\":1.0,"
	  "\"style\":\"anxious-preoccupied\",\"margin\":0.5,\"near_boundary\":true}\n"
	  "{\"respondent\":\"\",\"anx\":3.5,\"avo\":2.5,"
	  "\"style\":\"anxious-preoccupied\",\"margin\":0.5,\"near_boundary\":true}\n", "", 1 },
	/* highest: x ties secure and fearful; y fearful; z all four; w no secure score */
	{ "highest with ties", "rq",
	  "respondent,rq_a,rq_b,rq_c,rq_d\nx,5,5,3,2\ny,1,7,2,2\nz,7,7,7,7\nw,,1,1,1\n", 0, 0,
	  "respondent,secure,fearful,preoccupied,dismissing,style\n"
	  "x,5.0000,5.0000,3.0000,2.0000,secure+fearful-avoidant\n"
	  "y,1.0000,7.0000,2.0000,2.0000,fearful-avoidant\n"
	  "z,7.0000,7.0000,7.0000,7.0000,"
	  "secure+anxious-preoccupied+dismissive-avoidant+fearful-avoidant\n"
	  "w,,1.0000,1.0000,1.0000,\n", "", 1 },
	/* norms: anx 5 -> z (5-3)/2 = 1, 100 Phi(1) = 84.1345; anx (2 + 6-5)/2 = 1.5 -> z -0.75,
	 * 100 Phi(-0.75) = 22.6627; avo cutoff 3 (midpoint) */
	{ "norm columns", "n", "respondent,i1,i2,i3\na,5,1,2\nb,2,5,4\nc,,,4\n", 0, 0,
	  "respondent,anx,avo,style,margin,near_boundary,anx_z,anx_percentile\n"
	  "a,5.0000,2.0000,anxious-preoccupied,1.0000,0,1.0000,84.1345\n"
	  "b,1.5000,4.0000,dismissive-avoidant,1.0000,0,-0.7500,22.6627\n"
	  "c,,4.0000,,,,,\n", "", 1 },
	{ "norm columns json", "n", "respondent,i1,i2,i3\na,5,1,2\n", 1, 0,
	  "{\"respondent\":\"a\",\"anx\":5.0,\"avo\":2.0,\"style\":\"anxious-preoccupied\","
	  "\"margin\":1.0,\"near_boundary\":false,\"anx_z\":1.0,\"anx_percentile\":84.1345}\n",
	  "", 1 },
};

static const size_t rsizes[] = { 0, 1, 2, 3, 5, 7, 13 };

static void
test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const bcase *c = &cases[i];
		bank *b = get_bank(c->bank);

		for (size_t k = 0; k < 2 * sizeof rsizes / sizeof *rsizes; k++) {
			size_t rs = rsizes[k / 2];
			int lo = (int)(k % 2);
			result r = run(b, c->in, strlen(c->in), c->json ? BATCH_JSON : BATCH_CSV, rs, lo);

			if (r.rc != c->rc || strcmp(r.out, c->out) != 0 || strcmp(r.err, c->err) != 0 ||
			    r.st.complete != c->complete)
				fail_msg("case '%s' (read size %zu%s): rc %d (want %d), complete %d\n"
				         "--- out:\n%s--- want:\n%s--- err:\n%s--- want:\n%s", c->name, rs,
				         lo ? ", libcsv only" : "", r.rc, c->rc, r.st.complete, r.out,
				         c->out, r.err, c->err);
			result_free(&r);
		}
		bank_free(b);
	}
}

/* Row counts of the bad-values case. */
static void
test_stats(void **state)
{
	bank *b = get_bank("t");
	result r = run(b, BAD_IN, strlen(BAD_IN), BATCH_CSV, 0, 0);

	(void)state;
	assert_int_equal(r.rc, 65);
	assert_int_equal(r.st.rows, 10);
	assert_int_equal(r.st.scored, 2);
	assert_int_equal(r.st.rejected, 8);
	assert_int_equal(r.st.complete, 1);
	assert_int_equal(r.st.out_errno, 0);
	result_free(&r);
	bank_free(b);
}

/* The bad-values file with CRLF line ends: same lines in the messages. */
static void
test_crlf_lines(void **state)
{
	static const char lf[] = BAD_IN;
	char *in = xmalloc(2 * sizeof lf), *p = in;
	bank *b = get_bank("t");

	(void)state;
	for (const char *q = lf; *q; q++) {
		if (*q == '\n')
			*p++ = '\r';
		*p++ = *q;
	}
	for (size_t k = 0; k < 2 * sizeof rsizes / sizeof *rsizes; k++) {
		result r = run(b, in, (size_t)(p - in), BATCH_CSV, rsizes[k / 2], (int)(k % 2));
		assert_int_equal(r.rc, 65);
		assert_string_equal(r.err, BAD_ERR);
		assert_string_equal(r.out, HDR_T "a,5.0000,7.5000,fearful-avoidant,2.0000,0\n"
		                    "h,3.0000,1.0000,secure,0.0000,1\n");
		result_free(&r);
	}
	free(in);
	bank_free(b);
}

/* A bundled key end to end: ECR-R example 1 of data/keys/ecr-r.yaml. */
static void
test_bundled_key(void **state)
{
	static const char in[] =
		"respondent,ecrr1,ecrr2,ecrr3,ecrr4,ecrr5,ecrr6,ecrr7,ecrr8,ecrr9,ecrr10,ecrr11,"
		"ecrr12,ecrr13,ecrr14,ecrr15,ecrr16,ecrr17,ecrr18,ecrr19,ecrr20,ecrr21,ecrr22,"
		"ecrr23,ecrr24,ecrr25,ecrr26,ecrr27,ecrr28,ecrr29,ecrr30,ecrr31,ecrr32,ecrr33,"
		"ecrr34,ecrr35,ecrr36\n"
		"ex1,5,5,5,5,5,5,5,5,5,3,6,4,4,4,3,3,3,3,6,2,6,2,6,6,6,2,2,2,2,2,2,6,2,2,2,2\n";
	bank *b = get_bank("ecr-r");
	result r = run(b, in, sizeof in - 1, BATCH_CSV, 0, 0);

	(void)state;
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out, "respondent,anxiety,avoidance,style,margin,near_boundary\n"
	                    "ex1,4.0000,6.0000,dismissive-avoidant,0.0000,1\n");
	assert_string_equal(r.err, "");
	result_free(&r);
	bank_free(b);
}

/* Fields up to BATCH_FIELD_MAX bytes are read; one byte more is an error. */
static void
test_field_limit(void **state)
{
	static const char hdr[] = "respondent,i1,i2,i3,i4\n";
	size_t n = BATCH_FIELD_MAX, hl = sizeof hdr - 1;
	char *in = xmalloc(hl + n + 2 + 8);
	bank *b = get_bank("t");

	(void)state;
	for (int quoted = 0; quoted < 2; quoted++)
		for (size_t len = n - 1; len <= n + 2; len++) {
			size_t k = hl;
			memcpy(in, hdr, hl);
			if (quoted)
				in[k++] = '"';
			memset(in + k, 'a', len);
			k += len;
			if (quoted)
				in[k++] = '"';
			memcpy(in + k, ",,,,\n", 5);
			k += 5;
			for (int lo = 0; lo < 2; lo++) {
				result r = run(b, in, k, BATCH_CSV, 4096, lo);
				if (len <= n) {
					assert_int_equal(r.rc, 0);
					assert_int_equal(r.st.scored, 1);
					assert_int_equal(r.outlen, strlen(HDR_T) + len + strlen(",,,,,\n"));
				} else {
					assert_int_equal(r.rc, 65);
					assert_int_equal(r.st.complete, 0);
					assert_string_equal(r.err, "X:2: a field is longer than 1048576 bytes\n");
					assert_string_equal(r.out, HDR_T);
				}
				result_free(&r);
			}
		}
	free(in);
	bank_free(b);
}

/* Write errors: 74 and the errno, not a message (the caller names the output). */
static void
test_write_error(void **state)
{
	static const char in[] = BASIC_IN("\n");
	bank *b = get_bank("t");
	FILE *fin = fmemopen((void *)in, sizeof in - 1, "r"), *fout = fopen("/dev/full", "w");
	batch_opts o;
	batch_stats st;

	(void)state;
	if (!fout)
		skip();
	memset(&o, 0, sizeof o);
	assert_int_equal(batch_score(b, fin, fout, &o, &st), 74);
	assert_int_equal(st.out_errno, ENOSPC);
	assert_int_equal(st.complete, 0);
	fclose(fin);
	fclose(fout);
	bank_free(b);
}

/* Read errors: 74 with a message. */
static void
test_read_error(void **state)
{
	bank *b = get_bank("t");
	FILE *fin = fopen("/", "r"), *fout = fopen("/dev/null", "w");
	char *err = NULL;
	size_t errlen;
	FILE *ferr = open_memstream(&err, &errlen);
	batch_opts o;
	batch_stats st;

	(void)state;
	if (!fin)
		skip();
	memset(&o, 0, sizeof o);
	o.name = "dir";
	o.diag = ferr;
	assert_int_equal(batch_score(b, fin, fout, &o, &st), 74);
	fclose(ferr);
	assert_string_equal(err, "dir: read error: Is a directory\n");
	assert_int_equal(st.complete, 0);
	free(err);
	fclose(fin);
	fclose(fout);
	bank_free(b);
}

/* The stop flag ends the run with 130 and an incomplete output. */
static void
test_stop(void **state)
{
	static const char in[] = BASIC_IN("\n");
	static volatile sig_atomic_t stop = 1;
	bank *b = get_bank("t");
	FILE *fin = fmemopen((void *)in, sizeof in - 1, "r"), *fout = fopen("/dev/null", "w");
	batch_opts o;
	batch_stats st;

	(void)state;
	memset(&o, 0, sizeof o);
	o.stop = &stop;
	assert_int_equal(batch_score(b, fin, fout, &o, &st), 130);
	assert_int_equal(st.complete, 0);
	fclose(fin);
	fclose(fout);
	bank_free(b);
}

/* Many rows through both paths and different read sizes: identical output. */
static void
test_many_rows(void **state)
{
	size_t cap = 1 << 20, n = 0;
	char *in = xmalloc(cap);
	bank *b = get_bank("ecr-r");
	unsigned seed = 7;
	result r1, r2;

	(void)state;
	n += (size_t)sprintf(in, "respondent");
	for (int i = 1; i <= 36; i++)
		n += (size_t)sprintf(in + n, ",ecrr%d", i);
	in[n++] = '\n';
	for (int row = 0; n < cap - 400; row++) {
		n += (size_t)sprintf(in + n, row % 5 == 0 ? "\"r,%d\"" : "r%d", row);
		for (int i = 0; i < 36; i++) {
			seed = seed * 1103515245 + 12345;
			unsigned v = (seed >> 16) % 9;           /* 0 and 8: missing */
			n += (size_t)sprintf(in + n, v == 0 ? "," : v == 8 ? ",NA" : ",%u", v);
		}
		in[n++] = row % 3 ? '\n' : '\r';
		if (row % 3 == 0)
			in[n++] = '\n';
	}
	r1 = run(b, in, n, BATCH_CSV, 0, 0);
	r2 = run(b, in, n, BATCH_CSV, 4093, 1);
	assert_int_equal(r1.rc, 0);
	assert_int_equal(r2.rc, 0);
	assert_true(r1.st.rows > 5000);
	assert_int_equal(r1.st.scored, r1.st.rows);
	assert_int_equal(r1.outlen, r2.outlen);
	assert_memory_equal(r1.out, r2.out, r1.outlen);
	result_free(&r1);
	result_free(&r2);
	free(in);
	bank_free(b);
}

/* batch_fmt4 is printf's "%.4f" in the C locale, bit for bit. */
static void
test_fmt4(void **state)
{
	static const double special[] = {
		0, -0.0, 0.5, 1.03125, 1.09375, -1.03125, 0.00005, 0.00015, 0.99995, 9.99995,
		0.00004999999999, 5e-324, -5e-324, 1e-300, 4.6, 6.333333333333333, 1.0 / 3,
		1e15, 9007199254740993.0, 9.2233720368547758e18, 1.8446744073709552e19, 1e300,
		-1e300, 12345.67885, 2.5, 99999.99995,
	};
	char a[BATCH_FMT4_MAX], b[BATCH_FMT4_MAX];
	uint64_t x = 88172645463325252u;

	(void)state;
	for (size_t i = 0; i < sizeof special / sizeof *special + 400000; i++) {
		double v;
		if (i < sizeof special / sizeof *special) {
			v = special[i];
		} else if (i % 2) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			memcpy(&v, &x, sizeof v);
			if (isnan(v))
				continue;
		} else {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v = (double)(int64_t)(x % 2000001) / (double)(1 + (x >> 40) % 4096);
		}
		size_t n = batch_fmt4(v, a);
		snprintf(b, sizeof b, "%.4f", v);
		if (strcmp(a, b) != 0 || n != strlen(b))
			fail_msg("%.17g: '%s', printf '%s'", v, a, b);
	}
	assert_int_equal(batch_fmt4(NAN, a), 3);
	assert_string_equal(a, "nan");
	batch_fmt4(-INFINITY, a);
	assert_string_equal(a, "-inf");
}

/* The output does not depend on the locale (a comma decimal point). */
static void
test_locale(void **state)
{
	static const char *names[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "nl_NL.UTF-8" };
	static const char in[] = BASIC_IN("\n");
	const char *ok = NULL;
	bank *b;
	result r;

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof *names && !ok; i++)
		ok = setlocale(LC_NUMERIC, names[i]);
	if (!ok)
		skip();
	b = get_bank("t");
	r = run(b, in, sizeof in - 1, BATCH_CSV, 0, 0);
	setlocale(LC_NUMERIC, "C");
	assert_string_equal(r.out, BASIC_OUT);
	result_free(&r);
	bank_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_crlf_lines),
		cmocka_unit_test(test_bundled_key),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_fmt4),
		cmocka_unit_test(test_locale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
