/*
 * bank_int.h - private to the bank loader (bank.c, bank_value.c,
 * bank_load.c, bank_rules.c).  Not part of any public contract.
 *
 * The loader walks the ytree once, section by section, filling a bank that
 * lives in one arena.  Every problem is reported through ld_err (which counts
 * it); a bank with any problem is freed and the load returns 65.  Problems
 * are kept compactly (a position and a message stored once however often it
 * recurs) and become the caller's records only after the bank's memory is
 * released, so that a flood of them (one id repeated millions of times) does
 * not hold both the items and a record per problem.
 */
#ifndef SB_BANK_INT_H
#define SB_BANK_INT_H

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "bank.h"
#include "ytree.h"

/* Largest magnitude of a response-scale integer (keeps every sum in an int). */
#define BANK_INT_LIMIT 1000000

/* id -> index table with open addressing and linear probing.  Grows. */
typedef struct idslot {
	uint32_t idx1;               /* index + 1; 0 marks an empty slot */
	uint32_t hash;               /* of the id, so probes and growth rarely read strings */
} idslot;

typedef struct idtab {
	idslot *slot;
	size_t mask;
	size_t count;
} idtab;

/* The bank's private part: its arena and lookup tables (bank.index_). */
typedef struct bank_priv {
	arena mem;
	idtab items, scales;
} bank_priv;

/* A scale named by an item, resolved once the whole file is read. */
typedef struct ld_ref {
	uint32_t item;
	uint32_t name;               /* index into ld.names */
	uint32_t line, col;
	signed char sign;            /* +1/-1: add the key; 0: only note the reference */
	unsigned char quiet;         /* an undefined scale is not reported */
} ld_ref;

/* A problem found by the loader, until the load ends (ld_report). */
typedef struct ld_prob {
	uint32_t line, col;          /* 1-based, 0 = unknown */
	uint32_t msg;                /* index into ld.msgs */
} ld_prob;

/* What the current message is about, printed before it ("item 'a1': ..."). */
typedef struct ld_ctx {
	const char *kind;            /* "item", "scale", "example", "classification", ... */
	size_t index;                /* 1-based position in its list, 0 = none */
	const char *id;              /* its id when valid, else NULL */
	size_t idlen;
} ld_ctx;

/* Loader state for one bank. */
typedef struct ld {
	bank *b;
	bank_priv *p;
	size_t nerr;                 /* problems reported by this load */
	ld_prob *probs;              /* the problems to report, in order */
	size_t nprobs, probs_cap;
	char **msgs;                 /* their distinct messages (in tmp) */
	size_t nmsgs, msgs_cap;
	idtab msgs_tab;
	size_t len;                  /* input size, for memory bounds */
	ld_ctx ctx;
	bank_range any;              /* stands in for an invalid range: checks pass */
	struct ld_scale {            /* per scale, while loading */
		const yt_node *cutoff, *min_answered;   /* given values, or NULL */
		int rmin, rmax;      /* union of its keyed items' ranges */
		int referenced;      /* named by an item, even in an invalid key */
	} *sx;
	int scales_ok, items_ok;     /* the section parsed well enough for cross checks */
	const yt_node *items_seq;    /* the streamed `items` sequence */
	size_t items_cap;            /* allocated entries of b->items */
	ld_ref *refs;                /* scale references of items, in file order */
	size_t nrefs, refs_cap;
	char **names;                /* the distinct scale names items use (in tmp) */
	size_t nnames, names_cap;
	idtab names_tab;
	arena tmp;                   /* loader-only strings, freed after the load */
} ld;

/* A key a mapping may hold. */
typedef struct ld_key {
	const char *name;
	int required;
} ld_key;

/* --- bank.c --- */
/*
 * The next capacity of a growing array (first when cap is 0): doubled while
 * small, then an eighth more at a time, so that a big array's unused tail
 * stays small (a memory limit counts it, touched or not).
 */
size_t ld_grow(size_t cap, size_t first);
/*
 * Read fp to its end into a malloc'd, NUL-terminated buffer (*out, *outlen),
 * reading at most limit + 1 bytes (limit < SIZE_MAX).  Returns 0; 1 when fp
 * holds more than limit bytes (nothing is kept; a regular file is not read
 * at all); -1 with errno on a read error.
 */
