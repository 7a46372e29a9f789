/*
 * fuzz_csv.c - libFuzzer target for the batch CSV reader (batch.h).
 *
 * Each input is scored four ways: with the fast path and libcsv only, each
 * with a large and a tiny read size.  Besides memory errors (ASan, UBSan),
 * any difference in status, output or messages between the four is a
 * finding: the fast path must split exactly as libcsv does, and the result
 * must not depend on where reads end.  One run in JSON mode covers the
 * jansson writer.  Every output must be free of control characters other
 * than the line ends.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "batch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* x1, x2 (reversed) on anx; y1 (0..10), y2 (reversed, -3..3) on avo; a text item. */
static const char bank_yaml[] =
	"securebase: 1\n"
	"id: fuzz\n"
	"title: Fuzz\n"
	"response_scale: {min: 1, max: 5}\n"
	"scales:\n"
	"  - {id: anx, name: A}\n"
	"  - {id: avo, name: V, norm: {mean: 1, sd: 2}}\n"
	"classification: {method: quadrant, anxiety: anx, avoidance: avo}\n"
	"items:\n"
	"  - {id: x1, scale: anx}\n"
	"  - {id: x2, scale: anx, reverse: true}\n"
	"  - {id: y1, scale: avo, response_scale: {min: 0, max: 10}}\n"
	"  - {id: y2, scale: avo, reverse: true, response_scale: {min: -3, max: 3}}\n"
	"  - {id: t, type: text, text: T}\n";

typedef struct out {
	int rc;
	char *out, *err;
	size_t outlen, errlen;
} out;

/* Score data one way. */
static out
run(const bank *b, const uint8_t *data, size_t size, batch_format fmt, size_t rsize, int lo)
{
	out r;
	FILE *in = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
	FILE *o = open_memstream(&r.out, &r.outlen);
	FILE *e = open_memstream(&r.err, &r.errlen);
	batch_opts opt;

	if (!in || !o || !e)
		abort();
	memset(&opt, 0, sizeof opt);
	opt.format = fmt;
	opt.name = "fuzz.csv";
	opt.diag = e;
	opt.read_size = rsize;
	opt.libcsv_only = lo;
	r.rc = batch_score(b, in, o, &opt, NULL);
	fclose(in);
	fclose(o);
	fclose(e);
	return r;
}

/* Abort unless a and b are the same result. */
static void
same(const out *a, const out *b)
{
	if (a->rc != b->rc || a->outlen != b->outlen || a->errlen != b->errlen ||
	    memcmp(a->out, b->out, a->outlen) != 0 || memcmp(a->err, b->err, a->errlen) != 0) {
		fprintf(stderr, "results differ: rc %d vs %d\n--- out:\n%.*s--- vs:\n%.*s"
		        "--- err:\n%.*s--- vs:\n%.*s", a->rc, b->rc, (int)a->outlen, a->out,
		        (int)b->outlen, b->out, (int)a->errlen, a->err, (int)b->errlen, b->err);
		abort();
	}
}

/* Abort if the output holds a control character other than '\n'. */
static void
clean(const out *a)
{
	for (size_t i = 0; i < a->outlen; i++) {
		unsigned char c = (unsigned char)a->out[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f) {
			fprintf(stderr, "control character %#x in the output at %zu\n", c, i);
			abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bank *b;
	out r[4], j;

	if (!b) {
		errlist errs;
		errlist_init(&errs);
		if (bank_load_mem(&b, "fuzz.yaml", bank_yaml, sizeof bank_yaml - 1, &errs) != 0) {
			errlist_print(&errs, stderr);
			abort();
		}
		errlist_free(&errs);
	}
	r[0] = run(b, data, size, BATCH_CSV, 0, 0);
	r[1] = run(b, data, size, BATCH_CSV, 0, 1);
	r[2] = run(b, data, size, BATCH_CSV, 3, 0);
	r[3] = run(b, data, size, BATCH_CSV, 1, 1);
	for (int i = 1; i < 4; i++)
		same(&r[0], &r[i]);
	clean(&r[0]);
	if (r[0].rc != 0 && r[0].rc != 65)
		abort();
	j = run(b, data, size, BATCH_JSON, 0, 0);
	clean(&j);
	if (j.rc != r[0].rc)
		abort();
	for (int i = 0; i < 4; i++) {
		free(r[i].out);
		free(r[i].err);
	}
	free(j.out);
	free(j.err);
	return 0;
}
