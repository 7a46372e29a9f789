/* test_session.c - navigation, answering, changing answers and timing (session.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bank.h"
#include "session.h"

/* Four likert items (1..5 and one 0..3) and one text item. */
static const char BANK[] =
	"securebase: 1\n"
	"id: t\n"
	"title: Test\n"
	"response_scale: {min: 1, max: 5, labels: {1: No, 5: Yes}}\n"
	"scales:\n"
	"  - id: anxiety\n"
	"    name: Anxiety\n"
	"    min_answered: 1\n"
	"  - id: avoidance\n"
	"    name: Avoidance\n"
	"    min_answered: 1\n"
	"classification: {method: quadrant, anxiety: anxiety, avoidance: avoidance}\n"
	"items:\n"
	"  - {id: a1, text: One, scale: anxiety}\n"
	"  - {id: a2, text: Two, scale: anxiety, reverse: true}\n"
	"  - {id: v1, text: Three, scale: avoidance}\n"
	"  - {id: v2, text: Four, scale: avoidance, response_scale: {min: 0, max: 3}}\n"
	"  - {id: note, text: Five, type: text}\n";

typedef struct fixture {
	bank *b;
	session s;
} fixture;

static int
setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	errlist errs = { 0 };

	if (bank_load_mem(&f->b, "t.yaml", BANK, sizeof BANK - 1, &errs) != 0) {
		errlist_print(&errs, stderr);
		return -1;
	}
	errlist_free(&errs);
	session_init(&f->s, f->b);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;

	session_free(&f->s);
	bank_free(f->b);
	free(f);
	return 0;
}

static void
test_linear_administration(void **state)
{
	fixture *f = *state;
	session *s = &f->s;

	assert_int_equal(s->pos, 0);
	assert_false(session_at_review(s));
	assert_string_equal(session_item(s)->id, "a1");
	assert_int_equal(session_answer(s, 4, 0), 0);
	assert_int_equal(session_answer(s, 2, 0), 0);
	assert_int_equal(session_answer(s, 5, 0), 0);
	assert_int_equal(session_answer(s, 3, 0), 0);
	assert_false(session_complete(s));
	assert_int_equal(session_answer_text(s, "I would like more trust.", 0), 0);
	assert_true(session_at_review(s));
	assert_null(session_item(s));
	assert_true(session_complete(s));
	assert_int_equal(session_answered(s), 5);
	assert_int_equal(session_answered_likert(s), 4);
	assert_string_equal(session_text(s, 4), "I would like more trust.");
	assert_int_equal(session_value(s, 4), BANK_NO_ANSWER);   /* text is never scored */

	score_result r;
	score_result_init(&r, f->b);
	session_score(s, &r);
	assert_true(r.scales[0].has_score);
	assert_true(r.scales[0].score == (4 + (6 - 2)) / 2.0);
	score_result_free(&r);
}

static void
test_rejects_invalid_answers(void **state)
{
	fixture *f = *state;
	session *s = &f->s;

	assert_int_equal(session_answer(s, 0, 0), -1);
	assert_int_equal(session_answer(s, 6, 0), -1);
	assert_int_equal(s->pos, 0);
	assert_int_equal(session_answer_text(s, "text on a likert item", 0), -1);
	assert_int_equal(session_mark_of(s, 0), SESSION_UNSEEN);
	/* the per-item range: v2 is 0..3 */
	s->marks[0] = s->marks[1] = s->marks[2] = SESSION_SKIPPED;
	session_set_pos(s, 3, 0);
	assert_int_equal(s->pos, 3);
	assert_int_equal(session_answer(s, 4, 0), -1);
	assert_int_equal(session_answer(s, 0, 0), 0);
	assert_int_equal(session_value(s, 3), 0);
	assert_int_equal(session_answer(s, 1, 0), -1);   /* a text item */
}

static void
test_back_and_change_answer(void **state)
{
	fixture *f = *state;
	session *s = &f->s;

	session_answer(s, 1, 0);
	session_answer(s, 2, 0);
	assert_int_equal(s->pos, 2);
	assert_int_equal(session_back(s), 0);
	assert_int_equal(s->pos, 1);
	assert_int_equal(session_value(s, 1), 2);   /* the answer is still there */
	assert_int_equal(session_answer(s, 5, 0), 0);
	assert_int_equal(session_value(s, 1), 5);
	assert_int_equal(s->pos, 2);
	assert_int_equal(session_back(s), 0);
	assert_int_equal(session_back(s), 0);
	assert_int_equal(session_back(s), -1);         /* already at the first */
	assert_int_equal(s->pos, 0);
	assert_int_equal(session_answered(s), 2);
}

