/* fuzz_progress.c - libFuzzer target: the progress file parser (progress.h). */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "banks.h"
#include "progress.h"
#include "session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bank *the_bank;

/*
 * A copy of the input where a line "hash =" becomes the bank's real hash, so
 * that seeds stay valid when the bank's text changes.
 */
static char *
with_hash(const char *data, size_t *size)
{
	const char *key = "\nhash =\n";
	char *out = malloc(*size + 32);
	const char *p = *size >= 8 ? memmem(data, *size, key, 8) : NULL;

	if (!p) {
		memcpy(out, data, *size);
		return out;
	}
	size_t pre = (size_t)(p - data) + 6, rest = *size - pre - 1;
	memcpy(out, data, pre);
	memcpy(out + pre, the_bank->hash, 16);
	memcpy(out + pre + 16, p + 7, rest);
	*size = pre + 16 + rest;
	return out;
}

/* Parse data as a progress file for the default bank; re-format and re-parse what loads. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	errlist errs = { 0 };
	session s, t;
	progress_info info, info2;

	if (!the_bank && banks_open(&the_bank, NULL, &errs) != 0)
		abort();
	errlist_free(&errs);
	session_init(&s, the_bank);
	char *in = with_hash((const char *)data, &size);
	if (progress_parse("fuzz", in, size, &s, &info, &errs) == 0 &&
	    info.state == PROGRESS_FOUND) {
		/* what loads must survive a round trip unchanged */
		size_t len, len2;
		char *a = progress_format(&s, 1, &len), *b;
		session_init(&t, the_bank);
		if (progress_parse("again", a, len, &t, &info2, &errs) != 0 ||
		    info2.state != PROGRESS_FOUND)
			abort();
		b = progress_format(&t, 1, &len2);
		if (len != len2 || memcmp(a, b, len) != 0)
			abort();
		free(a);
		free(b);
		progress_info_free(&info2);
		session_free(&t);
	}
	progress_info_free(&info);
	errlist_free(&errs);
	session_free(&s);
	free(in);
	return 0;
}
