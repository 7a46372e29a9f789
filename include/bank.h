/*
 * bank.h - a questionnaire bank (SPEC section 2, schema 1): model and loader.
 *
 * A bank is read from YAML by bank_load_file / bank_load_mem, fully validated
 * and resolved (defaults applied, keys turned into scale indexes), then is
 * read-only.  Every problem found is appended to the caller's errlist as
 * FILE:LINE:COLUMN: message, all problems of a file in one run wherever the
 * YAML itself parses.  Example checks (the `examples` key) are NOT run by the
 * loader; see check.h.
 *
 * Ownership: a loaded bank owns every string and array it points to;
 * bank_free releases it all.  Strings are UTF-8 exactly as written in the
 * file: callers that display them must neutralise control characters (text.h).
 */
#ifndef SB_BANK_H
#define SB_BANK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "err.h"

/*
 * Largest input the loader reads, in bytes (1 GiB; keeps every index and
 * count in 32 bits).  A longer input is refused after reading at most one
 * byte more, so that an endless one (/dev/zero, a pipe) costs no more.
 */
#define BANK_MAX_BYTES ((size_t)1 << 30)

/* The four styles, in canonical order. */
enum { STYLE_SECURE, STYLE_ANXIOUS, STYLE_DISMISSIVE, STYLE_FEARFUL, STYLE_COUNT };

/* "secure", "anxious-preoccupied", "dismissive-avoidant", "fearful-avoidant". */
const char *bank_style_id(int style);
/* Index of a style id, or -1. */
int bank_style_from_id(const char *id);

typedef struct bank_label {
	int value;
	char *text;
} bank_label;

/* A response scale: min..max and its optional labels (sorted by value). */
typedef struct bank_range {
	int min, max;
	bank_label *labels;
	size_t nlabels;
} bank_range;

typedef struct bank_scale {
	char *id, *name, *description;   /* description may be NULL */
	double cutoff;                   /* resolved: explicit or (min+max)/2 */
	int has_norm;
	double norm_mean, norm_sd;
	char *norm_source;               /* may be NULL */
	int min_answered;                /* resolved: explicit or ceil(nitems/2) */
	size_t nitems;                   /* likert items keyed to this scale */
	unsigned long line, col;
} bank_scale;

typedef struct bank_key {
	size_t scale;                    /* index into bank.scales */
	int sign;                        /* +1 or -1 */
} bank_key;

typedef enum { ITEM_LIKERT, ITEM_TEXT } bank_item_type;

typedef struct bank_item {
	char *id;
	char *text;                      /* may be NULL in score-only banks */
	bank_item_type type;
	const bank_range *range;         /* likert: the item's own or the bank's */
	bank_key *keys;
	size_t nkeys;
	unsigned long line, col;
} bank_item;

/* A field of a style explanation: `summary`, or any further key a bank adds. */
typedef struct bank_field {
	char *key, *text;
} bank_field;

typedef struct bank_style {
	int present;                     /* the bank has a `styles` entry for it */
	char *name;                      /* may be NULL: use the built-in text */
	bank_field *fields;              /* in file order; includes summary */
	size_t nfields;
} bank_style;

typedef enum { CLASSIFY_QUADRANT, CLASSIFY_HIGHEST } bank_method;

/* One known-answer test.  answers[i] is BANK_NO_ANSWER when not given. */
typedef struct bank_expect {
	int is_style;                    /* 1: style expectation, 0: a scale score */
	size_t scale;                    /* when !is_style */
	int is_null;                     /* expects no score / no style */
	double value;                    /* expected score */
	char *style;                     /* expected style string, e.g. "secure+fearful-avoidant" */
	unsigned style_mask;             /* the same as a set: bit s for each style named (0 if is_null) */
	unsigned long line, col;
} bank_expect;

typedef struct bank_example {
	int *answers;                    /* nitems entries */
	bank_expect *expect;
	size_t nexpect;
	unsigned long line, col;
} bank_example;

#define BANK_NO_ANSWER INT32_MIN

typedef struct bank {
	char *file;                      /* name given to the loader */
	char *id, *title;
	char *version, *language, *source, *instructions;   /* optional, NULL if absent; language defaults to "en" */
	bank_range range;                /* the default response_scale */
	bank_scale *scales;
	size_t nscales;
	bank_item *items;
	size_t nitems;
	size_t nlikert;                  /* items of type likert */
	bank_method method;
	size_t anxiety, avoidance;       /* quadrant: scale indexes */
	size_t highest[STYLE_COUNT];     /* highest: scale index per style */
	bank_style styles[STYLE_COUNT];
	bank_example *examples;
	size_t nexamples;
	char hash[17];                   /* FNV-1a 64 of the file's bytes, hex ("" with BANK_LOAD_NO_HASH) */
	void *index_;                    /* private: id lookup tables */
} bank;

/*
 * Load and validate a bank from a file.  On success returns 0 and sets *out.
 * Returns 66 (EX_NOINPUT) when the file cannot be opened or read, with one
 * record; 65 (EX_DATAERR) when it is invalid, with one record per problem,
 * or when it is longer than BANK_MAX_BYTES ("FILE: the file is too large for
 * a bank (more than N bytes)", no position).  *out is NULL on failure.
 */
int bank_load_file(bank **out, const char *path, errlist *errs);

/* Same from memory; `name` is used as the file name in records. Returns 0 or 65. */
int bank_load_mem(bank **out, const char *name, const char *buf, size_t len, errlist *errs);

/*
 * The same with flags.  BANK_LOAD_NO_HASH leaves `hash` empty (""): for
 * callers that never use it, such as `check`, since hashing a big file costs
 * about a nanosecond a byte.  Everything else is identical.
 */
enum { BANK_LOAD_NO_HASH = 1u << 0 };
int bank_load_file_ex(bank **out, const char *path, unsigned flags, errlist *errs);
int bank_load_mem_ex(bank **out, const char *name, const char *buf, size_t len,
                     unsigned flags, errlist *errs);

/*
 * The same from a stream opened for reading (e.g. stdin), named `name` in
 * records.  Reads to its end, but never more than BANK_MAX_BYTES + 1 bytes;
 * fp is not closed.  Returns 0, 65 (invalid, or too large) or 66 (a read
 * error, with one record).
 */
int bank_load_stream_ex(bank **out, FILE *fp, const char *name, unsigned flags, errlist *errs);

/* Release a bank (NULL is fine). */
void bank_free(bank *b);

/* Index of the item / scale with this id, or -1.  O(1) on average. */
long bank_item_index(const bank *b, const char *id);
long bank_scale_index(const bank *b, const char *id);

/* The bank's label for value v on range r, or NULL. */
const char *bank_range_label(const bank_range *r, int v);

/* The text of field `key` of a style's explanation, or NULL. */
const char *bank_style_field(const bank *b, int style, const char *key);

#endif
