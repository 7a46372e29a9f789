/*
 * batch_int.h - private to batch.c and batch_out.c: the output side of
 * batch scoring (buffered writer, CSV and JSON row formats).
 */
#ifndef SB_BATCH_INT_H
#define SB_BATCH_INT_H

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

#endif
