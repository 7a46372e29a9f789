/*
 * batch_int.h - private to batch.c, batch_header.c and batch_out.c: the
 * state of one batch scoring run, and the output side (buffered writer,
 * CSV and JSON row formats).
 */
#ifndef SB_BATCH_INT_H
#define SB_BATCH_INT_H

#include <csv.h>
#include <stddef.h>
#include <stdio.h>

#include "bank.h"
#include "batch.h"
#include "score.h"

#define BOUT_SIZE (1u << 16)

/* A write buffer over a FILE; err is the errno of the first failed write. */
typedef struct bout {
	FILE *fp;
	size_t len;
	int err;
	char buf[BOUT_SIZE];
} bout;

/* Formats rows of one bank; owns nothing but its scratch string. */
typedef struct bwriter {
	const bank *b;
	batch_format fmt;
	int quadrant;                     /* write margin, near_boundary */
	int has_norms;                    /* some scale has a norm */
	const char *style[16];            /* style strings per mask */
	size_t stylelen[16];
	char style_buf[16][96];
	bout out;
} bwriter;

/* Start a writer for bank b on fp. */
void bwriter_init(bwriter *w, const bank *b, batch_format fmt, FILE *fp);
/* Write the header (CSV only; JSON has none). */
void bwriter_header(bwriter *w);
/* Write one scored row; id is n bytes of raw CSV text (neutralised here). */
void bwriter_row(bwriter *w, const char *id, size_t n, const score_result *r);
/* Flush; returns 0 or the errno of the first failed write. */
int bwriter_flush(bwriter *w);

/*
 * Neutralise n bytes of untrusted text for one line of output: returns s
 * itself when it is printable ASCII already, else a new string (text.h
 * rules, newlines as spaces) that the caller frees; *len gets its length.
 */
const char *batch_clean(const char *s, size_t n, size_t *len);

/* --- the input side (batch.c, batch_header.c) ---------------------------- */

#define SHOW_MAX 40                       /* bytes of a bad value quoted in a message */

enum { COL_IGNORED = -1, COL_RESPONDENT = -2, COL_TEXT = -3 };

/* A bad value seen in the current row, reported when the row ends. */
typedef struct bad {
	long item;
	int kind;
	size_t len;                           /* length of the value */
	char text[SHOW_MAX];                  /* its first bytes */
} bad;

/* What a column holds: an item (its index and range) or COL_*. */
typedef struct colinfo {
	long item;
	int lo, hi;
} colinfo;

/* A header cell: name and length (names may hold any byte). */
typedef struct hname {
	char *s;
	size_t n;
} hname;

/* One scoring run: the parser, where it is, the header and the current row. */
typedef struct batch {
	const bank *b;
	const batch_opts *o;
	const char *name;              /* the input's name, safe to print */
	char *name_esc;                /* owned: name with controls as \xNN, or NULL */
	struct csv_parser p;
	int status;                           /* 0, 65 */
	int stop;                             /* fatal: stop feeding */

	/* position */
	unsigned long line;                   /* physical line being fed, 1-based */
	unsigned long row_line;               /* line where the current row starts */
	int row_open;
	int bom;                              /* bytes of a BOM matched; -1 = past it */
	unsigned char bom_held[3];
	unsigned long long bytes;             /* after the BOM */

	/* header */
	int in_header;
	hname *hdr;
	size_t nhdr, hdrcap;
	colinfo *cols;                        /* per column */
	size_t ncols;
	int has_respondent;

	/* current row */
	size_t col;
	int *answers;                         /* b->nitems */
	char *id;
	size_t idlen, idcap;
	int have_id;
	bad *bads;
	size_t nbad, badcap;

	score_result res;
	bwriter *w;
	batch_stats st;
} batch;

/* Print "FILE:LINE: " + message to the diagnostics stream (line 0: "FILE: "). */
void batch_diag(batch *c, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * The header row is complete: map its cells to items (c->cols), report
 * duplicate names, a header naming no item and the columns left out; on a
 * fatal problem set c->status 65 and c->stop, else write the output header.
 */
void batch_finish_header(batch *c);

#endif
