/* session.c - one administration of a bank: answers, position, navigation. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

void
session_init(session *s, const bank *b)
{
	size_t n = b->nitems;

	memset(s, 0, sizeof *s);
	s->bank = b;
	s->nitems = n;
	s->values = xcalloc(n ? n : 1, sizeof *s->values);
	s->texts = xcalloc(n ? n : 1, sizeof *s->texts);
	s->marks = xcalloc(n ? n : 1, sizeof *s->marks);
	s->ms = xcalloc(n ? n : 1, sizeof *s->ms);
	session_reset(s);
}

void
session_free(session *s)
{
	if (!s || !s->values)
		return;
	for (size_t i = 0; i < s->nitems; i++)
		free(s->texts[i]);
	free(s->values);
	free(s->texts);
	free(s->marks);
	free(s->ms);
	memset(s, 0, sizeof *s);
}

void
session_reset(session *s)
{
	for (size_t i = 0; i < s->nitems; i++) {
		s->values[i] = BANK_NO_ANSWER;
		free(s->texts[i]);
		s->texts[i] = NULL;
		s->marks[i] = SESSION_UNSEEN;
		s->ms[i] = -1;
	}
	s->pos = 0;
	s->from_review = 0;
	s->shown_at = -1;
	s->started = s->updated = 0;
}

long long
session_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
session_at_review(const session *s)
{
	return s->pos >= s->nitems;
}

const bank_item *
session_item(const session *s)
{
	return s->pos < s->nitems ? &s->bank->items[s->pos] : NULL;
}

void
session_shown(session *s, long long now_ms)
{
	s->shown_at = now_ms;
	if (!s->started)
		s->started = time(NULL);
}

/* Milliseconds since the current item was shown, or -1. */
static long
elapsed(const session *s, long long now_ms)
{
	if (s->shown_at < 0 || now_ms < s->shown_at)
		return -1;
	return now_ms - s->shown_at > 86400000LL ? 86400000L : (long)(now_ms - s->shown_at);
}

/* After answering or skipping: the next item, or back to the review. */
static void
advance(session *s)
{
	if (s->from_review) {
		s->pos = s->nitems;
		s->from_review = 0;
	} else if (s->pos < s->nitems) {
		s->pos++;
	}
	s->shown_at = -1;
}

int
session_set_value(session *s, size_t i, int v, long ms)
{
	const bank_item *it;

	if (i >= s->nitems)
		return -1;
	it = &s->bank->items[i];
	if (it->type != ITEM_LIKERT || !it->range || v < it->range->min || v > it->range->max)
		return -1;
	s->values[i] = v;
	s->marks[i] = SESSION_ANSWERED;
	s->ms[i] = ms;
	return 0;
}

/* True when t holds nothing but spaces, tabs and newlines. */
static int
blank(const char *t)
{
	return t[strspn(t, " \t\r\n")] == '\0';
}

int
session_set_text(session *s, size_t i, const char *text, long ms)
{
	size_t n;
	char *t;

	if (i >= s->nitems || s->bank->items[i].type != ITEM_TEXT || !text)
		return -1;
	free(s->texts[i]);
	s->texts[i] = NULL;
	t = text_clean(text);
	n = strlen(t);
	if (n > SESSION_TEXT_MAX) {   /* cut at a character boundary */
		n = SESSION_TEXT_MAX;
		while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
			n--;
		t[n] = '\0';
	}
	/* blank as kept: an escape sequence alone (an arrow key) is no answer */
	if (blank(t)) {
		free(t);
		s->marks[i] = SESSION_SKIPPED;
		s->ms[i] = -1;
		return 0;
	}
	s->texts[i] = t;
	s->marks[i] = SESSION_ANSWERED;
	s->ms[i] = ms;
	return 0;
}

int
session_set_skipped(session *s, size_t i)
{
	if (i >= s->nitems)
		return -1;
	s->values[i] = BANK_NO_ANSWER;
	free(s->texts[i]);
	s->texts[i] = NULL;
	s->marks[i] = SESSION_SKIPPED;
	s->ms[i] = -1;
	return 0;
}

int
session_answer(session *s, int v, long long now_ms)
{
	if (session_at_review(s) || session_set_value(s, s->pos, v, elapsed(s, now_ms)) < 0)
		return -1;
	s->updated = time(NULL);
	advance(s);
	return 0;
}

int
session_answer_text(session *s, const char *text, long long now_ms)
{
	if (session_at_review(s) || session_set_text(s, s->pos, text, elapsed(s, now_ms)) < 0)
		return -1;
	s->updated = time(NULL);
	advance(s);
	return 0;
}

int
session_skip(session *s)
{
	if (session_at_review(s))
		return -1;
	if (s->marks[s->pos] == SESSION_UNSEEN)
		s->marks[s->pos] = SESSION_SKIPPED;
	s->updated = time(NULL);
	advance(s);
	return 0;
}

int
session_clear(session *s)
{
	if (session_at_review(s))
		return -1;
	session_set_skipped(s, s->pos);
	s->updated = time(NULL);
	return 0;
}

int
session_back(session *s)
{
	if (s->pos == 0 || s->nitems == 0)
		return -1;
	if (s->pos > s->nitems)
		s->pos = s->nitems;
	s->pos--;
	s->from_review = 0;
	s->shown_at = -1;
	return 0;
}

int
session_forward(session *s)
{
	if (session_at_review(s) || s->marks[s->pos] == SESSION_UNSEEN)
		return -1;
	s->pos++;
	s->from_review = 0;
	s->shown_at = -1;
	return 0;
}

void
session_first(session *s)
{
	s->pos = 0;
	s->from_review = 0;
	s->shown_at = -1;
}

size_t
session_first_unseen(const session *s)
{
	size_t i = 0;

	while (i < s->nitems && s->marks[i] != SESSION_UNSEEN)
		i++;
	return i;
}

void
session_end(session *s)
{
	s->pos = session_first_unseen(s);
	s->from_review = 0;
	s->shown_at = -1;
}

int
session_goto(session *s, size_t i)
{
	if (i >= s->nitems || !session_complete(s))
		return -1;
	s->pos = i;
	s->from_review = 1;
	s->shown_at = -1;
	return 0;
}

int
session_complete(const session *s)
{
	return session_first_unseen(s) == s->nitems;
}

size_t
session_answered(const session *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nitems; i++)
		n += s->marks[i] == SESSION_ANSWERED;
	return n;
}

size_t
session_answered_likert(const session *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nitems; i++)
		n += s->values[i] != BANK_NO_ANSWER;
	return n;
}

session_mark
session_mark_of(const session *s, size_t i)
{
	return i < s->nitems ? (session_mark)s->marks[i] : SESSION_UNSEEN;
}

int
session_value(const session *s, size_t i)
{
	return i < s->nitems ? s->values[i] : BANK_NO_ANSWER;
}

const char *
session_text(const session *s, size_t i)
{
	return i < s->nitems ? s->texts[i] : NULL;
}

long
session_ms(const session *s, size_t i)
{
	return i < s->nitems ? s->ms[i] : -1;
}

void
session_set_pos(session *s, size_t pos, int from_review)
{
	size_t first = session_first_unseen(s);

	s->pos = pos > first ? first : pos;
	s->from_review = from_review && s->pos < s->nitems && first == s->nitems;
	s->shown_at = -1;
}

void
session_score(const session *s, score_result *r)
{
	score_compute(s->bank, s->values, r);
}
