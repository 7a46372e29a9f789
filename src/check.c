/* check.c - run a bank's examples through the scoring core and compare. */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "score.h"

/* A score for a message: at least 2 decimals, up to 4 when they matter. */
static char *
fmt_score(double v, char *buf, size_t size)
{
	size_t n;

	snprintf(buf, size, "%.4f", v);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0' && n >= 3 && buf[n - 3] != '.')
		buf[--n] = '\0';
	return buf;
}

/* Compare one scale expectation; returns 1 and reports on disagreement. */
static int
check_scale(const bank *b, const bank_expect *e, const score_result *r, size_t ex,
            errlist *errs)
{
	const bank_scale *s = &b->scales[e->scale];
	const score_scale *got = &r->scales[e->scale];
	char want[32], have[32];

	if (e->is_null && !got->has_score)
		return 0;
	if (e->is_null) {
		errlist_add(errs, b->file, e->line, e->col, "example %zu: expected no %s score, "
		            "scored %s", ex, s->id, fmt_score(got->score, have, sizeof have));
		return 1;
	}
	if (!got->has_score) {
		errlist_add(errs, b->file, e->line, e->col, "example %zu: expected %s %s, but %s "
		            "has no score (%d answered, %d needed)", ex, s->id,
		            fmt_score(e->value, want, sizeof want), s->id, got->answered,
		            s->min_answered);
		return 1;
	}
	if (fabs(got->score - e->value) <= CHECK_TOLERANCE + 1e-9)
		return 0;
	errlist_add(errs, b->file, e->line, e->col, "example %zu: expected %s %s, scored %s",
	            ex, s->id, fmt_score(e->value, want, sizeof want),
	            fmt_score(got->score, have, sizeof have));
	return 1;
}

/* Compare the style expectation (as a set of tied styles); 1 on disagreement. */
static int
check_style(const bank *b, const bank_expect *e, const score_result *r, size_t ex,
            errlist *errs)
{
	char want[128], have[128];

	if (e->style_mask == r->style_mask)
		return 0;
	score_style_string(e->style_mask, want, sizeof want);
	score_style_string(r->style_mask, have, sizeof have);
	if (!r->style_mask)
		errlist_add(errs, b->file, e->line, e->col, "example %zu: expected style %s, but "
		            "there is no style (a classifying scale has no score)", ex, want);
	else if (e->is_null)
		errlist_add(errs, b->file, e->line, e->col, "example %zu: expected no style, "
		            "scored %s", ex, have);
	else
		errlist_add(errs, b->file, e->line, e->col, "example %zu: expected style %s, "
		            "scored %s", ex, want, have);
	return 1;
}

size_t
check_examples(const bank *b, errlist *errs)
{
	score_result r;
	size_t bad = 0;

	score_result_init(&r, b);
	for (size_t i = 0; i < b->nexamples; i++) {
		const bank_example *ex = &b->examples[i];
		score_compute(b, ex->answers, &r);
		for (size_t k = 0; k < ex->nexpect; k++) {
			const bank_expect *e = &ex->expect[k];
			bad += e->is_style ? check_style(b, e, &r, i + 1, errs)
			                   : check_scale(b, e, &r, i + 1, errs);
		}
	}
	score_result_free(&r);
	return bad;
}

int
check_file(const char *path, errlist *errs)
{
	bank *b = NULL;
	int rc;

	if (strcmp(path, "-") == 0)
		rc = bank_load_stream_ex(&b, stdin, "<stdin>", BANK_LOAD_NO_HASH, errs);
	else
		rc = bank_load_file_ex(&b, path, BANK_LOAD_NO_HASH, errs);
	if (rc)
		return rc;
	rc = check_examples(b, errs) ? 65 : 0;
	bank_free(b);
	return rc;
}
