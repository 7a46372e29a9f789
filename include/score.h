/*
 * score.h - scoring answers against a bank (SPEC section 3).
 *
 * Pure computation: no I/O, no allocation after score_result_init, so the
 * batch scorer can reuse one result for every row.
 *
 * Answers are an array of bank->nitems ints, BANK_NO_ANSWER for an item not
 * answered (and for text items).  An answer outside its item's range is the
 * caller's error to catch; score_compute treats it as not answered.
 */
#ifndef SB_SCORE_H
#define SB_SCORE_H

#include "bank.h"

typedef struct score_scale {
	int has_score;
	double score;                    /* mean of keyed values */
	int answered;                    /* answered items keyed to the scale */
	int has_norm;                    /* bank gave a norm and there is a score */
	double z, percentile;            /* normal approximation */
} score_scale;

/* Near-boundary tolerance of SPEC 3.4, in scale points (inclusive). */
#define SCORE_NEAR 0.5

/*
 * Floating-point slack for the comparisons the spec states in exact terms
 * (near the boundary within SCORE_NEAR inclusive, ties).  Scores are means
 * of small integers, so true differences are either 0 or far above this.
 * Everything that classifies a point uses it, so that the same point is
 * classified alike wherever it comes from.
 */
#define SCORE_EPS 1e-9

typedef struct score_result {
	score_scale *scales;             /* nscales entries, owned */
	size_t nscales;
	unsigned style_mask;             /* bit s set for style s; 0 = no style; >1 bit = tie */
	int has_margin;                  /* quadrant with a style */
	double margin;                   /* smaller distance of the two axes from their cutoffs */
	int near_boundary;               /* margin <= SCORE_NEAR */
	unsigned near_mask;              /* quadrant: styles across each axis within SCORE_NEAR, plus the style */
	int anxiety_high, avoidance_high;   /* quadrant, when there is a style */
	void *plan_;                     /* private: b's items and keys laid out for
	                                    score_compute (built by score_result_init) */
} score_result;

/* Prepare a result for bank b (allocates the scale array). */
void score_result_init(score_result *r, const bank *b);
/* Release the result's memory. */
void score_result_free(score_result *r);

/* Score answers (b->nitems entries) into r, which must have been initialised for b. */
void score_compute(const bank *b, const int *answers, score_result *r);

/* The value answer `v` contributes to a scale keyed with `sign` on item range rng. */
int score_keyed_value(const bank_range *rng, int sign, int v);

/* Quadrant style from axis highs: 0/0 secure, 1/0 anxious, 0/1 dismissive, 1/1 fearful. */
int score_quadrant_style(int anxiety_high, int avoidance_high);

/* Write the style mask as ids joined with '+' in canonical order ("" for 0). Returns buf. */
char *score_style_string(unsigned mask, char *buf, size_t size);

/* Parse "a+b" style strings into a mask; returns 0 on success, -1 if invalid. */
int score_style_parse(const char *s, unsigned *mask);

/* Standard normal cumulative distribution. */
double score_phi(double z);

#endif