static void
test_forward_only_over_seen(void **state)
{
	fixture *f = *state;
	session *s = &f->s;

	assert_int_equal(session_forward(s), -1);    /* unanswered */
	session_answer(s, 3, 0);
	session_back(s);
	assert_int_equal(session_forward(s), 0);
	assert_int_equal(s->pos, 1);
	assert_int_equal(session_forward(s), -1);
	assert_int_equal(session_skip(s), 0);        /* leave a2 unanswered */
	assert_int_equal(session_mark_of(s, 1), SESSION_SKIPPED);
	assert_int_equal(s->pos, 2);
	session_back(s);
	assert_int_equal(session_forward(s), 0);     /* a skipped item can be passed */
	session_first(s);
	assert_int_equal(s->pos, 0);
	session_end(s);
	assert_int_equal(s->pos, 2);                 /* the first unseen */
	/* skip keeps an existing answer */
	session_first(s);
	assert_int_equal(session_skip(s), 0);
	assert_int_equal(session_value(s, 0), 3);
}

static void
test_review_goto_and_return(void **state)
{
	fixture *f = *state;
	session *s = &f->s;

	assert_int_equal(session_goto(s, 1), -1);    /* review not reached yet */
	for (int i = 0; i < 4; i++)
		session_answer(s, 1, 0);
	session_answer_text(s, "   ", 0);            /* blank text: skipped */
	assert_int_equal(session_mark_of(s, 4), SESSION_SKIPPED);
	assert_true(session_at_review(s));
	assert_int_equal(session_goto(s, 9), -1);
	assert_int_equal(session_goto(s, 2), 0);
	assert_int_equal(s->pos, 2);
	assert_true(s->from_review);
	session_answer(s, 4, 0);
	assert_true(session_at_review(s));           /* back to the review */
	assert_false(s->from_review);
	assert_int_equal(session_value(s, 2), 4);
	/* from the review, back goes to the last item; navigation clears from_review */
	assert_int_equal(session_back(s), 0);
	assert_int_equal(s->pos, 4);
	session_goto(s, 0);
	session_forward(s);
	assert_false(s->from_review);
	assert_int_equal(s->pos, 1);
	session_end(s);
	assert_true(session_at_review(s));
	assert_int_equal(session_forward(s), -1);
}

static void
test_clear_and_text_limits(void **state)
{
	fixture *f = *state;
	session *s = &f->s;
	char *big = malloc(SESSION_TEXT_MAX + 10);

	session_answer(s, 2, 0);
	session_back(s);
	assert_int_equal(session_clear(s), 0);
	assert_int_equal(session_mark_of(s, 0), SESSION_SKIPPED);
	assert_int_equal(session_value(s, 0), BANK_NO_ANSWER);
	/* a long text is cut at a character boundary */
	memset(big, 'a', SESSION_TEXT_MAX - 1);
	memcpy(big + SESSION_TEXT_MAX - 1, "\xC3\xA9tail", 7);
	assert_int_equal(session_set_text(s, 4, big, -1), 0);
	assert_int_equal(strlen(session_text(s, 4)), SESSION_TEXT_MAX - 1);
	free(big);
	assert_int_equal(session_set_text(s, 0, "x", -1), -1);
	session_reset(s);
	assert_int_equal(session_answered(s), 0);
	assert_null(session_text(s, 4));
}

static void
test_timing(void **state)
{
	fixture *f = *state;
	session *s = &f->s;

	session_shown(s, 1000);
	session_answer(s, 3, 1750);
	assert_int_equal(session_ms(s, 0), 750);
	/* not shown: unknown */
	session_answer(s, 3, 5000);
	assert_int_equal(session_ms(s, 1), -1);
	session_shown(s, 6000);
	session_answer_text(s, "", 6100);   /* no-op for likert: rejected */
	session_answer(s, 2, 6100);
	assert_int_equal(session_ms(s, 2), 100);
	assert_true(s->started != 0);
	assert_true(session_clock_ms() > 0);
}

static void
test_set_pos_clamps(void **state)
{
	fixture *f = *state;
	session *s = &f->s;

	session_set_pos(s, 4, 0);
	assert_int_equal(s->pos, 0);                 /* nothing seen yet */
	session_set_value(s, 0, 1, -1);
	session_set_value(s, 1, 1, -1);
	session_set_pos(s, 4, 1);
	assert_int_equal(s->pos, 2);
	assert_false(s->from_review);                /* not complete: no review */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_linear_administration, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rejects_invalid_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_back_and_change_answer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forward_only_over_seen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_goto_and_return, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clear_and_text_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_pos_clamps, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