int bank_read_limited(FILE *fp, size_t limit, char **out, size_t *outlen);
/* An empty table sized for n ids (it grows past that). */
void idtab_init(idtab *t, size_t n);
/* Index of id (looked up through ids, an array of string pointers at stride), or -1. */
long idtab_find(const idtab *t, const char *id, size_t len, const void *base, size_t stride);
/* Insert index i (id at base + i*stride); returns the existing index if id is taken, else -1. */
long idtab_put(idtab *t, size_t i, const void *base, size_t stride);
/*
 * The same in two steps, so that the table's cache miss overlaps other work:
 * hash the id, prefetch its slot (growing the table first), later insert.
 */
uint32_t idtab_hash(const char *id, size_t len);
void idtab_prefetch(idtab *t, uint32_t h);
long idtab_put_hashed(idtab *t, size_t i, uint32_t h, const void *base, size_t stride);

/* --- bank_value.c: messages and typed values --- */
/* Report a problem at node `at` / at line:col, prefixed by the context. */
void ld_err(ld *l, const yt_node *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ld_errp(ld *l, unsigned long line, unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Append the problems kept so far to errs as records of file `name`, then forget them. */
void ld_report(ld *l, const char *name, errlist *errs);
/* Quote a scalar's text (or name a collection) for a message. */
char *ld_q(const yt_node *n, char *buf, size_t size);
/*
 * Sort m's pairs into vals[] (and their key nodes into knodes[] unless NULL)
 * by keys[] (NULL when absent); unknown keys are errors at the key, missing
 * required keys errors at m.  `what` names the mapping ("a scale").
 * Returns 0, or -1 when m is not a mapping (reported).
 */
int ld_keys(ld *l, const yt_node *m, const char *what, const ld_key *keys, size_t nkeys,
            const yt_node **vals, const yt_node **knodes);
/*
 * Typed values.  `key` names the value in messages ("'min'" is printed as
 * 'min'), e.g. "'min' must be an integer, found '4abc'".
 */
/* Text: an arena copy, or NULL (reported). */
char *ld_text(ld *l, const yt_node *v, const char *key);
/* Integer in lo..hi into *out; 0 or -1 (reported). */
int ld_int(ld *l, const yt_node *v, const char *key, long lo, long hi, int *out);
/* Finite decimal into *out; 0 or -1 (reported). */
int ld_dec(ld *l, const yt_node *v, const char *key, double *out);
/* Boolean, exactly true or false, into *out; 0 or -1 (reported). */
int ld_bool(ld *l, const yt_node *v, const char *key, int *out);
/* Identifier: bank ids [a-z0-9][a-z0-9-]* (bank_id=1) or [A-Za-z0-9_.-]+; copy or NULL. */
char *ld_id(ld *l, const yt_node *v, const char *key, int bank_id);
/* Strict number syntax, shared with tests: 0 ok, -1 not a number, -2 not an integer, -3 out of range. */
int bank_parse_int(const char *s, size_t len, long *out);
int bank_parse_dec(const char *s, size_t len, double *out);
/* "a, b, c" list of the scale ids for messages (cut after a few). */
char *ld_scale_list(const ld *l, char *buf, size_t size);
/* Scale index named by scalar v, or -1 with "scale 'x' is not defined (scales: ...)". */
long ld_scale_ref(ld *l, const yt_node *v);

/* --- bank_load.c --- */
/* Record id (element i of base) in t, reporting reserved ids and repeats; 0 or -1. */
int ld_unique(ld *l, idtab *t, const yt_node *idnode, size_t i, const void *base, size_t stride,
              const char *kind, int scale);
/* ld_unique for an item whose id hash h was computed (and prefetched) before. */
int ld_unique_item(ld *l, const yt_node *idnode, size_t i, uint32_t h);
/* Name the current list entry m by its `id` in messages, when it has one. */
void ld_ctx_id(ld *l, const yt_node *m);
void ld_range(ld *l, const yt_node *v, bank_range *r, const char *key);
void ld_scales(ld *l, const yt_node *v);
/* --- bank_items.c --- */
/* ytree_entry_fn for `items`: load one item as soon as it is read. */
void ld_item_entry(void *ctx, const yt_node *seq, size_t index, const yt_node *entry);
/* After the parse: the `items` value (streamed) and the deferred scale references. */
void ld_items(ld *l, const yt_node *v);
void ld_scale_rules(ld *l);

/* --- bank_rules.c --- */
void ld_classification(ld *l, const yt_node *v);
void ld_styles(ld *l, const yt_node *v);
void ld_examples(ld *l, const yt_node *v);

#endif
