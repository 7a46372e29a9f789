/* run.c - one `securebase run`: bank, session, saved progress, finish (see run.h). */
#include "run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "banks.h"
#include "config.h"
#include "text.h"
#include "xmalloc.h"

/* Print every record of errs on err as "securebase: FILE:LINE: message". */
static void
print_errs(const errlist *errs, FILE *err)
{
	char buf[1200];

	for (size_t i = 0; i < errs->n; i++)
		fprintf(err, "securebase: %s\n", err_format(&errs->v[i], buf, sizeof buf));
}

/* A bank can be administered only when every item has a text to show. */
static int
check_texts(const bank *b, FILE *err)
{
	for (size_t i = 0; i < b->nitems; i++)
		if (!b->items[i].text) {
			char *id = text_clean_line(b->id);
			fprintf(err, "securebase: bank '%s' is a scoring key: item '%s' has no text "
			        "to show, so it can be used with 'securebase score' but not taken "
			        "here\n", id, b->items[i].id);
			free(id);
			return 65;
		}
	return 0;
}

/* Load the bank and the texts (a clinic's copies where there are some: config.h).  0 or an exit status. */
static int
load_bank(run *r, FILE *err)
{
	errlist errs = { 0 };
	int rc = banks_open(&r->bank, r->o.bank_arg, &errs);

	if (rc == 0)
		rc = check_texts(r->bank, err);
	if (rc == 0)
		rc = config_content_load(&r->content, &errs);
	if (rc != 0) {
		errlist_sort(&errs);
		errlist_print(&errs, err);
	}
	errlist_free(&errs);
	return rc;
}

/* Explain on err why saved progress cannot be continued, with --resume. */
static int
refuse_resume(run *r, FILE *err)
{
	char *id = text_clean_line(r->bank->id);
	int rc = r->found.state == PROGRESS_UNREADABLE ? 66 : 65;

	if (r->found.state == PROGRESS_CHANGED)
		fprintf(err, "securebase: the saved progress for '%s' (%s) was made with another "
		        "version of this questionnaire, so its answers cannot be matched to the "
		        "questions safely.  Run securebase without --resume to start again; the "
		        "old answers will be kept aside, not deleted.\n", id, r->store.path);
	else
		print_errs(&r->found_errs, err);
	if (r->found.state != PROGRESS_CHANGED) {
		errlist e = { 0 };
		if (progress_set_aside(&r->store, r->found.state == PROGRESS_CORRUPT ? "corrupt"
		                       : "unreadable", &r->aside, &e) != 0)
			print_errs(&e, err);
		errlist_free(&e);
		if (r->aside)
			fprintf(err, "securebase: the file is kept as %s\n", r->aside);
	}
	free(id);
	return rc;
}

int
run_open(run *r, const run_opts *o, FILE *err)
{
	errlist errs = { 0 };
	int rc;

	memset(r, 0, sizeof *r);
	r->o = *o;
	if ((rc = load_bank(r, err)) != 0)
		return rc;
	session_init(&r->s, r->bank);
	rc = progress_init(&r->store, o->state_dir, r->bank->id, !o->no_save, &errs);
	if (rc != 0) {
		print_errs(&errs, err);
		errlist_free(&errs);
		return rc;
	}
	progress_load(&r->store, &r->s, &r->found, &r->found_errs);
	if (o->resume && r->found.state == PROGRESS_NONE)
		fprintf(err, "securebase: no saved progress for this questionnaire; starting "
		        "from the beginning\n");
	else if (o->resume && r->found.state != PROGRESS_FOUND)
		return refuse_resume(r, err);
	return 0;
}

int
run_can_continue(const run *r)
{
	return r->found.state == PROGRESS_FOUND;
}

void
run_begin(run *r, int cont)
{
	errlist errs = { 0 };

	if (cont && run_can_continue(r))
		return;
	session_reset(&r->s);
	if (r->found.state == PROGRESS_CHANGED || r->found.state == PROGRESS_CORRUPT ||
	    r->found.state == PROGRESS_UNREADABLE) {
		const char *tag = r->found.state == PROGRESS_CHANGED ? "changed"
		                : r->found.state == PROGRESS_CORRUPT ? "corrupt" : "unreadable";
		free(r->aside);
		r->aside = NULL;
		progress_set_aside(&r->store, tag, &r->aside, &errs);
	}
	errlist_free(&errs);
}

