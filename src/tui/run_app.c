/* run_app.c - the `securebase run` app: applies screen actions to the session (see run_ui.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run_ui.h"

static const tui_screen *const run_screens[RUN_NSCREENS] = {
	[RUN_SCREEN_WELCOME] = &screen_welcome,
	[RUN_SCREEN_ITEM] = &screen_item,
	[RUN_SCREEN_REVIEW] = &screen_review,
	[RUN_SCREEN_RESULTS] = &screen_results,
};

/* Save after a change; a failure is shown, never swallowed. */
static void
save(tui *t, run_ui *u)
{
	if (run_save(u->r) != 0) {
		char msg[sizeof t->flash];
		snprintf(msg, sizeof msg, "Could not save your progress: %s", u->r->save_error);
		tui_flash(t, msg);
	}
}

/* Release the report made for the results screen (only while no screen shows it). */
static void
drop_report(run_ui *u)
{
	if (u->have_rep) {
		report_free(&u->rep);
		free(u->secs);
		u->secs = NULL;
		u->have_rep = 0;
	}
}

/* The screen for where the session is now: the item, or the review. */
static tui_action
go_current(run_ui *u)
{
	session *s = &u->r->s;

	if (session_at_review(s))
		return tui_switch(RUN_SCREEN_REVIEW, NULL);
	if (s->shown_at < 0)
		session_shown(s, session_clock_ms());
	return tui_switch(RUN_SCREEN_ITEM, NULL);
}

/* The "stop for now?" question, worded for saving or not. */
static tui_action
ask_quit(run_ui *u)
{
	if (u->r->o.no_save)
		snprintf(u->quit_text, sizeof u->quit_text, "Nothing is saved in this session "
		         "(--no-save): if you stop now, your answers are gone.");
	else
		snprintf(u->quit_text, sizeof u->quit_text, "Your answers so far are saved on "
		         "this computer. Run securebase --resume%s%s to continue later.",
		         u->r->o.bank_arg ? " --bank " : "", u->r->o.bank_arg ? u->r->o.bank_arg : "");
	u->quit = (tui_confirm){ "Stop for now?", u->quit_text, "Stop", "Keep going",
	                         tui_app(RUN_ACT_STOP, 0, NULL) };
	return tui_push(TUI_SCREEN_CONFIRM, &u->quit);
}

/* Stop before the end: keep the position too.  Exit status 130 (interrupted). */
static int
stop(void *data, tui_stop_why why)
{
	run_ui *u = data;

	(void)why;
	if (u->begun && !u->reached_results)
		run_save(u->r);
	return 130;
}

/* A session move that may be refused: say why instead of doing nothing
 * silently.  The new position is saved too, so that a killed session
 * resumes where the person was. */
static tui_action
moved(tui *t, run_ui *u, int rc, const char *why)
{
	if (rc < 0) {
		tui_flash(t, why);
		return tui_redraw();
	}
	save(t, u);
	return go_current(u);
}

/* Apply one app action to the run. */
static tui_action
apply(tui *t, void *data, const tui_action *a)
{
	run_ui *u = data;
	session *s = &u->r->s;
	long long now = session_clock_ms();

	switch (a->arg) {
	case RUN_ACT_BEGIN:
		run_begin(u->r, (int)a->val);
		u->begun = 1;
		return go_current(u);
	case RUN_ACT_ANSWER:
		if (session_answer(s, (int)a->val, now) < 0)
			return moved(t, u, -1, "That is not one of the answers.");
		save(t, u);
		return go_current(u);
	case RUN_ACT_ANSWER_TEXT:
		session_answer_text(s, a->ptr, now);
		save(t, u);
		return go_current(u);
	case RUN_ACT_KEEP_TEXT:
		if (session_item(s) && session_item(s)->type == ITEM_TEXT) {
			session_set_text(s, s->pos, a->ptr, session_ms(s, s->pos));
			save(t, u);
		}
		return tui_app((int)a->val, 0, NULL);
	case RUN_ACT_SKIP:
		session_skip(s);
		save(t, u);
		return go_current(u);
	case RUN_ACT_BACK:
		return moved(t, u, session_back(s), "This is the first question.");
	case RUN_ACT_FORWARD:
		return moved(t, u, session_forward(s),
		             "Answer this question first, or press s to skip it.");
	case RUN_ACT_HOME:
		session_first(s);
		return moved(t, u, 0, NULL);
	case RUN_ACT_END:
		session_end(s);
		return moved(t, u, 0, NULL);
	case RUN_ACT_GOTO:
		u->review_sel = a->val;
		return moved(t, u, session_goto(s, (size_t)a->val), "Not available yet.");
	case RUN_ACT_RESULTS:
		/* the file goes when the run finishes (run_finish), after --report */
		u->reached_results = 1;
		save(t, u);
		drop_report(u);
		run_report(u->r, &u->rep, 1, &u->secs);
		u->have_rep = 1;
		return tui_switch(RUN_SCREEN_RESULTS, &u->rep);
	case RUN_ACT_REVIEW:
		u->reached_results = 0;
		session_end(s);
		save(t, u);
		return go_current(u);
	case RUN_ACT_ASK_QUIT:
		return ask_quit(u);
	case RUN_ACT_STOP:
		return tui_exit(stop(u, TUI_STOP_SIGNAL));
	case RUN_ACT_DONE:
		return tui_exit(0);
	default:
		return tui_none();
	}
}

int
run_ui_main(run *r, int *fallback)
{
	tui t;
	tui_opts o = { r->o.no_mouse };
	run_ui u;
	tui_program app = { &u, run_screens, RUN_NSCREENS, apply, stop,
	                "q stops; your answers are kept." };
	int status, first = RUN_SCREEN_WELCOME;

	memset(&u, 0, sizeof u);
	u.r = r;
	u.review_sel = -1;
	*fallback = 0;
	if (r->o.no_save)
		app.quit_note = "q stops (nothing is saved: --no-save).";
	if (tui_open(&t, &o) < 0) {
		*fallback = 1;
		return 0;
	}
	if (r->o.resume && run_can_continue(r)) {
		run_begin(r, 1);
		u.begun = 1;
		first = session_at_review(&r->s) ? RUN_SCREEN_REVIEW : RUN_SCREEN_ITEM;
		session_shown(&r->s, session_clock_ms());
	}
	status = tui_run(&t, &app, first, NULL);
	tui_close(&t);
	drop_report(&u);
	if (u.reached_results) {
		int rc = run_finish(r, r->o.quiet ? NULL : stdout, stderr, 1);
		return status == 0 ? rc : status;
	}
	if (r->aside)
		fprintf(stderr, "securebase: your earlier saved progress could not be used; it is "
		        "kept as %s\n", r->aside);
	if (status == 130 && u.begun && !r->o.no_save)
		fprintf(stderr, "securebase: stopped; your answers so far are saved. Run "
		        "securebase --resume%s%s to continue.\n", r->o.bank_arg ? " --bank " : "",
		        r->o.bank_arg ? r->o.bank_arg : "");
	return status;
}
