/*
 * quality.h - answer-quality notes, worded kindly.
 *
 * Three patterns that can make a result say less about a person than it
 * could.  None of them is an accusation, and none changes the scores: they
 * are shown next to the result (screen and reports) so that the person and a
 * clinician can read it with the right amount of caution.
 *
 * same-answer (straight-lining)
 *   At least QUALITY_MIN_ITEMS likert items answered, and one answer (the
 *   same raw value on the same response scale) given to at least
 *   QUALITY_SAME_SHARE of them (90%).
 *
 * acquiescence (agreeing with a statement and with its opposite)
 *   For each scale, split its answered items by the sign of their key: items
 *   keyed +1 (agreeing means more of the trait) and items keyed -1
 *   (reverse-keyed: agreeing means less).  Agreement of an answer r on an
 *   item with range min..max is (r - min) / (max - min), from 0 (strongest
 *   disagreement) to 1 (strongest agreement), taken on the RAW answer before
 *   any reverse keying.  A scale shows acquiescence when it has at least
 *   QUALITY_MIN_SIDE answered items on each side and the mean agreement is at
 *   least QUALITY_AGREE (2/3) on both sides: the person agreed, on average, at
 *   least "slightly" (5 on a 1..7 scale) both with the statements describing
 *   more of the trait and with those describing less of it, which cannot
 *   both be true.  Both means being that high also makes them similar (they
 *   differ by at most 1/3 of the range).  One note names every such scale.
 *   When the same-answer note is given, this one is not: an identical
 *   answer to everything already explains it.
 *
 * fast (answers faster than reading allows; interface sessions only)
 *   An answer is fast when the time from showing the item to answering it is
 *   below QUALITY_SECONDS_PER_WORD (0.1 s, i.e. 600 words a minute, about
 *   twice a fast reader's pace) times the words in the item text.  Only
 *   likert items with text and a known time count.  The note is given when
 *   at least QUALITY_MIN_FAST answers, and at least a quarter of the timed
 *   ones, are fast.
 *
 * Ownership: a quality_notes owns its texts; quality_notes_free releases
 * them.  Bank strings quoted in a note (scale names, labels) are neutralised
 * (text.h).  Nothing here fails except by dying on out-of-memory.
 */
#ifndef SB_QUALITY_H
#define SB_QUALITY_H

#include <stddef.h>

#include "bank.h"

#define QUALITY_MIN_ITEMS 8
#define QUALITY_SAME_SHARE 0.9
#define QUALITY_MIN_SIDE 2
#define QUALITY_AGREE (2.0 / 3.0)
#define QUALITY_SECONDS_PER_WORD 0.1
#define QUALITY_MIN_FAST 3

typedef enum quality_kind {
	QUALITY_SAME_ANSWER,
	QUALITY_ACQUIESCENCE,
	QUALITY_FAST,
	QUALITY_KIND_COUNT
} quality_kind;

typedef struct quality_note {
	quality_kind kind;
	int count, total;      /* same-answer: identical / answered; fast: fast / timed;
	                          acquiescence: scales showing it / scales checked */
	char *text;            /* owned: the kind wording, one paragraph */
} quality_note;

typedef struct quality_notes {
	quality_note *v;       /* in quality_kind order */
	size_t n;
} quality_notes;

/*
 * Check answers (b->nitems entries, BANK_NO_ANSWER when unanswered) and, when
 * seconds is not NULL, answer times (b->nitems entries, seconds from showing
 * an item to its last answer; negative or NaN when unknown).  *out is
 * overwritten (free it first if reused) and holds zero to three notes.
 */
void quality_check(const bank *b, const int *answers, const double *seconds,
                   quality_notes *out);

/* Release the notes; *q is empty afterwards. */
void quality_notes_free(quality_notes *q);

/* Stable id of a kind: "same-answer", "acquiescence", "fast" (NULL if out of range). */
const char *quality_id(quality_kind k);
/* Kind of an id, or -1. */
int quality_kind_from_id(const char *id);

/* Words in a text (runs of non-blank characters); 0 for NULL. */
int quality_words(const char *text);

#endif