int
run_save(run *r)
{
	errlist errs = { 0 };
	int rc;

	/* Nothing met yet (begun, then stopped at once): no file to leave behind. */
	if (session_first_unseen(&r->s) == 0 && r->s.pos == 0 && session_answered(&r->s) == 0)
		return 0;
	rc = progress_save(&r->store, &r->s, &errs);

	free(r->save_error);
	r->save_error = NULL;
	if (rc != 0) {
		char buf[1200];
		r->save_error = xstrdup(err_format(&errs.v[0], buf, sizeof buf));
	}
	errlist_free(&errs);
	return rc;
}

void
run_report(const run *r, report *rep, int timed, double **secs)
{
	*secs = NULL;
	if (timed) {
		*secs = xcalloc(r->s.nitems ? r->s.nitems : 1, sizeof **secs);
		for (size_t i = 0; i < r->s.nitems; i++)
			(*secs)[i] = r->s.ms[i] < 0 ? NAN : (double)r->s.ms[i] / 1000.0;
	}
	report_init(rep, r->bank, r->content, r->s.values, (const char *const *)r->s.texts, *secs);
	rep->include_reflections = r->o.include_reflections;
}

int
run_finish(run *r, FILE *out, FILE *err, int timed)
{
	errlist errs = { 0 };
	report rep;
	double *secs;
	int rc = 0;

	r->finished = 1;
	run_report(r, &rep, timed, &secs);
	if (r->o.report && (rc = report_save(&rep, r->o.report, r->o.format, &errs)) != 0) {
		print_errs(&errs, err);
		errlist_free(&errs);
		/* keep the answers: --resume with a good --report path finishes again */
		if (run_save(r) == 0 && !r->o.no_save)
			fprintf(err, "securebase: your answers are kept; run securebase --resume "
			        "--report FILE to write the report\n");
	} else if (progress_remove(&r->store, &errs) != 0) {
		print_errs(&errs, err);
	}
	errlist_free(&errs);
	if (out && report_print_summary(out, &rep) != 0 && rc == 0) {
		fputs("securebase: the summary could not be written (disk full or closed "
		      "pipe?)\n", err);
		rc = 74;
	}
	report_free(&rep);
	free(secs);
	errlist_free(&errs);
	return rc;
}

char *
run_saved_note(const run *r)
{
	char when[64] = "";
	struct tm tm;
	time_t t = r->found.saved;

	if (t && localtime_r(&t, &tm) && strftime(when, sizeof when, "%a %d %b %H:%M", &tm) == 0)
		when[0] = '\0';
	switch (r->found.state) {
	case PROGRESS_FOUND:
		return xasprintf("You have saved progress: %zu of %zu questions answered "
		                 "(saved %s).", r->found.answered, r->s.nitems, when);
	case PROGRESS_CHANGED:
		return xasprintf("You have saved progress from %s, but this questionnaire has "
		                 "changed since, so those answers cannot be used. Starting again "
		                 "keeps the old file aside; nothing is deleted.", when);
	case PROGRESS_CORRUPT: {
		char buf[1200] = "damaged file";
		if (r->found_errs.n)
			err_format(&r->found_errs.v[0], buf, sizeof buf);
		return xasprintf("Your saved progress could not be read (%s). Starting again "
		                 "keeps the damaged file aside; nothing is deleted.", buf);
	}
	case PROGRESS_UNREADABLE:
		return xasprintf("Your saved progress could not be opened (%s).",
		                 r->found_errs.n ? r->found_errs.v[0].msg : "unreadable");
	default:
		return NULL;
	}
}

const char *
run_disclaimer(const run *r)
{
	const char *d = r->content ? content_disclaimer(r->content) : NULL;

	return d ? d : "This is a self-reflection tool, not a diagnosis. If anything here "
	               "worries you, please talk to a doctor, counsellor or psychologist.";
}

void
run_close(run *r)
{
	session_free(&r->s);
	progress_free(&r->store);
	progress_info_free(&r->found);
	errlist_free(&r->found_errs);
	bank_free(r->bank);
	content_free(r->content);
	free(r->aside);
	free(r->save_error);
	memset(r, 0, sizeof *r);
}
