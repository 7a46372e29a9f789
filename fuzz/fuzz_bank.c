/*
 * fuzz_bank.c - libFuzzer target for the bank loader: any bytes through
 * ytree_parse, bank_load_mem and, for a valid bank, its examples (check.h).
 * Every record must carry a position; a loaded bank must answer its lookups.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "bank.h"
#include "check.h"
#include "ytree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Exercise a loaded bank's lookups; abort on any inconsistency. */
static void
poke(const bank *b)
{
	for (size_t i = 0; i < b->nitems; i++) {
		const bank_item *it = &b->items[i];
		if (bank_item_index(b, it->id) != (long)i)
			abort();
		if (it->type == ITEM_LIKERT) {
			if (it->range->min >= it->range->max || it->nkeys == 0)
				abort();
			for (int v = it->range->min; v <= it->range->max && v < it->range->min + 16; v++)
				(void)bank_range_label(it->range, v);
		}
		for (size_t k = 0; k < it->nkeys; k++)
			if (it->keys[k].scale >= b->nscales)
				abort();
	}
	for (size_t s = 0; s < b->nscales; s++)
		if (bank_scale_index(b, b->scales[s].id) != (long)s || b->scales[s].nitems == 0)
			abort();
	for (int s = 0; s < STYLE_COUNT; s++)
		(void)bank_style_field(b, s, "summary");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	errlist errs;
	ytree *t;
	bank *b;

	errlist_init(&errs);
	t = ytree_parse("fuzz.yaml", data, size, &errs);
	ytree_free(t);
	errlist_free(&errs);
	if (bank_load_mem(&b, "fuzz.yaml", (const char *)data, size, &errs) == 0) {
		poke(b);
		check_examples(b, &errs);
		bank_free(b);
	} else if (b || errs.n == 0) {
		abort();
	}
	for (size_t i = 0; i < errs.n; i++)
		if (errs.v[i].line == 0 || errs.v[i].col == 0)
			abort();
	errlist_free(&errs);
	return 0;
}
