/*
 * batch.h - batch scoring: a CSV of responses in, one line of scores per
 * respondent out (SPEC section 4).
 *
 * Input is RFC 4180 CSV read through libcsv in strict mode (a complete
 * line without any quote, the common case, is split by an equivalent fast
 * path that the tests and fuzzer hold to libcsv's result): quoted fields
 * may hold commas, doubled quotes and line breaks; lines end in LF or CRLF
 * (a lone CR also ends a row); a leading UTF-8 byte-order mark is skipped;
 * the last line needs no line end.  Blank lines are skipped.  Spaces and
 * tabs around an unquoted field are not part of it (libcsv's rule), so
 * " 4 " reads as 4.
 *
 * The first row is the header.  A column named `respondent` carries the
 * respondent's id (without one the id is the 1-based data row number);
 * columns named after likert items of the bank carry answers; columns named
 * after text items are skipped; any other column is ignored, with one
 * warning naming them all.  Items of the bank without a column also get one
 * warning and count as unanswered.
 *
 * A value is an integer in its item's range (leading zeros allowed, and a
 * zero fraction as spreadsheets write it: "4.0"), or empty or `NA` for a
 * missing answer.  A row with any other value, or with a number of fields
 * different from the header's, is reported as
 *   FILE:LINE: respondent ID: item ITEM: problem
 * (LINE = the physical line where the row starts; ID and values are
 * neutralised with text.h), is not written, and makes the result 65; every
 * other row is still scored and written.
 *
 * Output, format BATCH_CSV: the header
 *   respondent,<scale ids in bank order>,style[,margin,near_boundary]
 *     [,<id>_z,<id>_percentile for each scale with a norm]
 * (margin and near_boundary for quadrant banks only), then one row per
 * scored respondent: scores with 4 decimals exactly as printf's "%.4f" in
 * the C locale (whatever the current locale), an empty field for a missing
 * score, style or margin; near_boundary is 1 or 0 (empty without a style).
 * Fields are quoted per RFC 4180 where needed; ids are neutralised (no
 * control characters, valid UTF-8).  Format BATCH_JSON: one JSON object per
 * line with the same keys and content (numbers rounded to the same 4
 * decimals, null for missing, near_boundary a boolean).
 *
 * Memory is constant in the number of rows: fixed-size read and write
 * buffers, no allocation per row (except jansson's, freed per row, in JSON
 * mode).  One field may be at most BATCH_FIELD_MAX bytes.
 */
#ifndef SB_BATCH_H
#define SB_BATCH_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

#include "bank.h"

/* Longest field accepted (bytes); a longer one is a data error. */
#define BATCH_FIELD_MAX (1u << 20)

typedef enum { BATCH_CSV, BATCH_JSON } batch_format;

typedef struct batch_opts {
	batch_format format;
	const char *name;                 /* input name in messages; NULL = "<stdin>" */
	FILE *diag;                       /* warnings and row errors; NULL discards them */
	size_t read_size;                 /* bytes per read; 0 = 64 KiB (tests use tiny ones) */
	const volatile sig_atomic_t *stop;   /* may be NULL; when set, stop and return 130 */
	int libcsv_only;                  /* tests: no fast path, every byte through libcsv */
} batch_opts;

typedef struct batch_stats {
	unsigned long rows;               /* data rows read */
	unsigned long scored;             /* rows written */
	unsigned long rejected;           /* rows reported and skipped */
	int complete;                     /* 1: the whole input was read and every
	                                     row written or rejected; the output is
	                                     whole (it may still hold no rows) */
	int out_errno;                    /* errno of a failed write to `out`, or 0 */
} batch_stats;

/*
 * Score the CSV read from `in` against bank b, writing to `out`.  Returns
 *   0   every row scored and written;
 *   65  rows were rejected (st->complete = 1: the others are all written),
 *       or the input is unusable: empty, no header, duplicate column names,
 *       a header naming no item of the bank (nothing written), malformed
 *       quoting or an overlong field (rows before it written);
 *   74  reading `in` or writing `out` failed;
 *   130 o->stop was set.
 * Every input problem is printed to o->diag as FILE:LINE: message; a
 * write error is not (the caller knows the output's name: st->out_errno).
 * `st` may be NULL.  Nothing is allocated that outlives the call; `out` is flushed
 * but not closed.
 */
int batch_score(const bank *b, FILE *in, FILE *out, const batch_opts *o, batch_stats *st);

/*
 * Format x as printf("%.4f", x) does in the C locale (round half to even
 * on the exact binary value, "-0.0000" for negative values that round to
 * zero), whatever the current locale.  buf must hold BATCH_FMT4_MAX bytes;
 * it is NUL-terminated.  Returns the length.
 */
#define BATCH_FMT4_MAX 330
size_t batch_fmt4(double x, char *buf);

#endif
