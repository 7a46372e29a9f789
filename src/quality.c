/* quality.c - answer-quality notes (see quality.h for the exact rules). */
#include "quality.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

static const char *const kind_id[QUALITY_KIND_COUNT] = {
	"same-answer", "acquiescence", "fast",
};

const char *
quality_id(quality_kind k)
{
	return (int)k >= 0 && k < QUALITY_KIND_COUNT ? kind_id[k] : NULL;
}

int
quality_kind_from_id(const char *id)
{
	for (int k = 0; k < QUALITY_KIND_COUNT; k++)
		if (id && strcmp(id, kind_id[k]) == 0)
			return k;
	return -1;
}

int
quality_words(const char *text)
{
	int n = 0, in = 0;
	for (const char *p = text ? text : ""; *p; p++) {
		int blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
		if (!blank && !in)
			n++;
		in = !blank;
	}
	return n;
}

/* True when item i has a likert answer inside its range. */
static int
answered(const bank *b, const int *answers, size_t i)
{
	const bank_item *it = &b->items[i];
	int v = answers[i];
	return it->type == ITEM_LIKERT && it->range && v != BANK_NO_ANSWER &&
	       v >= it->range->min && v <= it->range->max;
}

/* Append a note. */
static void
add_note(quality_notes *q, quality_kind k, int count, int total, char *text)
{
	q->v = xreallocarray(q->v, q->n + 1, sizeof *q->v);
	q->v[q->n].kind = k;
	q->v[q->n].count = count;
	q->v[q->n].total = total;
	q->v[q->n].text = text;
	q->n++;
}

/* An answer with its scale, for counting identical answers. */
typedef struct triple {
	int min, max, v;
	size_t item;
} triple;

/* Order triples by scale then value. */
static int
triple_cmp(const void *a, const void *b)
{
	const triple *x = a, *y = b;
	if (x->min != y->min)
		return x->min < y->min ? -1 : 1;
	if (x->max != y->max)
		return x->max < y->max ? -1 : 1;
	return (x->v > y->v) - (x->v < y->v);
}

/* The same-answer note, or 0 when the answers vary enough. */
static int
check_same(const bank *b, const int *answers, quality_notes *q)
{
	size_t n = 0, best = 0, besti = 0;
	triple *t = xreallocarray(NULL, b->nitems ? b->nitems : 1, sizeof *t);

	for (size_t i = 0; i < b->nitems; i++)
		if (answered(b, answers, i))
			t[n++] = (triple){ b->items[i].range->min, b->items[i].range->max, answers[i], i };
	qsort(t, n, sizeof *t, triple_cmp);
	for (size_t i = 0, run = 0; i < n; i++) {
		run = i > 0 && triple_cmp(&t[i - 1], &t[i]) == 0 ? run + 1 : 1;
		if (run > best) {
			best = run;
			besti = t[i].item;
		}
	}
	free(t);
	if (n < QUALITY_MIN_ITEMS || (double)best < QUALITY_SAME_SHARE * (double)n)
		return 0;
	const char *label = bank_range_label(b->items[besti].range, answers[besti]);
	char *lab = label ? text_clean_line(label) : NULL;
	char *what = lab ? xasprintf("%d, \"%s\"", answers[besti], lab)
	                 : xasprintf("%d", answers[besti]);
	char *text = xasprintf(
		"You gave the same answer (%s) to %zu of %zu statements. That can happen "
		"when the statements do not quite fit your life, or when you are tired or "
		"in a hurry. It means the result may say less about you than it could. If "
		"you like, you could take it again at a calmer moment.", what, best, n);
	add_note(q, QUALITY_SAME_ANSWER, (int)best, (int)n, text);
	free(lab);
	free(what);
	return 1;
}

/* True when scale s shows agreement with both its keyed and reverse-keyed items. */
static int
scale_acquiesces(const bank *b, const int *answers, size_t s)
{
	double sum[2] = { 0, 0 };
	int cnt[2] = { 0, 0 };

	for (size_t i = 0; i < b->nitems; i++) {
		if (!answered(b, answers, i))
			continue;
		const bank_item *it = &b->items[i];
		if (it->range->max <= it->range->min)
			continue;
		double agree = (double)(answers[i] - it->range->min) /
		               (double)(it->range->max - it->range->min);
		for (size_t k = 0; k < it->nkeys; k++) {
			if (it->keys[k].scale != s)
				continue;
			int side = it->keys[k].sign < 0;
			sum[side] += agree;
			cnt[side]++;
		}
	}
	if (cnt[0] < QUALITY_MIN_SIDE || cnt[1] < QUALITY_MIN_SIDE)
		return -1;
	return sum[0] / cnt[0] >= QUALITY_AGREE - 1e-9 && sum[1] / cnt[1] >= QUALITY_AGREE - 1e-9;
}

/* The acquiescence note, naming every scale that shows it. */
static void
check_acquiescence(const bank *b, const int *answers, quality_notes *q)
{
	char *names = xstrdup("");
	int hits = 0, checked = 0;

	for (size_t s = 0; s < b->nscales; s++) {
		int r = scale_acquiesces(b, answers, s);
		if (r < 0)
			continue;
		checked++;
		if (!r)
			continue;
		char *name = text_clean_line(b->scales[s].name ? b->scales[s].name : b->scales[s].id);
		char *joined = xasprintf("%s%s\"%s\"", names, hits ? ", " : "", name);
		free(names);
		free(name);
		names = joined;
		hits++;
	}
	if (hits) {
		char *text = xasprintf(
			"In the statements about %s, you tended to agree both with the ones that "
			"describe more of it and with the ones that describe less of it. Many "
			"people do this when a statement feels partly true, or when agreeing is "
			"easier than choosing. It can pull a score toward the middle, so read "
			"%s loosely.", names, hits > 1 ? "those scores" : "that score");
		add_note(q, QUALITY_ACQUIESCENCE, hits, checked, text);
	}
	free(names);
}

/* The fast-answers note. */
static void
check_fast(const bank *b, const int *answers, const double *seconds, quality_notes *q)
{
	int timed = 0, fast = 0;

	for (size_t i = 0; i < b->nitems; i++) {
		if (!answered(b, answers, i) || !b->items[i].text)
			continue;
		double t = seconds[i];
		if (isnan(t) || t < 0)
			continue;
		timed++;
		if (t < QUALITY_SECONDS_PER_WORD * quality_words(b->items[i].text))
			fast++;
	}
	if (fast < QUALITY_MIN_FAST || fast * 4 < timed)
		return;
	char *text = xasprintf(
		"%d of your %d answers came faster than most people can read the statement. "
		"That is fine if you knew your answer at once. If you were skimming, the "
		"result may be less accurate; you could take your time with it on another "
		"day.", fast, timed);
	add_note(q, QUALITY_FAST, fast, timed, text);
}

void
quality_check(const bank *b, const int *answers, const double *seconds, quality_notes *out)
{
	out->v = NULL;
	out->n = 0;
	if (!check_same(b, answers, out))
		check_acquiescence(b, answers, out);
	if (seconds)
		check_fast(b, answers, seconds, out);
}

void
quality_notes_free(quality_notes *q)
{
	for (size_t i = 0; i < q->n; i++)
		free(q->v[i].text);
	free(q->v);
	q->v = NULL;
	q->n = 0;
}
