/*
 * session.h - one administration of a bank: answers, position, navigation.
 *
 * A session holds what a person has answered so far and where they are.
 * It is pure state: no I/O, no terminal; the interface (src/tui), plain
 * mode (plain.h) and the progress file (progress.h) drive it.
 *
 * Positions are item indexes 0 .. nitems-1, and nitems
 * for the review after the last item.  Every item is in one of three marks:
 * not yet seen, skipped (seen, left unanswered) or answered.  Invariant
 * kept by every function here: all items before the position are seen, so
 * going forward never jumps over a question the person has not met.
 *
 * Timing: the caller says when an item is put in front of the person
 * (session_shown) and passes the clock to the answering functions; the
 * session records, per item, the milliseconds from shown to answered (the
 * results use it to notice answers given faster than reading allows), or
 * -1 when unknown (answers restored from a file keep their saved times).
 * Clocks are milliseconds from session_clock_ms (monotonic).
 *
 * Ownership: session_init allocates the arrays, session_free releases them;
 * the bank is borrowed and must outlive the session.  Text answers are
 * copies owned by the session.  Nothing here fails except by dying on
 * out-of-memory.
 */
#ifndef SB_SESSION_H
#define SB_SESSION_H

#include <stddef.h>
#include <time.h>

#include "bank.h"
#include "score.h"

typedef enum session_mark {
	SESSION_UNSEEN,     /* not reached yet */
	SESSION_SKIPPED,    /* seen and left unanswered */
	SESSION_ANSWERED
} session_mark;

/* Longest text answer kept, in bytes (longer input is cut at a character boundary). */
#define SESSION_TEXT_MAX 4000

typedef struct session {
	const bank *bank;        /* borrowed */
	size_t nitems;           /* bank->nitems */
	int *values;             /* likert answers, BANK_NO_ANSWER when none (score.h layout) */
	char **texts;            /* text answers (owned) or NULL */
	unsigned char *marks;    /* session_mark per item */
	long *ms;                /* per item: ms from shown to answer, -1 unknown */
	size_t pos;              /* current item, or nitems for the review */
	int from_review;         /* the current item was opened from the review */
	long long shown_at;      /* session_clock_ms() when pos was shown, -1 */
	time_t started, updated; /* wall clock: first shown, last answer */
} session;

/* Prepare an empty session for bank b at the first item. */
void session_init(session *s, const bank *b);
/* Release the session's memory (the bank is not touched). */
void session_free(session *s);
/* Forget every answer and go back to the first item (start again). */
void session_reset(session *s);

/* Milliseconds of a monotonic clock, for session_shown and the answer functions. */
long long session_clock_ms(void);

/* True at the review (position nitems). */
int session_at_review(const session *s);
/* The current item, or NULL at the review. */
const bank_item *session_item(const session *s);

/* The current item was put in front of the person at time now_ms. */
void session_shown(session *s, long long now_ms);

/*
 * Answer the current likert item with value v and move on (to the next
 * item, or back to the review when the item was opened from it).
 * Returns 0, or -1 (nothing changes) when at the review, the item is not
 * likert, or v is outside the item's range.
 */
int session_answer(session *s, int v, long long now_ms);

/*
 * Answer the current text item and move on like session_answer.  The
 * text is kept neutralised (text_clean: tabs become spaces, controls and
 * escape sequences cannot survive) and cut to SESSION_TEXT_MAX bytes.  A
 * text that is empty or only blanks clears the answer (the item counts as
 * skipped).  Returns 0, or -1 when at the review or the item is not text.
 */
int session_answer_text(session *s, const char *text, long long now_ms);

/* Leave the current item unanswered if it has no answer yet, and move on.
 * An existing answer is kept.  Returns 0, or -1 at the review. */
int session_skip(session *s);

/* Remove the answer of the current item (it becomes skipped); stays put.
 * Returns 0, or -1 at the review. */
int session_clear(session *s);

/* One item back (from the review: the last item).  Returns 0, -1 at the first. */
int session_back(session *s);
/* One item forward, allowed only over a seen item.  Returns 0, or -1 when
 * the current item has not been answered or skipped, or at the review. */
int session_forward(session *s);
/* Go to the first item. */
void session_first(session *s);
/* Go to the first item not yet seen, or to the review when all are seen. */
void session_end(session *s);
/* Open item i from the review (answering it returns to the review).
 * Returns 0, or -1 when i is out of range or not every item is seen. */
int session_goto(session *s, size_t i);

/* Index of the first unseen item, or nitems when every item is seen. */
size_t session_first_unseen(const session *s);
/* Every item seen: the review (and the results) can be reached. */
int session_complete(const session *s);
/* Number of items answered / answered likert items / likert items. */
size_t session_answered(const session *s);
size_t session_answered_likert(const session *s);

/* Item i's mark, likert value (BANK_NO_ANSWER if none), text (NULL if none). */
session_mark session_mark_of(const session *s, size_t i);
int session_value(const session *s, size_t i);
const char *session_text(const session *s, size_t i);
/* Milliseconds from shown to answered for item i, -1 unknown. */
long session_ms(const session *s, size_t i);

/*
 * Restore one item without moving or timing (used when loading progress):
 * a likert value (must be in range), a text (non-blank), or a skip.  ms is
 * the saved time or -1.  Return 0, or -1 when the value does not fit the item.
 */
int session_set_value(session *s, size_t i, int v, long ms);
int session_set_text(session *s, size_t i, const char *text, long ms);
int session_set_skipped(session *s, size_t i);
/* Set the position (clamped so that every item before it is seen). */
void session_set_pos(session *s, size_t pos, int from_review);

/* Score the answers so far into r (initialised for the bank). */
void session_score(const session *s, score_result *r);

#endif
